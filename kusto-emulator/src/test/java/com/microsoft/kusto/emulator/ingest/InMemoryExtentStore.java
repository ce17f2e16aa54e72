package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.ExtentSpec;
import com.microsoft.kusto.emulator.store.ExtentStore;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal {@link ExtentStore} on an in-memory DuckDB, so the loading SQL can be tested without the server. It
 * follows the storage contract: physical columns c0..cN plus the extent id column.
 */
final class InMemoryExtentStore implements ExtentStore, AutoCloseable {
  private final Connection connection;
  private final Map<String, TableSchema> tables = new ConcurrentHashMap<>();
  private final Map<String, List<Extent>> extents = new ConcurrentHashMap<>();

  InMemoryExtentStore() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
    }
  }

  synchronized TableSchema createTable(String database, String name, List<ColumnSchema> columns) {
    String physical = "\"t_" + database + "_" + name + "\"";
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + physical + " (");
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(TableSchema.sqlColumn(i)).append(' ').append(columns.get(i).type().duckDbType()).append(", ");
    }
    ddl.append(TableSchema.EXTENT_COLUMN).append(" VARCHAR)");
    execute(ddl.toString());
    TableSchema schema = new TableSchema(database, name, columns, physical);
    tables.put(database + "/" + name, schema);
    extents.put(database + "/" + name, new ArrayList<>());
    return schema;
  }

  synchronized void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
    }
  }

  /** The rows of {@code sql}, each cell as JDBC's getString. */
  synchronized List<List<String>> query(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
    }
  }

  @Override
  public Optional<TableSchema> findTable(String database, String table) {
    return Optional.ofNullable(tables.get(database + "/" + table));
  }

  @Override
  public List<TableSchema> tables(String database) {
    return tables.values().stream().filter(t -> t.database().equals(database)).toList();
  }

  @Override
  public boolean databaseExists(String database) {
    return true;
  }

  @Override
  public TableSchema requireTable(String database, String table) {
    return findTable(database, table).orElseThrow(() -> KustoRequestException.badRequest("x", table));
  }

  @Override
  public synchronized Extent appendExtent(String database, String table, String selectSql, ExtentSpec spec) {
    TableSchema schema = requireTable(database, table);
    String id = UUID.randomUUID().toString();
    try (Statement s = connection.createStatement()) {
      int rows = s.executeUpdate("INSERT INTO " + schema.sqlReference() + " SELECT *, '" + id + "' FROM (" + selectSql + ")");
      Extent extent = new Extent(id, database, table, rows, spec.originalSize(), spec.creationTime(), spec.tags());
      extents.get(database + "/" + table).add(extent);
      return extent;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public List<Extent> extents(String database, String table) {
    return List.copyOf(extents.getOrDefault(database + "/" + table, List.of()));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
