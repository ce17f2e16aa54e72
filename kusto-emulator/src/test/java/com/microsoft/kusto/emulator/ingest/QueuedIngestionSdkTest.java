package com.microsoft.kusto.emulator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.source.BlobSourceInfo;
import com.microsoft.azure.kusto.ingest.source.FileSourceInfo;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.StorageTestEndpoint;
import com.microsoft.kusto.emulator.store.Extent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queued ingestion end to end: the official QueuedIngestClient, Azurite, the emulator's ingestion loop. */
public class QueuedIngestionSdkTest {
  private static StorageTestEndpoint endpoint;
  private static Client client;
  private static QueuedIngestClient ingest;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = new StorageTestEndpoint();
    client = endpoint.client();
    ingest = IngestClientFactory.createClient(endpoint.csb());
  }

  @AfterAll
  static void stop() throws Exception {
    if (ingest != null) {
      ingest.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static void createTable(String name, String schema) throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table " + name + " (" + schema + ")");
  }

  private static IngestionProperties tableReported(String table, DataFormat format) {
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, table);
    props.setDataFormat(format);
    props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    props.setReportMethod(IngestionReportMethod.TABLE);
    return props;
  }

  /** Polls the status row the SDK reads until it leaves Pending, as the Spark connector does. */
  public static IngestionStatus awaitFinal(IngestionResult result) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      IngestionStatus status = result.getIngestionStatusCollection().get(0);
      if (!"Pending".equals(String.valueOf(status.getStatus())) || Instant.now().isAfter(deadline)) {
        return status;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void csvFileWithIgnoredHeaderSucceedsAndLandsInTheTable() throws Exception {
    createTable("Csv1", "a:int, s:string, dt:datetime");
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,s,dt\n1,\"x,y\",2024-01-02T03:04:05.1234567Z\n2,,\n");
    IngestionProperties props = tableReported("Csv1", DataFormat.CSV);
    props.setIgnoreFirstRecord(true);
    props.setFlushImmediately(true);

    IngestionStatus status = awaitFinal(ingest.ingestFromFile(new FileSourceInfo(file.toString()), props));

    assertThat(String.valueOf(status.getStatus())).isEqualTo("Succeeded");
    assertThat(endpoint.rows("Csv1", "CAST(c0 AS VARCHAR), c1, CAST(c2 AS VARCHAR)", "ORDER BY c0"))
        .containsExactly(List.of("1", "x,y", "2024-01-02 03:04:05.123456"), java.util.Arrays.asList("2", "", null));
  }

  @Test
  void jsonStreamWithInlineMappingAndMultijsonWithMappingReference() throws Exception {
    createTable("Json1", "id:long, name:string, payload:dynamic");
    IngestionProperties inline = tableReported("Json1", DataFormat.JSON);
    ColumnMapping id = new ColumnMapping("id", "long");
    id.setPath("$.key");
    ColumnMapping name = new ColumnMapping("name", "string");
    name.setPath("$.inner.name");
    ColumnMapping payload = new ColumnMapping("payload", "dynamic");
    payload.setPath("$.inner");
    inline.setIngestionMapping(new ColumnMapping[] {id, name, payload}, IngestionMappingKind.JSON);
    byte[] lines = "{\"key\":1,\"inner\":{\"name\":\"a\"}}\n{\"key\":2,\"inner\":{\"name\":\"b\"}}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(String.valueOf(awaitFinal(ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(lines)), inline)).getStatus()))
        .isEqualTo("Succeeded");

    client.executeMgmt(
        StorageTestEndpoint.DB,
        ".create table Json1 ingestion json mapping \"byRef\" '[{\"column\":\"id\",\"path\":\"$.k\",\"datatype\":\"long\"},"
            + "{\"column\":\"name\",\"path\":\"$.n\"}]'");
    IngestionProperties byRef = tableReported("Json1", DataFormat.MULTIJSON);
    byRef.setIngestionMapping("byRef", IngestionMappingKind.JSON);
    byte[] array = "[{\"k\":3,\"n\":\"c\"},\n {\"k\":4,\n \"n\":\"d\"}]".getBytes(StandardCharsets.UTF_8);
    assertThat(String.valueOf(awaitFinal(ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(array)), byRef)).getStatus()))
        .isEqualTo("Succeeded");

    assertThat(endpoint.rows("Json1", "CAST(c0 AS VARCHAR), c1, CAST(c2 AS VARCHAR)", "ORDER BY c0"))
        .containsExactly(
            List.of("1", "a", "{\"name\":\"a\"}"),
            List.of("2", "b", "{\"name\":\"b\"}"),
            java.util.Arrays.asList("3", "c", null),
            java.util.Arrays.asList("4", "d", null));
  }

  @Test
  void parquetFileIsLoadedByColumnName() throws Exception {
    createTable("Pq1", "b:bool, v:real, t:datetime");
    Path file = dir.resolve("p.parquet");
    try (var c = endpoint.store.openConnection(); var s = c.createStatement()) {
      s.execute("COPY (SELECT i % 2 = 0 AS b, i / 4.0 AS v, TIMESTAMP '2024-01-01' + INTERVAL (i) SECOND AS t"
          + " FROM range(5) r(i)) TO '" + file + "' (FORMAT parquet)");
    }
    IngestionStatus status = awaitFinal(ingest.ingestFromFile(new FileSourceInfo(file.toString()), tableReported("Pq1", DataFormat.PARQUET)));

    assertThat(String.valueOf(status.getStatus())).isEqualTo("Succeeded");
    assertThat(endpoint.rows("Pq1", "count(*), sum(c1), CAST(max(c2) AS VARCHAR)", ""))
        .containsExactly(List.of("5", "2.5", "2024-01-01 00:00:04"));
  }

  @Test
  void tagsCreationTimeAndIngestIfNotExistsSkip() throws Exception {
    createTable("Tags1", "a:int");
    IngestionProperties first = tableReported("Tags1", DataFormat.CSV);
    first.setIngestByTags(List.of("load-1"));
    first.setDropByTags(List.of("2024-01"));
    first.setAdditionalTags(List.of("plain"));
    // The SDK adds its own entries to this map, so it must be mutable.
    first.setAdditionalProperties(new java.util.HashMap<>(Map.of("creationTime", "2021-03-04T05:06:07Z")));
    assertThat(String.valueOf(awaitFinal(ingest.ingestFromStream(stream("1\n"), first)).getStatus())).isEqualTo("Succeeded");

    IngestionProperties again = tableReported("Tags1", DataFormat.CSV);
    again.setIngestIfNotExists(List.of("load-1"));
    IngestionStatus skipped = awaitFinal(ingest.ingestFromStream(stream("2\n"), again));

    assertThat(String.valueOf(skipped.getStatus())).isEqualTo("Skipped");
    assertThat(String.valueOf(skipped.getErrorCode())).isEqualTo("Skipped_IngestByTagAlreadyExists");
    List<Extent> extents = endpoint.store.extents(StorageTestEndpoint.DB, "Tags1");
    assertThat(extents).hasSize(1);
    assertThat(extents.get(0).tags()).containsExactlyInAnyOrder("ingest-by:load-1", "drop-by:2024-01", "plain");
    assertThat(extents.get(0).creationTime()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
    assertThat(endpoint.rows("Tags1", "c0", "")).containsExactly(List.of("1"));
  }

  @Test
  void badBlobAndInjectedFailureAreReportedAsPermanentFailures() throws Exception {
    createTable("Fail1", "a:int");
    IngestionStatus bad =
        awaitFinal(ingest.ingestFromStream(stream("this is not parquet"), tableReported("Fail1", DataFormat.PARQUET)));
    assertThat(String.valueOf(bad.getStatus())).isEqualTo("Failed");
    assertThat(String.valueOf(bad.getFailureStatus())).isEqualTo("Permanent");
    assertThat(String.valueOf(bad.getErrorCode())).isEqualTo("BadRequest_InvalidBlob");
    assertThat(bad.getDetails()).contains("Parquet");

    endpoint.faults.failIngestionOfBlobs(name -> name.contains("poisoned"));
    try {
      Path file = dir.resolve("poisoned.csv");
      Files.writeString(file, "1\n");
      IngestionStatus injected = awaitFinal(ingest.ingestFromFile(new FileSourceInfo(file.toString()), tableReported("Fail1", DataFormat.CSV)));
      assertThat(String.valueOf(injected.getStatus())).isEqualTo("Failed");
      assertThat(String.valueOf(injected.getFailureStatus())).isEqualTo("Permanent");
      assertThat(injected.getDetails()).contains("poisoned");
    } finally {
      endpoint.faults.clear();
    }
    assertThat(endpoint.store.extents(StorageTestEndpoint.DB, "Fail1")).isEmpty();
  }

  @Test
  void ingestFromBlobUsesTheCallersBlobAsTheSparkConnectorDoes() throws Exception {
    createTable("Blob1", "a:int, s:string");
    String containerUrl = endpoint.storage.containerUrlWithSas(AzuriteStorage.TEMP_CONTAINER);
    var container =
        new com.azure.storage.blob.BlobContainerClientBuilder().endpoint(containerUrl).buildClient();
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write("7,seven\n8,eight\n".getBytes(StandardCharsets.UTF_8));
    }
    container.getBlobClient("spark/part-0.csv.gz").upload(new ByteArrayInputStream(gz.toByteArray()), gz.size(), true);
    String blobUrl = containerUrl.replace("?", "/spark/part-0.csv.gz?");

    IngestionStatus status = awaitFinal(ingest.ingestFromBlob(new BlobSourceInfo(blobUrl), tableReported("Blob1", DataFormat.CSV)));

    assertThat(String.valueOf(status.getStatus())).isEqualTo("Succeeded");
    assertThat(endpoint.rows("Blob1", "CAST(c0 AS VARCHAR), c1", "ORDER BY c0")).containsExactly(List.of("7", "seven"), List.of("8", "eight"));
  }

  @Test
  void queueReportingPostsOutcomesToTheSuccessAndFailureQueues() throws Exception {
    createTable("Queue1", "a:int");
    Map<String, String> resources = new java.util.HashMap<>();
    var table = client.executeMgmt("NetDefaultDb", ".show ingestion resources").getPrimaryResults();
    while (table.next()) {
      resources.put(table.getString(0), table.getString(1));
    }
    var succeeded = new com.azure.storage.queue.QueueClientBuilder().endpoint(resources.get("SuccessfulIngestionsQueue")).buildClient();
    var failed = new com.azure.storage.queue.QueueClientBuilder().endpoint(resources.get("FailedIngestionsQueue")).buildClient();
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "Queue1");
    props.setDataFormat(DataFormat.CSV);
    props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    props.setReportMethod(IngestionReportMethod.QUEUE);
    ingest.ingestFromStream(stream("5\n"), props);
    IngestionProperties bad = new IngestionProperties(StorageTestEndpoint.DB, "NoSuchTable");
    bad.setDataFormat(DataFormat.CSV);
    bad.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    bad.setReportMethod(IngestionReportMethod.QUEUE);
    ingest.ingestFromStream(stream("6\n"), bad);

    com.fasterxml.jackson.databind.JsonNode success = receive(succeeded);
    com.fasterxml.jackson.databind.JsonNode failure = receive(failed);

    assertThat(success.get("Table").asText()).isEqualTo("Queue1");
    assertThat(success.get("IngestionSourcePath").asText()).contains("/ingest-temp/").doesNotContain("sig=");
    assertThat(success.has("SucceededOn")).isTrue();
    assertThat(failure.get("Table").asText()).isEqualTo("NoSuchTable");
    assertThat(failure.get("ErrorCode").asText()).isEqualTo("BadRequest_TableNotExist");
    assertThat(failure.get("FailureStatus").asText()).isEqualTo("Permanent");
  }

  private static com.fasterxml.jackson.databind.JsonNode receive(com.azure.storage.queue.QueueClient queue) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (var item : queue.receiveMessages(1)) {
        String json = new String(java.util.Base64.getDecoder().decode(item.getBody().toString()), StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no message arrived on " + queue.getQueueName());
  }

  private static StreamSourceInfo stream(String text) {
    return new StreamSourceInfo(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
