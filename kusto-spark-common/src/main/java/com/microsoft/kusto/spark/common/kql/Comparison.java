package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/**
 * {@code column <op> literal} for {@link PredicateKind#EQUAL}, {@code NOT_EQUAL}, {@code NULL_SAFE_EQUAL},
 * {@code LESS_THAN}, {@code LESS_THAN_OR_EQUAL}, {@code GREATER_THAN} and {@code GREATER_THAN_OR_EQUAL}.
 */
public final class Comparison extends Predicate {
  private final ColumnRef column;
  private final KqlLiteral value;

  Comparison(PredicateKind kind, ColumnRef column, KqlLiteral value) {
    super(kind);
    this.column = Objects.requireNonNull(column, "column");
    this.value = Objects.requireNonNull(value, "value (use KqlLiteral.nullOf for SQL NULL)");
  }

  public ColumnRef column() {
    return column;
  }

  public KqlLiteral value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Comparison)) {
      return false;
    }
    Comparison other = (Comparison) o;
    return kind() == other.kind() && column.equals(other.column) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), column, value);
  }

  @Override
  public String toString() {
    return kind() + "(" + column + ", " + value + ")";
  }
}
