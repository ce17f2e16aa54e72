package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** Case-sensitive {@link PredicateKind#STARTS_WITH}, {@code ENDS_WITH} or {@code CONTAINS} on a string column. */
public final class StringMatch extends Predicate {
  private final ColumnRef column;
  private final String pattern;

  StringMatch(PredicateKind kind, ColumnRef column, String pattern) {
    super(kind);
    this.column = Objects.requireNonNull(column, "column");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
  }

  public ColumnRef column() {
    return column;
  }

  /** The literal text to look for (no wildcards). */
  public String pattern() {
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StringMatch)) {
      return false;
    }
    StringMatch other = (StringMatch) o;
    return kind() == other.kind() && column.equals(other.column) && pattern.equals(other.pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), column, pattern);
  }

  @Override
  public String toString() {
    return kind() + "(" + column + ", " + KqlSyntax.stringLiteral(pattern) + ")";
  }
}
