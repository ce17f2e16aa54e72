package com.microsoft.kusto.emulator.store;

import java.util.List;
import java.util.Optional;

/**
 * A stored Kusto table: its logical name and columns, and where it lives in DuckDB.
 *
 * <p>DuckDB compares identifiers case-insensitively while Kusto does not, so tables and columns are stored under
 * generated physical names: the table as {@link #sqlReference()} and column {@code i} as {@link #sqlColumn(int)}.
 * Every stored row also carries the id of the extent it belongs to in {@link #EXTENT_COLUMN}; queries never
 * expose it.
 */
public record TableSchema(String database, String name, List<ColumnSchema> columns, String sqlReference) {
  /** Physical column holding the extent id (a UUID string) of each row. */
  public static final String EXTENT_COLUMN = "\"$extent_id\"";

  public TableSchema {
    columns = List.copyOf(columns);
  }

  /** The quoted physical name of column {@code index}. */
  public static String sqlColumn(int index) {
    return "\"c" + index + "\"";
  }

  public Optional<Integer> indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The table in Kusto's CSL schema notation, {@code a:int, b:string}. */
  public String cslSchema() {
    StringBuilder out = new StringBuilder();
    for (ColumnSchema c : columns) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(c.cslSchema());
    }
    return out.toString();
  }
}
