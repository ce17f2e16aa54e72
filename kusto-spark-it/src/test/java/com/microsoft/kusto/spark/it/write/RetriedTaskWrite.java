package com.microsoft.kusto.spark.it.write;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * An application, run in a JVM of its own, whose write meets two faults the suite's shared {@code local[2]} session
 * cannot show (one child JVM for both keeps the suite fast):
 * <ul>
 *   <li>a task dies mid-partition on its first attempt and Spark retries it ({@code local[2,3]} allows retries as a
 *       cluster does): the first attempt of partition 1 fails after more than a blob's worth of rows
 *       ({@code clientBatchingLimit} 1 MB), so a connector that staged that attempt's blobs would double them;
 *   <li>the write uses {@code writeEnableAsync}, and the application exits the JVM as soon as {@code save()}
 *       returns, while the commit still runs in the background.
 * </ul>
 * Arguments: cluster URL, table, rows.
 */
public final class RetriedTaskWrite {
  /** Printed by the failing attempt, so the test can tell the fault really happened. */
  static final String FAILURE = "injected failure of the first attempt of partition 1";
  /** Printed right before the application exits. */
  static final String EXITING = "save() returned; exiting";

  private RetriedTaskWrite() {}

  public static void main(String[] args) {
    String cluster = args[0];
    String table = args[1];
    long rows = Long.parseLong(args[2]);
    int partitions = 4;
    long failAt = rows / partitions + rows / partitions * 9 / 10;
    SparkSession spark = SparkSession.builder().master("local[2,3]").appName("retried-task-write")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      UserDefinedFunction failOnce = functions.udf((UDF1<Long, Long>) id -> {
        TaskContext task = TaskContext.get();
        if (id == failAt && task.attemptNumber() == 0) {
          System.out.println(FAILURE);
          throw new IllegalStateException(FAILURE);
        }
        return id;
      }, DataTypes.LongType).asNondeterministic();
      Dataset<Row> df = spark.range(0, rows, 1, partitions)
          .select(failOnce.apply(functions.col("id")).as("id"),
              functions.concat(functions.lit("name "), functions.col("id")).as("name"));
      Map<String, String> options = new HashMap<>();
      options.put("kustoCluster", cluster);
      options.put("kustoDatabase", "db");
      options.put("kustoTable", table);
      options.put("clientBatchingLimit", "1");
      options.put("timeoutLimit", "120");
      options.put("writeEnableAsync", "true");
      df.write().format("kusto").options(options).mode(SaveMode.Append).save();
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.out.println(EXITING);
    System.exit(0);
  }
}
