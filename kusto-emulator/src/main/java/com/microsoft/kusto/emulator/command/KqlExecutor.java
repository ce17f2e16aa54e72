package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.CompiledQuery;
import com.microsoft.kusto.emulator.kql.KqlQueryEngine;
import com.microsoft.kusto.emulator.result.JdbcResultReader;
import com.microsoft.kusto.emulator.result.KustoValues;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Runs KQL on the store: compiles it with {@link KqlQueryEngine} and reads the DuckDB result. */
public final class KqlExecutor {
  private static final int INSERT_BATCH = 500;
  private final DuckDbStore store;
  private final KqlQueryEngine engine;
  private final AtomicLong temp = new AtomicLong();

  public KqlExecutor(DuckDbStore store, KqlQueryEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** Runs a KQL query against {@code database}. */
  public ResultTable query(String database, String kql, Map<String, String> parameters) {
    store.requireDatabase(database);
    CompiledQuery compiled = engine.compile(database, kql, parameters);
    try (Connection c = store.openConnection()) {
      return run(c, compiled);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Receives a query's result while it is read from the store. */
  @FunctionalInterface
  public interface ResultConsumer {
    void accept(List<ColumnSchema> columns, Iterator<List<Object>> rows) throws IOException;
  }

  /**
   * Runs a KQL query and hands its rows to {@code consumer} as the store produces them, so a large result never
   * sits whole in the heap. Compile and store errors are thrown before {@code consumer} is called.
   */
  public void stream(String database, String kql, Map<String, String> parameters, ResultConsumer consumer)
      throws IOException {
    store.requireDatabase(database);
    CompiledQuery compiled = engine.compile(database, kql, parameters);
    try (Connection c = store.openConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(compiled.sql())) {
      Iterator<List<Object>> rows = JdbcResultReader.rows(rs, compiled.columns());
      consumer.accept(compiled.columns(), rows);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs {@code tail} (the text after {@code |}) over a command's result, as {@code command | tail} does. */
  public ResultTable over(String database, ResultTable input, String tail) {
    try (Connection c = store.openConnection()) {
      String name = "\"$command_results_" + temp.incrementAndGet() + "\"";
      materialize(c, name, input);
      CompiledQuery compiled = engine.compileOver(database, "SELECT * FROM " + name, input.columns(), tail);
      return run(c, compiled);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static ResultTable run(Connection c, CompiledQuery compiled) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(compiled.sql())) {
      return JdbcResultReader.read("PrimaryResult", rs, compiled.columns());
    }
  }

  private static void materialize(Connection c, String name, ResultTable input) throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE ").append(name).append(" (");
    List<ColumnSchema> columns = input.columns();
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(i == 0 ? "" : ", ").append(TableSchema.sqlColumn(i)).append(' ')
          .append(columns.get(i).type().duckDbType());
    }
    try (Statement s = c.createStatement()) {
      s.execute(ddl.append(')').toString());
      for (int from = 0; from < input.rows().size(); from += INSERT_BATCH) {
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(name).append(" VALUES ");
        List<List<Object>> batch = input.rows().subList(from, Math.min(input.rows().size(), from + INSERT_BATCH));
        for (int r = 0; r < batch.size(); r++) {
          insert.append(r == 0 ? "(" : ", (");
          for (int i = 0; i < columns.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append(KustoValues.sqlLiteral(columns.get(i).type(), batch.get(r).get(i)));
          }
          insert.append(')');
        }
        s.execute(insert.toString());
      }
    }
  }

  private static KustoRequestException failure(SQLException e) {
    return new KustoRequestException(
        400, "General_BadRequest", "Query execution failed in the emulator's store: " + e.getMessage(), true);
  }
}
