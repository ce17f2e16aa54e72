package com.microsoft.kusto.spark.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writeStream} into Kusto on Spark 2.4 (StreamSinkProvider): a failed batch's abort, the refused output mode,
 * the helper. Exactly-once batches across a restart are checked by the shared integration suite on this line.
 */
class KustoSinkTest {
  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);

  private static V1Kit kit;

  @BeforeAll
  static void start() {
    kit = V1Kit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.emulator.faults().clear();
  }

  /** Adds parquet files with ids {@code from..to-1} to the source directory (a new micro-batch's input). */
  private static void addInput(Path source, long from, long to) {
    kit.spark().range(from, to).repartition(2)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"))
        .write().mode(SaveMode.Overwrite).parquet(source.resolve("staging").toString());
    // Moved in at once, so the stream never sees a half-written file.
    for (File file : source.resolve("staging").toFile().listFiles((dir, name) -> name.endsWith(".parquet"))) {
      assertThat(file.renameTo(source.resolve("in").resolve(from + "-" + file.getName()).toFile())).isTrue();
    }
  }

  private static Dataset<Row> stream(Path source) {
    return kit.spark().readStream().schema(SCHEMA).option("maxFilesPerTrigger", "1")
        .parquet(source.resolve("in").toString());
  }

  private static void runToEnd(StreamingQuery query) {
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
  }

  private static Path sourceDir(Path dir) throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    return source;
  }

  @Test
  void aFailedBatchStopsTheQueryNamingTheTableAndLeavesNoStagingTable(@TempDir Path dir) throws Exception {
    kit.command(".create table FailingEvents (id:long, name:string)");
    Path source = sourceDir(dir);
    addInput(source, 0, 200);
    kit.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_v1streamfail_0_"));

    StreamingQuery query = stream(source).writeStream().format("kusto")
        .options(kit.writeOptions("FailingEvents", "requestId", "req-v1streamfail"))
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
    assertThatThrownBy(() -> runToEnd(query)).isInstanceOf(StreamingQueryException.class)
        .hasStackTraceContaining("Cannot write to table 'FailingEvents' (request id 'req-v1streamfail')");

    assertThat(kit.idStats("FailingEvents")).startsWith("0 ");
    assertThat(kit.tempTables("FailingEvents")).isEmpty();
  }

  @Test
  void theCompleteOutputModeIsRefusedNamingTheAppendMode(@TempDir Path dir) throws Exception {
    Path source = sourceDir(dir);
    addInput(source, 0, 10);

    assertThatThrownBy(() -> runToEnd(stream(source).groupBy("name").count().writeStream().format("kusto")
        .options(kit.writeOptions("Counts", "tableCreateOptions", "CreateIfNotExist")).outputMode("complete")
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start()))
        .hasStackTraceContaining("complete output mode").hasStackTraceContaining("outputMode(\"append\")");
    assertThat(kit.tables("Counts")).isEmpty();
  }

  @Test
  void theSimplifiedStreamSyntaxGivesAWriterTheCallerStarts(@TempDir Path dir) throws Exception {
    Path source = sourceDir(dir);
    addInput(source, 0, 400);

    runToEnd(KustoWrites.kustoStream(stream(source), kit.cluster(), V1Kit.DB, "HelperEvents",
            Collections.singletonMap("tableCreateOptions", "CreateIfNotExist"), null)
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start());

    assertThat(kit.idStats("HelperEvents")).isEqualTo("400 400 0 399");
  }
}
