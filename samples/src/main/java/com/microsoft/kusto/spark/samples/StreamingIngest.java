package com.microsoft.kusto.spark.samples;

import com.microsoft.kusto.spark.samples.job.KustoTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Streaming flow: JSON files dropped into a directory become micro-batches that {@code writeStream} appends to a
 * Kusto table. Each micro-batch is committed once: after a restart from the same checkpoint, a batch Kusto already
 * holds is skipped.
 */
final class StreamingIngest {
  /** What the stream delivered. */
  record Result(String run, int batches, long rowsSent, long rowsInKusto) {}

  static final StructType SCHEMA = new StructType()
      .add("run", DataTypes.StringType)
      .add("batch", DataTypes.IntegerType)
      .add("seq", DataTypes.LongType)
      .add("reading", DataTypes.DoubleType);

  private final SparkSession spark;
  private final KustoTarget target;
  private final PrintStream out;

  StreamingIngest(SparkSession spark, KustoTarget target, PrintStream out) {
    this.spark = spark;
    this.target = target;
    this.out = out;
  }

  Result run(String table, int batches, int rowsPerBatch, Path workDir)
      throws IOException, TimeoutException, StreamingQueryException {
    String run = UUID.randomUUID().toString();
    Path input = Files.createDirectories(workDir.resolve("input"));
    out.printf("Streaming %d micro-batches of %d rows from %s to table %s (run %s) ...%n", batches, rowsPerBatch,
        input, table, run);
    StreamingQuery query = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", "1").json(input.toString())
        .writeStream().format("kusto")
        .options(target.options("kustoTable", table, "tableCreateOptions", "CreateIfNotExist"))
        .option("checkpointLocation", workDir.resolve("checkpoint").toString())
        .start();
    long sent = 0;
    try {
      for (int batch = 0; batch < batches; batch++) {
        dropFile(input, workDir, run, batch, rowsPerBatch);
        query.processAllAvailable();
        StreamingQueryProgress progress = lastBatchWithData(query);
        out.printf("  micro-batch %d: %d rows committed to Kusto in %.1f s%n", progress.batchId(),
            progress.numInputRows(), progress.durationMs().get("triggerExecution") / 1000.0);
        sent += rowsPerBatch;
      }
    } finally {
      query.stop();
    }
    long inKusto = spark.read().format("kusto").options(target.options("kustoQuery", table)).load()
        .filter(functions.col("run").equalTo(run)).count();
    out.printf("Stream stopped: %d rows sent, %d rows of this run in %s.%n%n", sent, inKusto, table);
    return new Result(run, batches, sent, inKusto);
  }

  /**
   * The progress of the last micro-batch that read rows. Not simply {@code lastProgress()}: an idle trigger may
   * report a progress of its own (no rows) right after the batch.
   */
  private static StreamingQueryProgress lastBatchWithData(StreamingQuery query) {
    StreamingQueryProgress[] recent = query.recentProgress();
    for (int i = recent.length - 1; i >= 0; i--) {
      if (recent[i].numInputRows() > 0) {
        return recent[i];
      }
    }
    throw new IllegalStateException("The stream reported no micro-batch with rows; is the input directory readable?");
  }

  /** Writes a JSON-lines file next to the input and moves it in at once, so the stream never sees half a file. */
  private static void dropFile(Path input, Path workDir, String run, int batch, int rows) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      long seq = (long) batch * rows + i;
      lines.append(String.format("{\"run\":\"%s\",\"batch\":%d,\"seq\":%d,\"reading\":%s}%n", run, batch, seq,
          Double.toString(seq * 0.5)));
    }
    try {
      Path staged = Files.writeString(workDir.resolve("batch-" + batch + ".json"), lines, StandardCharsets.UTF_8);
      Files.move(staged, input.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add an input file to " + input, e);
    }
  }
}
