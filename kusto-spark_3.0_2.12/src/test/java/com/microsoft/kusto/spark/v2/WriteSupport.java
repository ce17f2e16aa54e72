package com.microsoft.kusto.spark.v2;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** What the write tests share on top of {@link EmulatorKit}: write options and reads of the result in Kusto. */
final class WriteSupport {
  private WriteSupport() {}

  /** The cluster URL for writes: the SDK's ingest client is anonymous towards the literal loopback address. */
  static String cluster(EmulatorKit kit) {
    return kit.emulator.engineUrl().replace("://localhost:", "://127.0.0.1:");
  }

  /** Write options for {@code table}; later pairs override earlier ones. */
  static Map<String, String> options(EmulatorKit kit, String table, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", cluster(kit));
    options.put("kustoDatabase", EmulatorKit.DB);
    options.put("kustoTable", table);
    options.put("timeoutLimit", "120");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }

  static long count(EmulatorKit kit, String table) {
    return Long.parseLong(column(kit, "['" + table + "'] | count | project n = tostring(Count)", "n").get(0));
  }

  /** One column of a query's rows as strings, in result order. */
  static List<String> column(EmulatorKit kit, String query, String column) {
    KustoResultSetTable result =
        kit.runner.query("test read", query, System.currentTimeMillis() + 60_000).getPrimaryResults();
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(column));
    }
    return values;
  }

  static List<String> commandColumn(EmulatorKit kit, String command, String column) {
    KustoResultSetTable result =
        kit.runner.command("test read", command, System.currentTimeMillis() + 60_000).getPrimaryResults();
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(column));
    }
    return values;
  }

  /** The staging tables left for {@code table}. */
  static List<String> tempTables(EmulatorKit kit, String table) {
    return commandColumn(kit, ".show tables with (IncludeHiddenTables=true) | where TableName startswith 'sparkTempTable_" + table + "_'",
        "TableName");
  }

  static boolean tableExists(EmulatorKit kit, String table) {
    return !commandColumn(kit, ".show tables with (IncludeHiddenTables=true) | where TableName == '" + table + "'", "TableName").isEmpty();
  }

  /** Polls until {@code value} reaches {@code expected} (queued ingestion completes after the write returns). */
  static long awaitValue(LongSupplier value, long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    long current = value.getAsLong();
    while (current != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      current = value.getAsLong();
    }
    return current;
  }
}
