package com.microsoft.kusto.spark.it.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.it.fixture.GeneratedRows;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read benchmark, run only with {@code -Pbench}: at several sizes, in one JVM and one run, the connector's
 * distributed read (export to Parquet, then Spark reading the blobs), its read-back alone (the same read served from
 * a kept export, {@code distributedReadModeTransientCache}: download and decode of the exported blobs), its
 * single-mode read, and Spark reading the very Parquet files of that export from local disk. Prints absolute times
 * and ratios; asserts only that every read saw every row, never a timing.
 */
class ReadBenchmark {
  private static final long[] SIZES = {100_000, 1_000_000, 3_000_000};
  private static final int REPEATS = 2;

  @TempDir Path dir;

  @Test
  void readRatios() throws Exception {
    List<String> lines = new ArrayList<>();
    try (EmulatedKusto kusto = EmulatedKusto.start()) {
      long rows = SIZES[SIZES.length - 1];
      long loadStart = System.nanoTime();
      kusto.command(".create table Bench (" + GeneratedRows.SCHEMA + ")");
      kusto.streamCsv("Bench", rows, GeneratedRows::csv);
      lines.add(String.format(Locale.ROOT, "loaded %,d rows by streaming ingestion in %.1f s", rows,
          seconds(System.nanoTime() - loadStart)));

      // Warm-up: JIT, Spark's first job, the SDK's connection pool.
      measure(() -> digest(distributed(kusto, 10_000, null)), 10_000);
      measure(() -> digest(single(kusto, 10_000)), 10_000);

      lines.add(String.format(Locale.ROOT, "%10s | %6s | %13s | %11s | %8s | %15s | %19s | %17s | %18s", "rows",
          "blobs", "distributed s", "read-back s", "single s", "local parquet s", "distributed/parquet",
          "read-back/parquet", "single/distributed"));
      for (long size : SIZES) {
        String sas = kusto.newContainerSasUrl();
        // Keeps this size's export so the local copy holds exactly the files the connector read.
        String kept = EmulatedKusto.transientStorage(sas);
        digest(distributed(kusto, size, kept));
        Path local = download(kusto, sas, dir.resolve("export-" + size));
        long blobs = countFiles(local);

        double distributedSeconds = measure(() -> digest(distributed(kusto, size, null)), size);
        double readBackSeconds = measure(() -> digest(distributed(kusto, size, kept)), size);
        double singleSeconds = measure(() -> digest(single(kusto, size)), size);
        double parquetSeconds = measure(() -> digest(LocalSpark.session().read().parquet(local.toString())), size);
        lines.add(String.format(Locale.ROOT, "%,10d | %6d | %13.2f | %11.2f | %8s | %15.2f | %19.1f | %17.2f | %18s",
            size, blobs, distributedSeconds, readBackSeconds, cell("%.2f", singleSeconds), parquetSeconds,
            distributedSeconds / parquetSeconds, readBackSeconds / parquetSeconds,
            cell("%.1f", singleSeconds / distributedSeconds)));
        System.out.println("bench: " + lines.get(lines.size() - 1));
      }
    }
    lines.add("times: best of " + REPEATS + " runs after a warm-up; each run is a fresh read plus an aggregate over"
        + " every column. distributed = Kusto's export + read-back; read-back = the same read served from the kept"
        + " export (transient cache): downloading and decoding the very blobs the local Parquet read reads from disk");
    System.out.println("\n=== kusto-spark read benchmark (local[2], emulator + Azurite) ===");
    lines.forEach(System.out::println);
  }

  private static Dataset<Row> distributed(EmulatedKusto kusto, long size, String transientStorage) {
    DataFrameReader reader = kusto.read("Bench | where id < " + size)
        .option("readMode", "ForceDistributedMode");
    if (transientStorage != null) {
      reader = reader.option("transientStorage", transientStorage).option("distributedReadModeTransientCache", "true");
    }
    return reader.load();
  }

  private static Dataset<Row> single(EmulatedKusto kusto, long size) {
    return kusto.read("Bench | where id < " + size).option("readMode", "ForceSingleMode").load();
  }

  /** An aggregate that decodes every column of every row; returns the row count. */
  private static long digest(Dataset<Row> rows) {
    Row totals = rows.agg(count(lit(1)), sum("id"), sum("x"), sum("r"), max(length(rows.col("k"))),
        max(rows.col("t"))).collectAsList().get(0);
    return totals.getLong(0);
  }

  /** Best wall time of {@link #REPEATS} runs, each checked to have read {@code expectedRows}. */
  private static double measure(Supplier<Long> run, long expectedRows) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < REPEATS; i++) {
      long start = System.nanoTime();
      long seen = run.get();
      best = Math.min(best, seconds(System.nanoTime() - start));
      assertThat(seen).isEqualTo(expectedRows);
    }
    return best;
  }

  /** A formatted number, or {@code n/a} for a size that was not measured. */
  private static String cell(String format, double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long countFiles(Path directory) throws Exception {
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      return files.count();
    }
  }

  /** Copies every Parquet blob of the container to a local directory. */
  private static Path download(EmulatedKusto kusto, String sasUrl, Path target) throws Exception {
    BlobContainerClient container = kusto.containerOf(sasUrl);
    Files.createDirectories(target);
    int files = 0;
    for (BlobItem blob : container.listBlobs()) {
      if (blob.getName().endsWith(".parquet")) {
        container.getBlobClient(blob.getName())
            .downloadToFile(target.resolve("part-" + (files++) + ".parquet").toString());
      }
    }
    assertThat(files).as("exported Parquet files in %s", container.getBlobContainerName()).isPositive();
    return target;
  }
}
