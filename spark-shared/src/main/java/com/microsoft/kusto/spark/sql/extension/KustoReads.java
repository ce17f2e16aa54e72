package com.microsoft.kusto.spark.sql.extension;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import java.util.Collections;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The simplified read syntax as a static API callable from Java, Scala and PySpark ({@code
 * spark._jvm.com.microsoft.kusto.spark.sql.extension.KustoReads.kusto(...)}), mirroring the established
 * connector's {@code spark.read.kusto(cluster, database, query, conf, clientRequestProperties)}.
 */
public final class KustoReads {
  private KustoReads() {}

  /** {@code spark.read.format("kusto")} with cluster, database and query set, then {@code load()}. */
  public static Dataset<Row> kusto(SparkSession spark, String cluster, String database, String query) {
    return kusto(spark, cluster, database, query, Collections.<String, String>emptyMap(), null);
  }

  public static Dataset<Row> kusto(
      SparkSession spark, String cluster, String database, String query, Map<String, String> conf) {
    return kusto(spark, cluster, database, query, conf, null);
  }

  /**
   * @param conf further read options (authentication, {@code readMode}, ...); the three arguments win over the same
   *     keys in it
   * @param clientRequestProperties sent with every query and command of the read, or {@code null}
   */
  public static Dataset<Row> kusto(SparkSession spark, String cluster, String database, String query,
      Map<String, String> conf, ClientRequestProperties clientRequestProperties) {
    org.apache.spark.sql.DataFrameReader reader = spark.read().format("kusto").options(conf);
    if (clientRequestProperties != null) {
      reader = reader.option("clientRequestPropertiesJson", clientRequestProperties.toString());
    }
    return reader.option("kustoCluster", cluster).option("kustoDatabase", database).option("kustoQuery", query)
        .load();
  }
}
