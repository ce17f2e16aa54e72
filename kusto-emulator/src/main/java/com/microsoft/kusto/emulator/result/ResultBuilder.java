package com.microsoft.kusto.emulator.result;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a command's {@link ResultTable}: {@code new ResultBuilder().column("A", STRING).row("x").build()}. */
public final class ResultBuilder {
  private final List<ColumnSchema> columns = new ArrayList<>();
  private final List<List<Object>> rows = new ArrayList<>();

  public ResultBuilder column(String name, KustoType type) {
    columns.add(new ColumnSchema(name, type));
    return this;
  }

  public ResultBuilder row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("Row has " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(Arrays.asList(values));
    return this;
  }

  public ResultTable build() {
    return ResultTable.of(columns, rows);
  }
}
