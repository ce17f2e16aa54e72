package com.microsoft.kusto.emulator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.FileSourceInfo;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet through the official ingest clients: every Kusto type by column name (streaming), and a Parquet mapping
 * with nested-group paths, constants, the source location and a unix-time transform (queued).
 */
class ParquetIngestionSdkTest {
  private static final String DB = "db";

  @RegisterExtension
  static final KustoEmulatorExtension KUSTO = new KustoEmulatorExtension(() -> KustoEmulator.builder().database(DB));

  @TempDir static Path dir;
  private static Client client;
  private static Path file;

  @BeforeAll
  static void writeParquet() throws Exception {
    client = EmulatorTestSupport.client(KUSTO.emulator());
    file = dir.resolve("all-types.parquet");
    try (Connection c = KUSTO.emulator().store().openConnection(); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT true AS b, 42::INTEGER AS i, 7000000000::BIGINT AS l, 1.5::DOUBLE AS r,"
          + " 123.456::DECIMAL(38,10) AS d, TIMESTAMP '2024-01-02 03:04:05.123456' AS dt, INTERVAL 90 MINUTE AS ts,"
          + " 'hello' AS s, '3f2504e0-4f89-11d3-9a0c-0305e82c3301'::UUID AS g, {'x': 1, 'y': 'nested'} AS dyn,"
          + " [1, 2, 3] AS arr, 1700000000::BIGINT AS epoch"
          + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
          + " TO '" + file + "' (FORMAT parquet)");
    }
  }

  private static KustoResultSetTable query(String kql) throws Exception {
    KustoResultSetTable t = client.executeQuery(DB, kql).getPrimaryResults();
    assertThat(t.next()).as("a row of [%s]", kql).isTrue();
    return t;
  }

  @Test
  void everyKustoTypeLoadsByColumnNameThroughStreamingIngestion() throws Exception {
    client.executeMgmt(DB, ".create table PqAll (b:bool, i:int, l:long, r:real, d:decimal, dt:datetime, ts:timespan,"
        + " s:string, g:guid, dyn:dynamic)");
    IngestionProperties props = new IngestionProperties(DB, "PqAll");
    props.setDataFormat(DataFormat.PARQUET);
    try (StreamingIngestClient streaming = IngestClientFactory.createStreamingIngestClient(
        new ConnectionStringBuilder("Data Source=" + KUSTO.emulator().engineUrl()))) {
      streaming.ingestFromStream(new StreamSourceInfo(Files.newInputStream(file)), props);
    }

    KustoResultSetTable t = query("PqAll | where isnotnull(i)");
    assertThat(t.getBoolean("b")).isTrue();
    assertThat(t.getInt("i")).isEqualTo(42);
    assertThat(t.getLong("l")).isEqualTo(7_000_000_000L);
    assertThat(t.getDouble("r")).isEqualTo(1.5);
    assertThat(t.getBigDecimal("d")).isEqualByComparingTo("123.456");
    assertThat(t.getString("dt")).isEqualTo("2024-01-02T03:04:05.1234560Z");
    assertThat(t.getString("ts")).isEqualTo("01:30:00");
    assertThat(t.getString("s")).isEqualTo("hello");
    assertThat(t.getString("g")).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(t.getJSONObject("dyn").get("y").asText()).isEqualTo("nested");
    KustoResultSetTable nulls = query("PqAll | where isnull(i) | project b, l, dt, s, dyn");
    assertThat(nulls.getObject("b")).isNull();
    assertThat(nulls.getObject("l")).isNull();
    assertThat(nulls.getObject("dt")).isNull();
    assertThat(nulls.getString("s")).isEmpty();
    assertThat(nulls.getObject("dyn")).isNull();
  }

  @Test
  void aParquetMappingReadsNestedFieldsConstantsSourceLocationAndUnixTimesThroughQueuedIngestion() throws Exception {
    client.executeMgmt(DB, ".create table PqMapped (y:string, arr:dynamic, constant:string, src:string, at:datetime)");
    client.executeMgmt(DB, ".create table PqMapped ingestion parquet mapping \"pm\" '["
        + "{\"Column\":\"y\",\"Properties\":{\"Path\":\"$.dyn.y\"}},"
        + "{\"Column\":\"arr\",\"Properties\":{\"Path\":\"$[\\'arr\\']\"}},"
        + "{\"Column\":\"constant\",\"Properties\":{\"ConstValue\":\"fixed\"}},"
        + "{\"Column\":\"src\",\"Properties\":{\"Transform\":\"SourceLocation\"}},"
        + "{\"Column\":\"at\",\"Properties\":{\"Path\":\"$.epoch\",\"Transform\":\"DateTimeFromUnixSeconds\"}}]'");
    IngestionProperties props = new IngestionProperties(DB, "PqMapped");
    props.setDataFormat(DataFormat.PARQUET);
    props.setIngestionMapping("pm", IngestionMappingKind.PARQUET);
    props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    props.setReportMethod(IngestionReportMethod.TABLE);
    props.setFlushImmediately(true);
    try (QueuedIngestClient queued = IngestClientFactory.createClient(
        new ConnectionStringBuilder("Data Source=" + KUSTO.emulator().engineUrl()))) {
      assertThat(String.valueOf(QueuedIngestionSdkTest.awaitFinal(
          queued.ingestFromFile(new FileSourceInfo(file.toString()), props)).getStatus())).isEqualTo("Succeeded");
    }

    KustoResultSetTable t = query("PqMapped | where isnotempty(y)");
    assertThat(t.getString("y")).isEqualTo("nested");
    assertThat(t.getJSONObject("arr").toString()).isEqualTo("[1,2,3]");
    assertThat(t.getString("constant")).isEqualTo("fixed");
    assertThat(t.getString("src")).contains(".parquet");
    assertThat(t.getString("at")).isEqualTo("2023-11-14T22:13:20.0000000Z");
    KustoResultSetTable empty = query("PqMapped | where isempty(y)");
    assertThat(empty.getString("constant")).isEqualTo("fixed");
    assertThat(empty.getObject("at")).isNull();
  }
}
