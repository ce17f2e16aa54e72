package com.microsoft.kusto.emulator.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.DevStorageAccount;
import com.microsoft.kusto.emulator.storage.StorageTestEndpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .export} through the official Client; exported blobs read back with azure-storage-blob and DuckDB. */
class ExportSdkTest {
  private static final String DB = StorageTestEndpoint.DB;
  private static StorageTestEndpoint endpoint;
  private static Client client;
  private static String containerUrl;
  private static BlobContainerClient container;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = new StorageTestEndpoint();
    client = endpoint.client();
    client.executeMgmt(
        DB, ".create table E1 (b:bool, i:int, l:long, r:real, d:decimal, dt:datetime, ts:timespan, s:string, g:guid, dyn:dynamic)");
    client.executeMgmt(DB, ".create table Big (n:long, s:string)");
    try (StreamingIngestClient streaming = IngestClientFactory.createStreamingIngestClient(endpoint.csb())) {
      IngestionProperties props = new IngestionProperties(DB, "E1");
      props.setDataFormat(DataFormat.CSV);
      streaming.ingestFromStream(
          stream(
              "true,1,2,1.5,2.25,2024-01-02T03:04:05.1234567Z,1.02:03:04.5,\"a,b\",3f2504e0-4f89-11d3-9a0c-0305e82c3301,\"{\"\"k\"\":1}\"\n"
                  + ",,,,,,,,,\n"),
          props);
      StringBuilder big = new StringBuilder();
      for (int n = 0; n < 50_000; n++) {
        big.append(n).append(",row-").append(n).append("-padding-to-make-the-file-bigger\n");
      }
      IngestionProperties bigProps = new IngestionProperties(DB, "Big");
      bigProps.setDataFormat(DataFormat.CSV);
      streaming.ingestFromStream(stream(big.toString()), bigProps);
    }
    containerUrl = endpoint.storage.containerUrlWithSas(AzuriteStorage.EXPORT_CONTAINER);
    container = new BlobContainerClientBuilder().endpoint(containerUrl).buildClient();
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static StreamSourceInfo stream(String text) {
    return new StreamSourceInfo(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private record Row(String path, long records, long size) {}

  private static List<Row> rows(KustoResultSetTable table) {
    List<Row> rows = new ArrayList<>();
    while (table.next()) {
      rows.add(new Row(table.getString("Path"), table.getLong("NumRecords"), table.getLong("SizeInBytes")));
    }
    return rows;
  }

  private Path download(String blobUrl) {
    String name = blobUrl.substring(blobUrl.indexOf("/" + AzuriteStorage.EXPORT_CONTAINER + "/") + AzuriteStorage.EXPORT_CONTAINER.length() + 2);
    Path file = dir.resolve(name.replace('/', '_'));
    container.getBlobClient(name).downloadToFile(file.toString(), true);
    return file;
  }

  private static List<List<String>> duck(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone='UTC'");
      try (ResultSet rs = s.executeQuery(sql)) {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  @Test
  void syncParquetExportWithHiddenSasUrlWritesEveryType() throws Exception {
    List<Row> rows =
        rows(
            client
                .executeMgmt(
                    DB,
                    ".export compressed to parquet (h@\"" + containerUrl + "\") with (namePrefix=\"sync1/part\","
                        + " compressionType=\"snappy\") <| E1")
                .getPrimaryResults());

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path()).startsWith(endpoint.storage.publicContainerUrl(AzuriteStorage.EXPORT_CONTAINER) + "/sync1/part_");
    assertThat(rows.get(0).path()).endsWith(".snappy.parquet");
    assertThat(rows.get(0).records()).isEqualTo(2);
    Path file = download(rows.get(0).path());
    assertThat(rows.get(0).size()).isEqualTo(Files.size(file));
    assertThat(duck("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))"))
        .containsExactly(
            List.of("b", "BOOLEAN"), List.of("i", "INTEGER"), List.of("l", "BIGINT"), List.of("r", "DOUBLE"),
            List.of("d", "DECIMAL(38,18)"), List.of("dt", "TIMESTAMP WITH TIME ZONE"), List.of("ts", "BIGINT"),
            List.of("s", "VARCHAR"), List.of("g", "VARCHAR"), List.of("dyn", "VARCHAR"));
    assertThat(duck("SELECT b, i, l, r, d, CAST(dt AS VARCHAR), ts, s, g, dyn FROM read_parquet('" + file + "') ORDER BY b NULLS LAST"))
        .containsExactly(
            List.of("true", "1", "2", "1.5", "2.250000000000000000", "2024-01-02 03:04:05.123456+00", "937845000000",
                "a,b", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "{\"k\":1}"),
            java.util.Arrays.asList(null, null, null, null, null, null, null, "", null, null));
  }

  @Test
  void asyncCompressedCsvExportWithAccountKeyIsAnOperationWithDetails() throws Exception {
    String keyUrl = endpoint.storage.publicContainerUrl(AzuriteStorage.EXPORT_CONTAINER) + "/async1;" + DevStorageAccount.KEY;
    KustoResultSetTable started =
        client
            .executeMgmt(DB, ".export async compressed to csv (h\"" + keyUrl + "\") with (includeHeaders=\"all\") <| E1")
            .getPrimaryResults();
    started.next();
    String operationId = started.getString("OperationId");

    assertThat(awaitState(operationId)).isEqualTo("Completed");
    List<Row> rows = rows(client.executeMgmt(DB, ".show operation " + operationId + " details").getPrimaryResults());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path()).contains("/async1/export_").endsWith(".csv.gz");
    assertThat(rows.get(0).records()).isEqualTo(2);
    Path file = download(rows.get(0).path());
    String text = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text.split("\n")[0]).isEqualTo("b,i,l,r,d,dt,ts,s,g,dyn");
    assertThat(text.split("\n")[1])
        .startsWith("true,1,2,1.5,2.25")
        .contains("2024-01-02T03:04:05.1234560Z,1.02:03:04.5000000,\"a,b\",3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  }

  @Test
  void aUrlSplitIntoAdjacentLiteralsIsOneStringWithItsHiddenSas() throws Exception {
    // The usual way to keep a SAS out of logs: the public part in a plain literal, the secret in an h@ literal.
    String[] urlAndSas = containerUrl.replace("?", "/joined?").split("\\?", 2);
    List<Row> rows = rows(client.executeMgmt(DB, ".export to csv (\"" + urlAndSas[0] + "\" h@\"?" + urlAndSas[1]
        + "\") with (namePrefix=\"j\") <| E1").getPrimaryResults());
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).path()).contains("/joined/j");
  }

  @Test
  void sizeLimitSplitsIntoSeveralBlobsAcrossTheGivenUrls() throws Exception {
    String second = endpoint.storage.containerUrlWithSas(AzuriteStorage.EXPORT_CONTAINER).replace("?", "/split2?");
    List<Row> rows =
        rows(
            client
                .executeMgmt(
                    DB,
                    ".export to parquet (h@\"" + containerUrl.replace("?", "/split1?") + "\", h@\"" + second + "\")"
                        + " with (sizeLimit=200000, namePrefix=\"p\") <| Big")
                .getPrimaryResults());

    assertThat(rows.size()).isGreaterThan(2);
    assertThat(rows.stream().mapToLong(Row::records).sum()).isEqualTo(50_000);
    assertThat(rows).anyMatch(r -> r.path().contains("/split1/p_")).anyMatch(r -> r.path().contains("/split2/p_"));
    long total = 0;
    for (Row row : rows) {
      Path file = download(row.path());
      total += Long.parseLong(duck("SELECT count(*) FROM read_parquet('" + file + "')").get(0).get(0));
    }
    assertThat(total).isEqualTo(50_000);
    assertThat(container.listBlobsByHierarchy("split1/").stream().map(BlobItem::getName)).allMatch(n -> n.startsWith("split1/p_"));
  }

  @Test
  void distributedExportHasEachNodeWriteAContiguousShareOfTheRows() throws Exception {
    List<Row> rows =
        rows(client.executeMgmt(DB, ".export to parquet (h@\"" + containerUrl.replace("?", "/nodes?") + "\")"
            + " <| Big | order by n asc").getPrimaryResults());

    assertThat(rows).hasSize(KustoEmulator.Builder.DEFAULT_NODES);
    long next = 0;
    for (Row row : rows) {
      Path file = download(row.path());
      List<List<String>> range = duck("SELECT min(n), max(n), count(*) FROM read_parquet('" + file + "')");
      // Files come in node order, each a contiguous range of the (sorted) result.
      assertThat(range.get(0)).containsExactly(Long.toString(next), Long.toString(next + row.records() - 1),
          Long.toString(row.records()));
      next += row.records();
    }
    assertThat(next).isEqualTo(50_000);
    assertThat(rows.get(0).records()).isEqualTo(25_000);
    assertThat(endpoint.rowsOf("SELECT count(*) FROM duckdb_tables() WHERE schema_name = '$export'"))
        .as("scratch tables dropped").containsExactly(List.of("0"));
  }

  @Test
  void nonDistributedExportAndSmallResultsWriteOneFile() throws Exception {
    List<Row> single =
        rows(client.executeMgmt(DB, ".export to parquet (h@\"" + containerUrl + "\") with (distributed=false)"
            + " <| Big").getPrimaryResults());
    List<Row> singleDistribution =
        rows(client.executeMgmt(DB, ".export to csv (h@\"" + containerUrl + "\") with (distribution=\"single\")"
            + " <| Big").getPrimaryResults());
    List<Row> small =
        rows(client.executeMgmt(DB, ".export to parquet (h@\"" + containerUrl + "\") <| Big | take 9999")
            .getPrimaryResults());

    assertThat(single).singleElement().satisfies(r -> assertThat(r.records()).isEqualTo(50_000));
    assertThat(singleDistribution).singleElement().satisfies(r -> assertThat(r.records()).isEqualTo(50_000));
    assertThat(small).singleElement().satisfies(r -> assertThat(r.records()).isEqualTo(9_999));
    assertThatThrownBy(() -> client.executeMgmt(DB, ".export to csv (h@\"" + containerUrl + "\")"
        + " with (distributed=maybe) <| Big"))
        .isInstanceOf(DataServiceException.class)
        .hasMessageContaining("distributed='maybe'");
  }

  @Test
  void exportedQueryGetsTheRequestsQueryParameters() throws Exception {
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setParameter("below", 1234L);
    crp.setParameter("word", "row-40000-padding-to-make-the-file-bigger");
    List<Row> rows =
        rows(client.executeMgmt(DB, ".export to csv (h@\"" + containerUrl + "\") <| declare query_parameters("
            + "below:long, word:string); Big | where n < below or s == word", crp).getPrimaryResults());

    assertThat(rows.stream().mapToLong(Row::records).sum()).isEqualTo(1235);
    assertThatThrownBy(() -> client.executeMgmt(DB, ".export to csv (h@\"" + containerUrl + "\") <| declare"
        + " query_parameters(below:long); Big | where n < below"))
        .as("a declared parameter without value or default")
        .isInstanceOf(DataServiceException.class)
        .hasMessageContaining("query parameter 'below'");
  }

  @Test
  void wrongCredentialAndInjectedFaultsFailTheExport() throws Exception {
    String otherSas = endpoint.storage.containerUrlWithSas(AzuriteStorage.TEMP_CONTAINER);
    String wrong = containerUrl.substring(0, containerUrl.indexOf('?')) + otherSas.substring(otherSas.indexOf('?'));
    assertThatThrownBy(() -> client.executeMgmt(DB, ".export to csv (\"" + wrong + "\") <| E1"))
        .isInstanceOf(DataServiceException.class)
        .hasMessageContaining("403")
        .hasMessageNotContaining("sig=");

    endpoint.faults.stallExports(Duration.ofMillis(1500)).failExports("disk on fire");
    try {
      KustoResultSetTable started =
          client.executeMgmt(DB, ".export async to parquet (h@\"" + containerUrl + "\") <| E1").getPrimaryResults();
      started.next();
      String id = started.getString("OperationId");
      assertThat(state(id)).isEqualTo("InProgress");
      assertThat(awaitState(id)).isEqualTo("Failed");
      KustoResultSetTable op = client.executeMgmt(DB, ".show operations " + id).getPrimaryResults();
      op.next();
      assertThat(op.getString("Status")).contains("disk on fire");
    } finally {
      endpoint.faults.clear();
    }
  }

  @Test
  void badQueryFailsTheCommandItself() {
    assertThatThrownBy(() -> client.executeMgmt(DB, ".export async to parquet (h@\"" + containerUrl + "\") <| NoSuchTable"))
        .isInstanceOf(DataServiceException.class)
        .hasMessageContaining("NoSuchTable");
  }

  private static String state(String operationId) throws Exception {
    KustoResultSetTable op = client.executeMgmt(DB, ".show operations " + operationId).getPrimaryResults();
    op.next();
    return op.getString("State");
  }

  private static String awaitState(String operationId) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    String state = state(operationId);
    while (state.equals("InProgress") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      state = state(operationId);
    }
    return state;
  }
}
