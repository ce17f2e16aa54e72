package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.common.client.EmulatorRequests;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.OperationPoller;
import com.microsoft.kusto.spark.common.client.PollSchedule;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One strict emulator (with Azurite) per test class, and the helpers the write tests share. */
final class WriteEmulator implements AutoCloseable {
  static final List<TypedField> ID_NAME =
      List.of(TypedField.of("id", ColumnType.longType()), TypedField.of("name", ColumnType.stringType()));

  final KustoEmulator emulator;
  final KustoRequestRunner runner;

  WriteEmulator() {
    emulator = KustoEmulator.builder().strictMode(true).database("db").start();
    runner = EmulatorRequests.runner(emulator, "db", null, 3);
  }

  /** Write options on this emulator (anonymous loopback access); later pairs override earlier ones. */
  WriteConfig config(String table, String... keysAndValues) {
    Map<String, String> options = new LinkedHashMap<>();
    // The SDK authenticates to anything but http://localhost; the address keeps the loopback anonymous.
    options.put("kustoCluster", emulator.engineUrl().replace("://localhost:", "://127.0.0.1:"));
    options.put("kustoDatabase", "db");
    options.put("kustoTable", table);
    options.put("timeoutLimit", "120");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return WriteConfig.from(options);
  }

  TableWritePreparation preparation() {
    return new TableWritePreparation(runner);
  }

  TransactionalCommit commit() {
    return new TransactionalCommit(runner, new PollSchedule(50, 200, 60_000, 500),
        new OperationPoller(runner, new PollSchedule(20, 200, 60_000, 500)));
  }

  void mgmt(String command) {
    runner.command("test", command, EmulatorRequests.inSeconds(30));
  }

  long count(String table) {
    KustoResultSetTable result =
        runner.query("count", "['" + table + "'] | count", EmulatorRequests.inSeconds(30)).getPrimaryResults();
    result.next();
    return result.getLong(0);
  }

  List<String> column(String query, String column) {
    KustoResultSetTable result = runner.query("read", query, EmulatorRequests.inSeconds(30)).getPrimaryResults();
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(column));
    }
    return values;
  }

  List<String> commandColumn(String command, String column) {
    KustoResultSetTable result = runner.command("read", command, EmulatorRequests.inSeconds(30)).getPrimaryResults();
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(column));
    }
    return values;
  }

  /** The staging tables of writes to {@code table} (tests share one emulator, so filter by target). */
  List<String> tempTables(String table) {
    return commandColumn(".show tables with (IncludeHiddenTables=true) | where TableName startswith 'sparkTempTable_" + table + "_'", "TableName");
  }

  /** Writes rows {@code from..to-1} as (id, "name <id>") through one partition writer. */
  static PartitionResult writeRange(WritePlan plan, int partition, long from, long to) {
    PartitionWriter writer = PartitionWriters.open(plan, ID_NAME, partition);
    TestRow row = new TestRow(2);
    try {
      for (long id = from; id < to; id++) {
        writer.write(row.set(id, "name " + id));
      }
      return writer.finish();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  /** Java serialization there and back, as Spark ships plans to executors and task results to the driver. */
  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (Exception e) {
      throw new AssertionError("not serializable: " + value, e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
