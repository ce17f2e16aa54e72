package com.microsoft.kusto.emulator.result;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tabular answer (query result or command result) before it is written in the v1 or v2 wire format.
 *
 * <p>Cell values are canonical Java objects per column type: {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Double}, {@code BigDecimal}, {@code java.time.Instant} (datetime), {@code java.time.Duration}
 * (timespan), {@code String}, {@code java.util.UUID} (guid), Jackson {@code JsonNode} (dynamic), or null.
 */
public record ResultTable(String name, List<ColumnSchema> columns, List<List<Object>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public static ResultTable of(List<ColumnSchema> columns, List<List<Object>> rows) {
    return new ResultTable("Table_0", columns, rows);
  }
}
