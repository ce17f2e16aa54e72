package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.kusto.spark.testing.LocalSpark;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writeStream().format("kusto")} from a parquet file source (which every Spark line has): each micro-batch
 * lands once, and after a crash between Kusto's commit and Spark's checkpoint the restarted query replays the batch
 * and the sink skips it, as Kusto's extents show.
 */
class StreamingWriteIntegrationTest {
  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** Adds ids {@code from..to-1} to the source directory as new files, moved in complete. */
  private static void addInput(Path source, long from, long to) {
    Path staging = source.resolve("staging-" + from);
    // One file per call: with maxFilesPerTrigger 1, each call is one micro-batch.
    WriteKit.people(from, to, 1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
    for (File file : staging.toFile().listFiles((d, name) -> name.endsWith(".parquet"))) {
      assertThat(file.renameTo(source.resolve("in").resolve(from + "-" + file.getName()).toFile())).isTrue();
    }
  }

  private static StreamingQuery start(Path source, Path checkpoint, String table) throws Exception {
    Dataset<Row> stream = LocalSpark.session().readStream().schema(SCHEMA).option("maxFilesPerTrigger", "1")
        .parquet(source.resolve("in").toString());
    return stream.writeStream().format("kusto")
        .options(kit.options(table, "tableCreateOptions", "CreateIfNotExist"))
        .option("checkpointLocation", checkpoint.toString()).start();
  }

  private static void runToEnd(StreamingQuery query) throws Exception {
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
  }

  /** Forgets Spark's record of the last committed micro-batch, as a crash right after Kusto's commit would. */
  private static void dropLastCommitRecord(Path checkpoint) {
    File[] commits = checkpoint.resolve("commits").toFile().listFiles((d, name) -> name.matches("\\d+"));
    assertThat(commits).isNotEmpty();
    File last = commits[0];
    for (File commit : commits) {
      last = Long.parseLong(commit.getName()) > Long.parseLong(last.getName()) ? commit : last;
    }
    assertThat(last.delete()).isTrue();
    // Spark would take the orphan checksum file for another writer's commit.
    new File(last.getParentFile(), "." + last.getName() + ".crc").delete();
  }

  /** A mode that could not recognise a replayed micro-batch is refused before any batch is written. */
  @Test
  void kustoStreamingIsRefusedForStreamsNamingTheExactlyOnceMode(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    addInput(source, 0, 10);
    Throwable failure = catchThrowable(() -> {
      StreamingQuery query = LocalSpark.session().readStream().schema(SCHEMA).parquet(source.resolve("in").toString())
          .writeStream().format("kusto")
          .options(kit.options("StreamRefused", "tableCreateOptions", "CreateIfNotExist", "writeMode", "KustoStreaming"))
          .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
      runToEnd(query);
    });
    assertThat(failure).hasStackTraceContaining("KSC-0003")
        .hasStackTraceContaining("with 'writeMode' KustoStreaming")
        .hasStackTraceContaining("Use 'writeMode' Transactional (the default) for exactly-once micro-batches");
    assertThat(kit.tableExists("StreamRefused")).as("nothing was written, not even the table").isFalse();
  }

  @Test
  void everyBatchLandsOnceAndABatchReplayedAfterACrashIsSkipped(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("in"));
    Path checkpoint = dir.resolve("checkpoint");
    addInput(source, 0, 1000);
    addInput(source, 1000, 1600);

    runToEnd(start(source, checkpoint, "Events"));
    assertThat(kit.idStats("Events")).isEqualTo("1600 1600 0 1599");

    dropLastCommitRecord(checkpoint);
    addInput(source, 1600, 1700);
    runToEnd(start(source, checkpoint, "Events"));

    assertThat(kit.idStats("Events")).isEqualTo("1700 1700 0 1699");
    assertThat(kit.tempTables("Events")).isEmpty();
  }
}
