package com.microsoft.kusto.emulator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.source.FileSourceInfo;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.storage.StorageTestEndpoint;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar: 1,000,000 rows of every Kusto type round-trip without loss through queued ingestion (one file,
 * QueuedIngestClient with table status) and through streaming ingestion (chunks of at most 4 MB).
 */
class MillionRowRoundTripTest {
  private static final int ROWS = 1_000_000;
  private static final int STREAM_CHUNK_BYTES = 4 * 1024 * 1024;
  private static StorageTestEndpoint endpoint;
  private static Client client;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    endpoint = new StorageTestEndpoint();
    client = endpoint.client();
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void queuedIngestionOfOneMillionRows() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table Queued1M (" + AllTypesRows.SCHEMA + ")");
    Path file = dir.resolve("million.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 0; n < ROWS; n++) {
        out.write(AllTypesRows.row(n));
      }
    }
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "Queued1M");
    props.setDataFormat(DataFormat.CSV);
    props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    props.setReportMethod(IngestionReportMethod.TABLE);
    IngestionStatus status;
    try (QueuedIngestClient ingest = IngestClientFactory.createClient(endpoint.csb())) {
      status = QueuedIngestionSdkTest.awaitFinal(ingest.ingestFromFile(new FileSourceInfo(file.toString()), props));
    }

    assertThat(String.valueOf(status.getStatus())).as(status.getDetails()).isEqualTo("Succeeded");
    assertRoundTrip("Queued1M");
  }

  @Test
  void streamingIngestionOfOneMillionRowsInChunks() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table Streamed1M (" + AllTypesRows.SCHEMA + ")");
    IngestionProperties props = new IngestionProperties(StorageTestEndpoint.DB, "Streamed1M");
    props.setDataFormat(DataFormat.CSV);
    int chunks = 0;
    try (StreamingIngestClient streaming = IngestClientFactory.createStreamingIngestClient(endpoint.csb())) {
      StringBuilder chunk = new StringBuilder(STREAM_CHUNK_BYTES);
      for (int n = 0; n < ROWS; n++) {
        String row = AllTypesRows.row(n);
        if (chunk.length() + row.length() > STREAM_CHUNK_BYTES) {
          send(streaming, chunk, props);
          chunks++;
        }
        chunk.append(row);
      }
      send(streaming, chunk, props);
      chunks++;
    }

    assertThat(chunks).isGreaterThan(10);
    assertRoundTrip("Streamed1M");
  }

  private static void send(StreamingIngestClient streaming, StringBuilder chunk, IngestionProperties props) throws Exception {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    chunk.setLength(0);
    String status =
        String.valueOf(
            streaming.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(bytes)), props)
                .getIngestionStatusCollection()
                .get(0)
                .getStatus());
    assertThat(status).isEqualTo("Succeeded");
  }

  private static void assertRoundTrip(String table) throws Exception {
    KustoResultSetTable count = client.executeQuery(StorageTestEndpoint.DB, table + " | count").getPrimaryResults();
    assertThat(count.next()).isTrue();
    assertThat(count.getLong(0)).isEqualTo(ROWS);
    assertThat(endpoint.rows(table, AllTypesRows.checksumSql(), "")).containsExactly(AllTypesRows.expected(ROWS));
  }
}
