package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** {@code column IS NULL} or {@code column IS NOT NULL}. */
public final class NullCheck extends Predicate {
  private final ColumnRef column;

  NullCheck(PredicateKind kind, ColumnRef column) {
    super(kind);
    this.column = Objects.requireNonNull(column, "column");
  }

  public ColumnRef column() {
    return column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullCheck && kind() == ((NullCheck) o).kind() && column.equals(((NullCheck) o).column);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), column);
  }

  @Override
  public String toString() {
    return kind() + "(" + column + ")";
  }
}
