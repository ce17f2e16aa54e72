package com.microsoft.kusto.spark.v1;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.util.CaseInsensitiveMap;
import scala.collection.JavaConverters;

/** Spark 2.4's Scala option maps as the Java maps the common configs parse. */
final class V1Options {
  private V1Options() {}

  /**
   * The data source options with the user's own key spelling: Spark 2.4 hands them over in a
   * {@code CaseInsensitiveMap} that iterates lower-cased keys, while error messages should echo the keys as written.
   */
  static Map<String, String> of(scala.collection.immutable.Map<String, String> options) {
    scala.collection.Map<String, String> original = options instanceof CaseInsensitiveMap
        ? ((CaseInsensitiveMap<String>) options).originalMap() : options;
    return new HashMap<>(JavaConverters.mapAsJavaMapConverter(original).asJava());
  }

  /** The session's {@code spark.*} settings, for {@code spark.datasource.kusto.*} defaults. */
  static Map<String, String> sessionConf(SparkSession session) {
    return new HashMap<>(JavaConverters.mapAsJavaMapConverter(session.conf().getAll()).asJava());
  }
}
