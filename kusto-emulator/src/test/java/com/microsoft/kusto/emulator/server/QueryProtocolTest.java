package com.microsoft.kusto.emulator.server;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries over v2 (frames, every Kusto type, parameters), streaming query, and queries on the mgmt endpoint. */
class QueryProtocolTest {
  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).storage(false).database("db"));

  private static Client client;

  @BeforeAll
  static void load() throws Exception {
    client = EmulatorTestSupport.client(KUSTO.emulator());
    client.executeMgmt("db", ".create table AllTypes (b:bool, i:int, l:long, r:real, d:decimal, s:string,"
        + " dt:datetime, ts:timespan, g:guid, dyn:dynamic)");
    client.executeMgmt("db", ".ingest inline into table AllTypes <|\n"
        + "true,42,7,2,123.456,hello,2024-01-02T03:04:05.1234560Z,1.02:03:04.5,3f2504e0-4f89-11d3-9a0c-0305e82c3301,"
        + "\"{\"\"a\"\":[1,2]}\"\n"
        + ",,,,,,,,,");
  }

  @Test
  void theV1QueryEndpointAnswersTheServiceShapeWithATableOfContents() throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(KUSTO.emulator().engineUrl() + "/v1/rest/query"))
        .header("Content-Type", "application/json").header("x-ms-client-request-id", "v1-test;1")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"db\":\"db\",\"csl\":\"AllTypes | where isnotnull(i) | project i, s, dyn\"}"))
        .build();
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    // The SDK's own v1 parser: with three tables or more the last is the table of contents naming the others.
    KustoOperationResult result = new KustoOperationResult(response.body(), "v1");
    assertThat(result.getResultTables()).hasSize(4);
    KustoResultSetTable primary = result.getPrimaryResults();
    assertThat(primary.next()).isTrue();
    assertThat(primary.getInt("i")).isEqualTo(42);
    assertThat(primary.getString("s")).isEqualTo("hello");
    assertThat(primary.getString("dyn")).isEqualTo("{\"a\":[1,2]}");
    assertThat(primary.next()).isFalse();
    KustoResultSetTable toc = result.getResultTables().get(3);
    toc.beforeFirst(); // the SDK has read it to find the primary result
    assertThat(column(toc, "Kind")).containsExactly("QueryResult", "QueryProperties", "QueryStatus");
    KustoResultSetTable status = result.getResultTables().get(2);
    assertThat(column(status, "ClientActivityId")).containsExactly("v1-test;1");
  }

  @Test
  void answersV2FramesThatTheSdkReadsWithEveryGetter() throws Exception {
    KustoOperationResult result = client.executeQuery("db", "AllTypes | where isnotnull(i)");
    KustoResultSetTable t = result.getPrimaryResults();
    assertThat(t.next()).isTrue();
    assertThat(t.getBoolean("b")).isTrue();
    assertThat(t.getInt("i")).isEqualTo(42);
    assertThat(t.getLong("l")).isEqualTo(7L);
    assertThat(t.getDouble("r")).isEqualTo(2.0);
    assertThat(t.getBigDecimal("d")).isEqualByComparingTo(new BigDecimal("123.456"));
    assertThat(t.getString("s")).isEqualTo("hello");
    assertThat(t.getKustoDateTime("dt")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
    assertThat(t.getString("dt")).isEqualTo("2024-01-02T03:04:05.1234560Z");
    assertThat(t.getString("ts")).isEqualTo("1.02:03:04.5000000");
    assertThat(t.getUUID("g")).isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    JsonNode dyn = t.getJSONObject("dyn");
    assertThat(dyn.path("a").get(1).asInt()).isEqualTo(2);
    assertThat(t.next()).isFalse();
    // The service-like frames: QueryProperties, PrimaryResult and QueryCompletionInformation tables.
    assertThat(result.getResultTables()).hasSize(3);
  }

  @Test
  void nullsOfEveryTypeComeBackAsNull() throws Exception {
    KustoResultSetTable t = client.executeQuery("db", "AllTypes | where isnull(i)").getPrimaryResults();
    assertThat(t.next()).isTrue();
    for (String name : new String[] {"b", "i", "l", "r", "d", "dt", "ts", "g", "dyn"}) {
      assertThat(t.getObject(name)).as(name).isNull();
    }
  }

  @Test
  void passesClientRequestPropertiesParameters() throws Exception {
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setParameter("n", 42);
    crp.setParameter("word", "hello");
    KustoResultSetTable t = client.executeQuery("db",
        "declare query_parameters(n:int, word:string); AllTypes | where i == n and s == word | project l", crp)
        .getPrimaryResults();
    assertThat(column(t, "l")).containsExactly("7");
  }

  @Test
  void streamingQueryGetsAGzipAnswerTheSdkCanRead() throws Exception {
    StreamingClient streaming = ClientFactory.createStreamingClient(
        new ConnectionStringBuilder("Data Source=" + KUSTO.emulator().engineUrl()));
    try (InputStream in = streaming.executeStreamingQuery("db", "AllTypes | where isnotnull(i) | project s", null)) {
      JsonNode frames = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(frames.isArray()).isTrue();
      assertThat(frames.get(0).path("FrameType").asText()).isEqualTo("DataSetHeader");
      assertThat(frames.toString()).contains("\"hello\"");
      assertThat(frames.get(frames.size() - 1).path("FrameType").asText()).isEqualTo("DataSetCompletion");
    }
  }

  @Test
  void queriesSentToTheManagementEndpointWork() throws Exception {
    KustoResultSetTable t = client.executeMgmt("db", "AllTypes | where isnotnull(i) | project s").getPrimaryResults();
    assertThat(column(t, "s")).containsExactly("hello");
    String json = client.executeToJsonResult("db", "AllTypes | count", null);
    assertThat(json).startsWith("[").contains("PrimaryResult");
  }

  @Test
  void runsQueriesOverCommandResults() throws Exception {
    KustoResultSetTable t = client.executeMgmt("db",
        ".show table ['AllTypes'] schema as json | project ColumnsJson=todynamic(Schema).OrderedColumns")
        .getPrimaryResults();
    assertThat(t.next()).isTrue();
    JsonNode columns = new ObjectMapper().readTree(t.getString("ColumnsJson"));
    assertThat(columns).hasSize(10);
    assertThat(columns.get(9).path("CslType").asText()).isEqualTo("dynamic");
    KustoResultSetTable rows = client.executeMgmt("db",
        ".show table AllTypes extents; $command_results | summarize Rows = sum(RowCount)").getPrimaryResults();
    assertThat(column(rows, "Rows")).containsExactly("2");
  }

  @Test
  void unknownTableInAQueryIsAPermanentError() {
    assertThatThrownBy(() -> client.executeQuery("db", "NoSuchTable | take 1"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("NoSuchTable")
        .matches(e -> ((DataServiceException) e).isPermanent());
  }

  @Test
  void strictModeRejectsInvalidKqlWithTheParsersDiagnostic() {
    assertThatThrownBy(() -> client.executeQuery("db", "AllTypes | whre i == 1"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("KS").hasMessageContaining("[whre]");
  }
}
