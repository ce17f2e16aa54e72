package com.microsoft.kusto.spark.common.kql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** {@code column IN (v1, v2, ...)}; the list may be empty and may hold null literals (SQL semantics apply). */
public final class InList extends Predicate {
  private final ColumnRef column;
  private final List<KqlLiteral> values;

  InList(ColumnRef column, List<KqlLiteral> values) {
    super(PredicateKind.IN);
    this.column = Objects.requireNonNull(column, "column");
    List<KqlLiteral> copy = new ArrayList<>(values);
    for (KqlLiteral value : copy) {
      Objects.requireNonNull(value, "IN list element (use KqlLiteral.nullOf for SQL NULL)");
    }
    this.values = Collections.unmodifiableList(copy);
  }

  public ColumnRef column() {
    return column;
  }

  public List<KqlLiteral> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InList && column.equals(((InList) o).column) && values.equals(((InList) o).values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, values);
  }

  @Override
  public String toString() {
    return "IN(" + column + ", " + values + ")";
  }
}
