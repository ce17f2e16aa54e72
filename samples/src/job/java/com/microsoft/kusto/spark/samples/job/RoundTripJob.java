package com.microsoft.kusto.spark.samples.job;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A plain Spark job that writes rows to a Kusto table and reads part of them back, using nothing but Spark and
 * {@code format("kusto")}: the connector comes from {@code spark-submit --packages}. Compiled for Java 8 against
 * APIs present in Spark 2.4, 3.x and 4.0, so the same jar runs on every Spark line.
 *
 * <pre>
 * spark-submit --packages io.github.kustospark:kusto-spark_3.0_2.12:VERSION \
 *   --class com.microsoft.kusto.spark.samples.job.RoundTripJob kusto-spark-samples-VERSION-job.jar \
 *   CLUSTER_URL DATABASE TABLE [ROWS] [option=value ...]
 * </pre>
 *
 * <p>Credentials come from the {@code option=value} arguments or the {@code KUSTO_*} environment variables (see
 * {@link KustoTarget}); with none, a loopback endpoint is used anonymously. The table is created if missing and the
 * rows are appended. Prints one {@code ROUND TRIP OK} line on success; any mismatch fails the job.
 */
public final class RoundTripJob {
  private RoundTripJob() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("Usage: RoundTripJob CLUSTER_URL DATABASE TABLE [ROWS] [option=value ...]"
          + " (got " + args.length + " arguments)");
    }
    String table = args[2];
    long rows = args.length > 3 && !args[3].contains("=") ? Long.parseLong(args[3]) : 1000;
    int firstOption = args.length > 3 && !args[3].contains("=") ? 4 : 3;
    String[] options = Arrays.copyOfRange(args, firstOption, args.length);
    String[] named = new String[options.length + 2];
    named[0] = "kustoCluster=" + args[0];
    named[1] = "kustoDatabase=" + args[1];
    System.arraycopy(options, 0, named, 2, options.length);
    KustoTarget target = KustoTarget.fromArguments(named, Collections.<String, String>emptyMap());

    SparkSession spark = SparkSession.builder().appName("kusto-spark round trip").getOrCreate();
    try {
      run(spark, target, table, rows);
    } finally {
      spark.stop();
    }
  }

  static void run(SparkSession spark, KustoTarget target, String table, long rows) {
    System.out.println("Writing " + rows + " rows to " + table + " on " + target);
    Dataset<Row> data = spark.range(0, rows).selectExpr("id", "concat('row ', cast(id as string)) as name",
        "id % 2 = 0 as even", "cast(id as double) / 4 as quarter");
    data.write().format("kusto").options(target.options("kustoTable", table, "tableCreateOptions", "CreateIfNotExist"))
        .mode(SaveMode.Append).save();

    long from = rows / 2;
    Map<String, String> read = target.options("kustoQuery", table);
    Dataset<Row> back = spark.read().format("kusto").options(read).load()
        .filter(functions.col("id").geq(from)).select("id", "name");
    long count = back.count();
    long expected = rows - from;
    if (count != expected) {
      throw new IllegalStateException("Read back " + count + " rows with id >= " + from + " from " + table
          + ", expected " + expected + ": the table held rows before this job, or the write lost some.");
    }
    System.out.println("ROUND TRIP OK table=" + table + " written=" + rows + " readBack=" + count);
  }
}
