package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runtime seam between Spark 3 lines: the scan builder with limit, top-N and aggregate pushdown implements
 * interfaces that exist from Spark 3.3, so it is loaded only, and by name, when the running Spark has them; on 3.0 to
 * 3.2 the same jar reads with filter and column pushdown, never meeting a missing class.
 */
final class ScanBuilders {
  private static final Logger LOG = LoggerFactory.getLogger(ScanBuilders.class);
  /** Spark 3.3 added these (and the aggregate API in the form the pushdown builder uses). */
  private static final String[] REQUIRED_SPARK_CLASSES = {
    "org.apache.spark.sql.connector.read.SupportsPushDownTopN",
    "org.apache.spark.sql.connector.read.SupportsPushDownLimit",
    "org.apache.spark.sql.connector.expressions.aggregate.Avg"
  };
  private static final String PUSHDOWN_BUILDER = "com.microsoft.kusto.spark.v2.KustoPushdownScanBuilder";
  private static final boolean PUSHDOWN_AVAILABLE = sparkHasAll(REQUIRED_SPARK_CLASSES) && aggregationApiIsThe33One();
  private static volatile boolean loadFailed;

  private ScanBuilders() {}

  static KustoScanBuilder create(ReadConfig config, StructType schema, Map<String, KustoType> kustoTypes) {
    if (PUSHDOWN_AVAILABLE && !loadFailed) {
      try {
        return (KustoScanBuilder) Class.forName(PUSHDOWN_BUILDER)
            .getDeclaredConstructor(ReadConfig.class, StructType.class, Map.class)
            .newInstance(config, schema, kustoTypes);
      } catch (ReflectiveOperationException | LinkageError e) {
        loadFailed = true;
        LOG.warn("Limit, top-N and aggregate pushdown are unavailable on this Spark ({}); reading with filter and"
            + " column pushdown only", e.toString());
      }
    }
    return new KustoScanBuilder(config, schema, kustoTypes);
  }

  /** The aggregate API the builder was compiled against (3.3+): group-by expressions, aggregate columns as expressions. */
  private static boolean aggregationApiIsThe33One() {
    try {
      ClassLoader loader = ScanBuilders.class.getClassLoader();
      Class.forName("org.apache.spark.sql.connector.expressions.aggregate.Aggregation", false, loader)
          .getMethod("groupByExpressions");
      Class<?> expression = Class.forName("org.apache.spark.sql.connector.expressions.Expression", false, loader);
      return Class.forName("org.apache.spark.sql.connector.expressions.aggregate.Count", false, loader)
          .getMethod("column").getReturnType().equals(expression);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  private static boolean sparkHasAll(String[] classNames) {
    ClassLoader loader = ScanBuilders.class.getClassLoader();
    for (String name : classNames) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
    return true;
  }
}
