package com.microsoft.kusto.emulator.result;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Reads a JDBC result whose columns hold Kusto types in their DuckDB storage representation (see
 * {@link com.microsoft.kusto.emulator.store.KustoType}) into a {@link ResultTable} of canonical Java values.
 */
public final class JdbcResultReader {
  private JdbcResultReader() {}

  public static ResultTable read(String tableName, ResultSet rs, List<ColumnSchema> columns) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int n = columns.size();
    if (rs.getMetaData().getColumnCount() < n) {
      throw new SQLException(
          "The SQL result has " + rs.getMetaData().getColumnCount() + " columns but " + n + " were described");
    }
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        row.add(cell(rs, i + 1, columns.get(i)));
      }
      rows.add(row);
    }
    return new ResultTable(tableName, columns, rows);
  }

  /**
   * The rows of an open result, read one at a time as the iterator is advanced (the caller keeps {@code rs} open
   * meanwhile). A store failure while reading is thrown as {@link IllegalStateException}.
   */
  public static Iterator<List<Object>> rows(ResultSet rs, List<ColumnSchema> columns) throws SQLException {
    int n = columns.size();
    if (rs.getMetaData().getColumnCount() < n) {
      throw new SQLException(
          "The SQL result has " + rs.getMetaData().getColumnCount() + " columns but " + n + " were described");
    }
    return new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = rs.next();
          } catch (SQLException e) {
            throw new IllegalStateException("Reading the query result from the store failed: " + e.getMessage(), e);
          }
        }
        return ahead;
      }

      @Override
      public List<Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = null;
        List<Object> row = new ArrayList<>(n);
        try {
          for (int i = 0; i < n; i++) {
            row.add(cell(rs, i + 1, columns.get(i)));
          }
        } catch (SQLException e) {
          throw new IllegalStateException("Reading the query result from the store failed: " + e.getMessage(), e);
        }
        return row;
      }
    };
  }

  private static Object cell(ResultSet rs, int index, ColumnSchema column) throws SQLException {
    Object raw = rs.getObject(index);
    if (raw == null) {
      return null;
    }
    return switch (column.type()) {
      case BOOL -> raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
      case INT -> ((Number) raw).intValue();
      case LONG -> ((Number) raw).longValue();
      case REAL -> ((Number) raw).doubleValue();
      case DECIMAL -> raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
      case DATETIME -> rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
      case TIMESPAN -> KustoValues.fromTicks(((Number) raw).longValue());
      case STRING -> raw.toString();
      case GUID -> raw instanceof UUID u ? u : UUID.fromString(raw.toString());
      case DYNAMIC -> KustoValues.parseText(column.type(), raw.toString());
    };
  }
}
