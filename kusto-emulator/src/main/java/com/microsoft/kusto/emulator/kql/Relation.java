package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.util.List;

/**
 * An intermediate result: a CTE named {@code cte} with SQL columns c0..cN described by {@code columns}, and, while
 * its rows are still a table's rows, {@code ingestionTime}: the SQL column (not a Kusto column) holding each row's
 * ingestion time, for {@code ingestion_time()} and the cursor functions; null once an operator has made new rows.
 */
record Relation(String cte, List<ColumnSchema> columns, String ingestionTime) {
  Relation {
    columns = List.copyOf(columns);
  }

  Relation(String cte, List<ColumnSchema> columns) {
    this(cte, columns, null);
  }
}
