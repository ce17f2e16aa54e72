package com.microsoft.kusto.spark.sql.extension;

import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import java.util.Collections;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.streaming.DataStreamWriter;

/**
 * The simplified write syntax as a static API callable from Java, Scala and PySpark, mirroring the established
 * connector's {@code df.write.kusto(cluster, database, table, conf, sparkIngestionProperties)}. The three naming
 * arguments win over the same keys in {@code conf}.
 */
public final class KustoWrites {
  private KustoWrites() {}

  /** Appends {@code df} to the table: {@code df.write().format("kusto")...mode(Append).save()}. */
  public static void kusto(Dataset<Row> df, String cluster, String database, String table, Map<String, String> conf) {
    kusto(df, cluster, database, table, conf, null);
  }

  /**
   * @param conf further write options (authentication, {@code writeMode}, {@code tableCreateOptions}, ...)
   * @param ingestionProperties passed as {@code sparkIngestionPropertiesJson}, or {@code null}
   */
  public static void kusto(Dataset<Row> df, String cluster, String database, String table, Map<String, String> conf,
      SparkIngestionProperties ingestionProperties) {
    DataFrameWriter<Row> writer = df.write().format("kusto").options(orEmpty(conf));
    if (ingestionProperties != null) {
      writer = writer.option("sparkIngestionPropertiesJson", ingestionProperties.toString());
    }
    writer.option("kustoCluster", cluster).option("kustoDatabase", database).option("kustoTable", table)
        .mode(SaveMode.Append).save();
  }

  /**
   * A {@code writeStream} of {@code df} to the table in append mode, configured but not started: the caller adds
   * {@code checkpointLocation} (needed for exactly-once batches across restarts), a trigger, and calls
   * {@code start()}.
   */
  public static DataStreamWriter<Row> kustoStream(Dataset<Row> df, String cluster, String database, String table,
      Map<String, String> conf, SparkIngestionProperties ingestionProperties) {
    DataStreamWriter<Row> writer = df.writeStream().format("kusto").options(orEmpty(conf)).outputMode("append");
    if (ingestionProperties != null) {
      writer = writer.option("sparkIngestionPropertiesJson", ingestionProperties.toString());
    }
    return writer.option("kustoCluster", cluster).option("kustoDatabase", database).option("kustoTable", table);
  }

  private static Map<String, String> orEmpty(Map<String, String> conf) {
    return conf == null ? Collections.<String, String>emptyMap() : conf;
  }
}
