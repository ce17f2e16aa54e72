package com.microsoft.kusto.spark.samples;

import com.microsoft.kusto.spark.samples.job.KustoTarget;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Batch flow: write a DataFrame of every type into a table (created from the DataFrame's schema), then read part of
 * it back with a filter and a projection that the connector turns into KQL.
 */
final class BatchRoundTrip {
  /** What the read sent and got. */
  record Result(long written, String kql, List<Row> rows) {}

  private final SparkSession spark;
  private final KustoTarget target;
  private final PrintStream out;

  BatchRoundTrip(SparkSession spark, KustoTarget target, PrintStream out) {
    this.spark = spark;
    this.target = target;
    this.out = out;
  }

  Result run(String table, int rows) {
    Dataset<Row> data = AllTypes.frame(spark, rows);
    out.printf("Writing %d rows with %d columns (every Spark type) to table %s ...%n", data.count(),
        data.columns().length, table);
    // Overwrite is an atomic replace: the old rows stay visible until all new ones are ingested. Transactional is
    // the default write mode; CreateIfNotExist creates the table from the DataFrame's schema.
    data.write().format("kusto")
        .options(target.options("kustoTable", table, "tableCreateOptions", "CreateIfNotExist"))
        .mode(SaveMode.Overwrite).save();
    out.printf("Written.%n%n");

    Dataset<Row> read = spark.read().format("kusto").options(target.options("kustoQuery", table)).load()
        .filter(functions.col("big").gt(9_007_199_254_740_993L).and(functions.col("name").startsWith("row")))
        .select("id", "name", "amount", "at", "tags", "point");
    String kql = String.join("\n", ScanKql.of(read));
    out.printf("Reading it back with a filter and a projection. The KQL sent to Kusto:%n%s%n%n", indent(kql));
    List<Row> back = read.orderBy("id").collectAsList();
    out.printf("%d rows back:%n", back.size());
    for (Row row : back) {
      out.printf("  %s%n", row);
    }
    out.println();
    return new Result(data.count(), kql, back);
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
