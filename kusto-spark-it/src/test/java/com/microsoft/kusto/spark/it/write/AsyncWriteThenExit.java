package com.microsoft.kusto.spark.it.write;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An application that writes with {@code writeEnableAsync} and exits the JVM right after {@code save()} returns,
 * while the commit still runs in the background. Arguments: cluster URL, table, rows.
 */
public final class AsyncWriteThenExit {
  private AsyncWriteThenExit() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("async-write-then-exit")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", args[0]);
    options.put("kustoDatabase", "db");
    options.put("kustoTable", args[1]);
    options.put("writeEnableAsync", "true");
    options.put("timeoutLimit", "120");
    spark.range(0, Long.parseLong(args[2]), 1, 2)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"))
        .write().format("kusto").options(options).mode(SaveMode.Append).save();
    System.out.println("save() returned; exiting");
    System.exit(0);
  }
}
