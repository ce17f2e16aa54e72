package com.microsoft.kusto.spark.it.write;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Runs test code inside a write task when it produces a chosen row: the suite's local master runs tasks in the test's
 * JVM, so the action can inject a fault or look at Kusto at a precise moment of the write (the row is handed to the
 * connector's writer right after). Uses only a Java UDF, which every Spark line has.
 */
final class RowHook {
  private static final Map<String, Runnable> ACTIONS = new ConcurrentHashMap<>();

  private RowHook() {}

  /** {@code df} (with a bigint column {@code id}) that runs {@code action} when the row with {@code id} is produced. */
  static Dataset<Row> onRow(Dataset<Row> df, long id, Runnable action) {
    String key = UUID.randomUUID().toString();
    ACTIONS.put(key, action);
    UserDefinedFunction passThrough = functions.udf((UDF1<Long, Long>) value -> {
      if (value != null && value == id) {
        Runnable registered = ACTIONS.get(key);
        if (registered != null) {
          registered.run();
        }
      }
      return value;
    }, DataTypes.LongType).asNondeterministic();
    return df.withColumn("id", passThrough.apply(df.col("id")));
  }
}
