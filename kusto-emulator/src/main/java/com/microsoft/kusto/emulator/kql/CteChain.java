package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** The WITH-chain being built: each KQL step becomes one CTE whose columns are c0..cN. */
final class CteChain {
  private final List<String> definitions = new ArrayList<>();

  /** Adds {@code sql} (a SELECT yielding c0..cN) as a new CTE and returns it as a relation. */
  Relation add(String sql, List<ColumnSchema> columns) {
    return add(sql, columns, null);
  }

  /** As {@link #add(String, List)}, for SQL that also yields the hidden ingestion-time column {@code ingestionTime}. */
  Relation add(String sql, List<ColumnSchema> columns, String ingestionTime) {
    // A prefix no stored table or command-result name uses, so a CTE never shadows one.
    String name = "kql_step_" + definitions.size();
    definitions.add(name + " AS (" + sql + ")");
    return new Relation(name, columns, ingestionTime);
  }

  /** The single SELECT returning {@code result}'s columns. */
  String select(Relation result) {
    return "WITH " + String.join(",\n", definitions) + "\nSELECT " + columnList(result.columns().size()) + " FROM "
        + result.cte();
  }

  static String columnList(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(TableSchema.sqlColumn(i));
    }
    return String.join(", ", names);
  }

  /** "expr AS c<i>" for each expression, cast to its storage type unless it already is a bare column. */
  static String projections(List<TypedSql> values) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      TypedSql v = values.get(i);
      String sql = v.sql().matches("\"c\\d+\"") ? v.sql() : "CAST(" + v.sql() + " AS " + v.type().duckDbType() + ")";
      out.add(sql + " AS " + TableSchema.sqlColumn(i));
    }
    return String.join(", ", out);
  }
}
