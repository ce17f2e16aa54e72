package com.microsoft.kusto.emulator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClientBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.ManagedStreamingIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.source.BlobSourceInfo;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.StorageTestEndpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streaming ingestion through the official StreamingIngestClient: from a stream and from a blob. */
class StreamingIngestionSdkTest {
  private static StorageTestEndpoint endpoint;
  private static Client client;
  private static StreamingIngestClient streaming;

  @BeforeAll
  static void start() throws Exception {
    endpoint = new StorageTestEndpoint();
    client = endpoint.client();
    streaming = IngestClientFactory.createStreamingIngestClient(endpoint.csb());
  }

  @AfterAll
  static void stop() throws Exception {
    if (streaming != null) {
      streaming.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static StreamSourceInfo stream(String text) {
    return new StreamSourceInfo(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void csvStreamIsIngestedAtOnce() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table S1 (a:long, ts:timespan, g:guid)");
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "S1");
    props.setDataFormat(DataFormat.CSV);

    IngestionResult result =
        streaming.ingestFromStream(stream("1,1.00:00:01,3f2504e0-4f89-11d3-9a0c-0305e82c3301\n2,-00:00:00.5,\n"), props);

    assertThat(String.valueOf(result.getIngestionStatusCollection().get(0).getStatus())).isEqualTo("Succeeded");
    assertThat(endpoint.rows("S1", "CAST(c0 AS VARCHAR), CAST(c1 AS VARCHAR), CAST(c2 AS VARCHAR)", "ORDER BY c0"))
        .containsExactly(
            List.of("1", "864010000000", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            java.util.Arrays.asList("2", "-5000000", null));
  }

  @Test
  void jsonStreamWithMappingName() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table S2 (n:string, v:real)");
    client.executeMgmt(
        StorageTestEndpoint.DB,
        ".create table S2 ingestion json mapping 'm1' '[{\"Column\":\"n\",\"Properties\":{\"Path\":\"$.name\"}},"
            + "{\"Column\":\"v\",\"Properties\":{\"Path\":\"$.value\"}}]'");
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "S2");
    props.setDataFormat(DataFormat.MULTIJSON);
    props.setIngestionMapping("m1", IngestionMappingKind.JSON);

    streaming.ingestFromStream(stream("{\"name\":\"x\",\"value\":1.5}{\"name\":\"y\",\"value\":2}"), props);

    assertThat(endpoint.rows("S2", "c0, CAST(c1 AS VARCHAR)", "ORDER BY c0")).containsExactly(List.of("x", "1.5"), List.of("y", "2.0"));
  }

  @Test
  void blobSourceIsFetchedByTheEndpoint() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table S3 (a:int)");
    String containerUrl = endpoint.storage.containerUrlWithSas(AzuriteStorage.TEMP_CONTAINER);
    new BlobContainerClientBuilder()
        .endpoint(containerUrl)
        .buildClient()
        .getBlobClient("stream/s3.csv")
        .upload(new ByteArrayInputStream("5\n6\n7\n".getBytes(StandardCharsets.UTF_8)), 6, true);
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "S3");
    props.setDataFormat(DataFormat.CSV);

    streaming.ingestFromBlob(new BlobSourceInfo(containerUrl.replace("?", "/stream/s3.csv?")), props);

    assertThat(endpoint.rows("S3", "CAST(sum(c0) AS VARCHAR)", "")).containsExactly(List.of("18"));
  }

  @Test
  void unknownTableIsAPermanentErrorSoManagedClientsDoNotRetry() throws Exception {
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "NoSuchTable");
    props.setDataFormat(DataFormat.CSV);

    assertThatThrownBy(() -> streaming.ingestFromStream(stream("1\n"), props))
        .isInstanceOfSatisfying(
            IngestionServiceException.class,
            e ->
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(DataServiceException.class, d -> assertThat(d.isPermanent()).isTrue()))
        .hasMessageContaining("NoSuchTable");
  }

  @Test
  void managedStreamingStreamsAndFallsBackToQueuedIngestionOnTransientErrors() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table S4 (a:int)");
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "S4");
    props.setDataFormat(DataFormat.CSV);
    try (ManagedStreamingIngestClient managed = IngestClientFactory.createManagedStreamingIngestClient(endpoint.csb())) {
      IngestionResult streamed = managed.ingestFromStream(stream("1\n2\n"), props);
      assertThat(String.valueOf(streamed.getIngestionStatusCollection().get(0).getStatus())).isEqualTo("Succeeded");

      endpoint.faults.failNext(RequestKind.STREAMING_INGEST, 3, 503);
      IngestionResult fellBack = managed.ingestFromStream(stream("40\n"), props);
      assertThat(String.valueOf(fellBack.getIngestionStatusCollection().get(0).getStatus())).isEqualTo("Queued");
    } finally {
      endpoint.faults.clear();
    }
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (endpoint.store.extents(StorageTestEndpoint.DB, "S4").size() < 2 && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(endpoint.rows("S4", "CAST(sum(c0) AS VARCHAR), CAST(count(*) AS VARCHAR)", "")).containsExactly(List.of("43", "3"));
  }

  @Test
  void parquetAndPreCompressedStreamsAreSniffedNotTrustedByHeader() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table S5 (k:long, v:string)");
    java.nio.file.Path parquet = java.nio.file.Files.createTempFile("s5-", ".parquet");
    try {
      try (var c = endpoint.store.openConnection(); var s = c.createStatement()) {
        s.execute("COPY (SELECT 1::BIGINT AS k, 'p' AS v) TO '" + parquet + "' (FORMAT parquet)");
      }
      IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "S5");
      props.setDataFormat(DataFormat.PARQUET);
      streaming.ingestFromStream(new StreamSourceInfo(java.nio.file.Files.newInputStream(parquet)), props);
    } finally {
      java.nio.file.Files.deleteIfExists(parquet);
    }
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write("2,g\n".getBytes(StandardCharsets.UTF_8));
    }
    IngestionProperties csv = new IngestionProperties(StorageTestEndpoint.DB, "S5");
    csv.setDataFormat(DataFormat.CSV);
    StreamSourceInfo compressed = new StreamSourceInfo(new ByteArrayInputStream(gz.toByteArray()));
    compressed.setCompressionType(com.microsoft.azure.kusto.ingest.source.CompressionType.gz);
    streaming.ingestFromStream(compressed, csv);

    assertThat(endpoint.rows("S5", "CAST(c0 AS VARCHAR), c1", "ORDER BY c0")).containsExactly(List.of("1", "p"), List.of("2", "g"));
  }
}
