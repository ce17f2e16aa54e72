package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.MicroBatch;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writeStream} into Kusto: what only the Spark 3 adapter does (refusing the complete output mode, the epoch
 * guard of the writer factory, the static helper) and a failed batch. Every batch arriving once, also across a
 * restart, is shown by the integration suite ({@code StreamingWriteIntegrationTest}) on every Spark line.
 */
class KustoStreamingWriteTest {
  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);

  private static EmulatorKit kit;

  @BeforeAll
  static void start() {
    kit = EmulatorKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** Adds one parquet file set with ids {@code from..to-1} to the source directory (a new micro-batch's input). */
  private static void addInput(Path source, long from, long to) {
    kit.spark().range(from, to).repartition(2)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"))
        .write().mode(SaveMode.Overwrite).parquet(source.resolve("staging").toString());
    // Move the finished files in at once, so the stream never sees a half-written file.
    File[] files = source.resolve("staging").toFile().listFiles((dir, name) -> name.endsWith(".parquet"));
    for (File file : files) {
      file.renameTo(source.resolve("in").resolve(from + "-" + file.getName()).toFile());
    }
  }

  private static Dataset<Row> stream(Path source) {
    return kit.spark().readStream().schema(SCHEMA).option("maxFilesPerTrigger", "1")
        .parquet(source.resolve("in").toString());
  }

  private static void runToEnd(StreamingQuery query) throws StreamingQueryException, TimeoutException {
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
  }

  private static String idStats(String table) {
    return WriteSupport.column(kit, table + " | summarize n = count(), d = dcount(id), lo = min(id), hi = max(id)"
        + " | project r = strcat(n, ' ', d, ' ', lo, ' ', hi)", "r").get(0);
  }

  @Test
  void aFailedBatchStopsTheQueryWithTheTableInTheErrorAndLeavesNoStagingTable(@TempDir Path dir) throws Exception {
    kit.command(".create table FailingEvents (id:long, name:string)");
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    addInput(source, 0, 200);
    // The write id of micro-batch 0 is the request id and the batch id.
    kit.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_streamfail_0_"));

    StreamingQuery query = stream(source).writeStream().format("kusto")
        .options(WriteSupport.options(kit, "FailingEvents", "requestId", "req-streamfail"))
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
    assertThatThrownBy(() -> runToEnd(query)).isInstanceOf(StreamingQueryException.class)
        .hasStackTraceContaining("Cannot write to table 'FailingEvents' (request id 'req-streamfail')");

    assertThat(WriteSupport.count(kit, "FailingEvents")).isZero();
    assertThat(WriteSupport.tempTables(kit, "FailingEvents")).isEmpty();
  }

  @Test
  void theCompleteOutputModeIsRefusedNamingTheAppendMode(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    addInput(source, 0, 10);

    assertThatThrownBy(() -> runToEnd(stream(source).groupBy("name").count().writeStream().format("kusto")
        .options(WriteSupport.options(kit, "Counts", "tableCreateOptions", "CreateIfNotExist"))
        .outputMode("complete").option("checkpointLocation", dir.resolve("checkpoint").toString()).start()))
        .hasStackTraceContaining("complete output mode").hasStackTraceContaining("outputMode(\"append\")");
    assertThat(WriteSupport.tableExists(kit, "Counts")).isFalse();
  }

  @Test
  void aWriterFactoryRefusesTasksOfAnotherMicroBatchThanItsPlan() throws Exception {
    WriteConfig config = WriteConfig.from(WriteSupport.options(kit, "Guarded", "tableCreateOptions",
        "CreateIfNotExist"));
    WritePlan plan = TableWritePreparation.forConfig(config)
        .prepare(config, SparkTypes.toNeutralFields(SCHEMA), new MicroBatch("query-1", 5), false);
    try {
      KustoDataWriterFactory factory = new KustoDataWriterFactory(plan, SCHEMA, 5);
      assertThatThrownBy(() -> factory.createWriter(0, 0, 6)).isInstanceOf(KustoConnectorException.class)
          .hasMessageContaining("micro-batch 6").hasMessageContaining("prepared the write for micro-batch 5");
      DataWriter<InternalRow> writer = factory.createWriter(0, 0, 5);
      writer.abort();
    } finally {
      TransactionalCommit.forPlan(plan).abort(plan);
    }
    assertThat(WriteSupport.tempTables(kit, "Guarded")).isEmpty();
  }

  @Test
  void staticHelperGivesAConfiguredStreamWriterTheCallerStarts(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    addInput(source, 0, 400);

    StreamingQuery query = KustoWrites.kustoStream(stream(source), WriteSupport.cluster(kit), EmulatorKit.DB,
            "HelperEvents", Collections.singletonMap("tableCreateOptions", "CreateIfNotExist"), null)
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
    runToEnd(query);

    assertThat(idStats("HelperEvents")).isEqualTo("400 400 0 399");
  }
}
