package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.util.List;

/** An intermediate result: a CTE named {@code cte} with SQL columns c0..cN described by {@code columns}. */
record Relation(String cte, List<ColumnSchema> columns) {
  Relation {
    columns = List.copyOf(columns);
  }
}
