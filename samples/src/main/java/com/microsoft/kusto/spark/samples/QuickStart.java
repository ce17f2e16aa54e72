package com.microsoft.kusto.spark.samples;

import com.microsoft.kusto.spark.samples.job.KustoTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The main sample: write a DataFrame of every type to Kusto, read it back with a filter and a projection pushed into
 * KQL (and print that KQL), then stream a few micro-batches into a table.
 *
 * <p>With no arguments it runs against a local Kusto endpoint started in this JVM (no Azure account needed). To run
 * the same flows against a real cluster, pass connector options as {@code option=value} arguments or set the
 * environment variables {@code KUSTO_CLUSTER}, {@code KUSTO_DATABASE}, {@code KUSTO_AAD_APP_ID},
 * {@code KUSTO_AAD_APP_SECRET} and {@code KUSTO_AAD_AUTHORITY_ID} (tenant). The application needs the database's
 * admin role (the sample creates its tables).
 */
public final class QuickStart {
  static final String TYPES_TABLE = "QuickStartAllTypes";
  static final String EVENTS_TABLE = "QuickStartEvents";

  /** Everything the sample did, for its test. */
  record Result(BatchRoundTrip.Result batch, StreamingIngest.Result streaming) {}

  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    KustoTarget cluster = KustoTarget.fromArguments(args, System.getenv());
    if (cluster != null) {
      System.out.println("kusto-spark quick start against " + cluster);
      run(cluster, System.out);
      return;
    }
    System.out.println("kusto-spark quick start against a local Kusto endpoint (no Azure account needed).");
    System.out.println("Starting it (engine + Azurite) ...");
    try (LocalKusto local = LocalKusto.start()) {
      System.out.println("Local endpoint at " + local.target().cluster() + ", database " + LocalKusto.DATABASE);
      run(local.target(), System.out);
    }
  }

  /** Runs both flows against {@code target} with a local SparkSession, printing progress to {@code out}. */
  static Result run(KustoTarget target, PrintStream out) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("kusto-spark quick start")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Path work = Files.createTempDirectory("kusto-spark-quickstart");
    try {
      out.println();
      out.println("== 1. Batch write and read ==");
      BatchRoundTrip.Result batch = new BatchRoundTrip(spark, target, out).run(TYPES_TABLE, 6);
      out.println("== 2. Structured streaming into Kusto ==");
      StreamingIngest.Result streaming = new StreamingIngest(spark, target, out).run(EVENTS_TABLE, 3, 100, work);
      out.println("Done.");
      return new Result(batch, streaming);
    } finally {
      spark.stop();
      deleteRecursively(work);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
