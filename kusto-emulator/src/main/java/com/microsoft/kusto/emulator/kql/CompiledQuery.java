package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.util.List;

/**
 * A KQL query translated to one DuckDB SELECT. Its result columns, in order, are {@link #columns()}, each in the
 * storage representation of its Kusto type.
 */
public record CompiledQuery(String sql, List<ColumnSchema> columns) {
  public CompiledQuery {
    columns = List.copyOf(columns);
  }
}
