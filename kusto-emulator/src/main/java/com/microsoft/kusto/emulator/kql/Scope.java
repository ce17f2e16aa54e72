package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns an expression can refer to: the input relation's columns by Kusto name, with their SQL. */
final class Scope {
  private final List<ColumnSchema> columns;
  private final String ingestionTime;

  private Scope(List<ColumnSchema> columns, String ingestionTime) {
    this.columns = List.copyOf(columns);
    this.ingestionTime = ingestionTime;
  }

  static Scope empty() {
    return new Scope(List.of(), null);
  }

  /** The scope of a relation whose SQL columns are c0..cN, one per Kusto column. */
  static Scope of(List<ColumnSchema> columns) {
    return new Scope(columns, null);
  }

  /** The scope of {@code relation}'s rows, with their ingestion time while they are still a table's rows. */
  static Scope of(Relation relation) {
    return new Scope(relation.columns(), relation.ingestionTime());
  }

  /** The SQL column holding each row's ingestion time, if the rows still have one. */
  Optional<String> ingestionTime() {
    return Optional.ofNullable(ingestionTime);
  }

  List<ColumnSchema> columns() {
    return columns;
  }

  Optional<TypedSql> find(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return Optional.of(TypedSql.of(TableSchema.sqlColumn(i), columns.get(i).type()));
      }
    }
    return Optional.empty();
  }

  int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    for (ColumnSchema c : columns) {
      names.add(c.name());
    }
    return names;
  }
}
