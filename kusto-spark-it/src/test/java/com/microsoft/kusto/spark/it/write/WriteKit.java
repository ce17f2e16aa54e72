package com.microsoft.kusto.spark.it.write;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What the write suite shares on top of {@link EmulatedKusto}: the connector's write options, and checks of the
 * result made in Kusto itself (management commands and queries through the SDK, never through the connector).
 *
 * <p>One emulator serves every write test class of the JVM (each class uses its own table names and clears the
 * faults it injects): starting one per class would cost the suite several seconds per class on every Spark line.
 */
public final class WriteKit implements AutoCloseable {
  private static WriteKit shared;

  private final EmulatedKusto kusto;
  private final Client client;

  private WriteKit(EmulatedKusto kusto) {
    this.kusto = kusto;
    try {
      this.client = ClientFactory.createClient(
          new ConnectionStringBuilder("Data Source=" + kusto.engineUrl() + ";Initial Catalog=" + EmulatedKusto.DB));
    } catch (Exception e) {
      kusto.close();
      throw new IllegalStateException("Could not create a Kusto client for " + kusto.engineUrl(), e);
    }
  }

  /** The JVM's write emulator, started on first use and stopped when the JVM exits. */
  public static synchronized WriteKit start() {
    if (shared == null) {
      WriteKit kit = new WriteKit(EmulatedKusto.start());
      Runtime.getRuntime().addShutdownHook(new Thread(kit.kusto::close, "write-suite-emulator-stop"));
      shared = kit;
    }
    return shared;
  }

  public EmulatedKusto kusto() {
    return kusto;
  }

  public Faults faults() {
    return kusto.emulator().faults();
  }

  /** The cluster URL for writes: the SDK's ingest client stays anonymous only towards the literal loopback address. */
  public String cluster() {
    return kusto.engineUrl().replace("://localhost:", "://127.0.0.1:");
  }

  /** Write options for {@code table}; later pairs override earlier ones. */
  public Map<String, String> options(String table, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", cluster());
    options.put("kustoDatabase", EmulatedKusto.DB);
    options.put("kustoTable", table);
    options.put("timeoutLimit", "120");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }

  /** {@code df.write().format("kusto")} with {@link #options}. */
  public DataFrameWriter<Row> writer(Dataset<Row> df, String table, String... keysAndValues) {
    return df.write().format("kusto").options(options(table, keysAndValues));
  }

  /** Rows (id, "name id") for ids {@code from..to-1} in {@code partitions} partitions. */
  public static Dataset<Row> people(long from, long to, int partitions) {
    return LocalSpark.session().range(from, to, 1, partitions)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"));
  }

  public void command(String text) {
    kusto.command(text);
  }

  /** Creates {@code table (id:long, name:string)} holding the two rows -1 and -2 named "old". */
  void createWithOldRows(String table) {
    command(".create table " + table + " (id:long, name:string)");
    command(".ingest inline into table " + table + " <|\n-1,old\n-2,old");
  }

  /** One column of a management command's result, as strings. */
  List<String> commandColumn(String command, String column) {
    try {
      return column(client.executeMgmt(EmulatedKusto.DB, command).getPrimaryResults(), column);
    } catch (Exception e) {
      throw new IllegalStateException("Check command failed: " + command, e);
    }
  }

  /** One column of a query's rows, as strings, in result order. */
  public List<String> queryColumn(String query, String column) {
    try {
      return column(client.executeQuery(EmulatedKusto.DB, query).getPrimaryResults(), column);
    } catch (Exception e) {
      throw new IllegalStateException("Check query failed: " + query, e);
    }
  }

  private static List<String> column(KustoResultSetTable table, String column) {
    List<String> values = new ArrayList<>();
    while (table.next()) {
      Object value = table.getObject(column);
      values.add(value == null ? null : value.toString());
    }
    return values;
  }

  public long count(String table) {
    return Long.parseLong(queryColumn("['" + table + "'] | count | project n = tostring(Count)", "n").get(0));
  }

  /** "rows distinct-ids min-id max-id" of a table with an {@code id} column, computed by Kusto. */
  public String idStats(String table) {
    return queryColumn("['" + table + "'] | summarize n = count(), d = dcount(id), lo = min(id), hi = max(id)"
        + " | project r = strcat(n, ' ', d, ' ', lo, ' ', hi)", "r").get(0);
  }

  /** The connector's staging tables left in the database for {@code table}. */
  public List<String> tempTables(String table) {
    return commandColumn(".show tables with (IncludeHiddenTables=true) | where TableName startswith 'sparkTempTable_" + table + "_'", "TableName");
  }

  boolean tableExists(String table) {
    return !commandColumn(".show tables with (IncludeHiddenTables=true) | where TableName == '" + table + "'", "TableName").isEmpty();
  }

  String cslSchema(String table) {
    return commandColumn(".show table ['" + table + "'] cslschema", "Schema").get(0);
  }

  /** Polls until {@code value} equals {@code expected} or a minute passed (queued ingestion lands after save()). */
  public static <T> T await(Supplier<T> value, T expected) {
    long deadline = System.currentTimeMillis() + 60_000;
    T current = value.get();
    while (!expected.equals(current) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return current;
      }
      current = value.get();
    }
    return current;
  }

  /** Leaves the shared emulator running for the next class; only clears the faults a class may have left. */
  @Override
  public void close() {
    faults().clear();
  }
}
