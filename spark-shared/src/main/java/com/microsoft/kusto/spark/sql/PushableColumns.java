package com.microsoft.kusto.spark.sql;

import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns whose filters may be pushed to Kusto: those Spark reads with the default Spark type of their Kusto
 * type, so that a Spark value equals the Kusto value. A column given another type in {@code customSchema} (say
 * decimal(10,2) for a decimal, which rounds) keeps its filters in Spark, where they see the converted values.
 */
public final class PushableColumns {
  private PushableColumns() {}

  /** The input of {@link PushdownPlan#of}: pushable column name to Kusto type. */
  public static Map<String, KustoType> of(StructType schema, Map<String, KustoType> kustoTypes) {
    Map<String, KustoType> pushable = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      KustoType kusto = kustoTypes.get(field.name());
      if (kusto != null && field.dataType().equals(SparkTypes.toSpark(TypeMapping.toColumnType(kusto)))) {
        pushable.put(field.name(), kusto);
      }
    }
    return Collections.unmodifiableMap(pushable);
  }
}
