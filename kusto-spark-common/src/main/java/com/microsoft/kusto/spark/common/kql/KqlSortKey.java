package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** One key of a pushed-down sort: a column, its direction and where its nulls go (both always explicit). */
public final class KqlSortKey implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String column;
  private final boolean ascending;
  private final boolean nullsFirst;

  private KqlSortKey(String column, boolean ascending, boolean nullsFirst) {
    this.column = Objects.requireNonNull(column, "column");
    this.ascending = ascending;
    this.nullsFirst = nullsFirst;
  }

  public static KqlSortKey of(String column, boolean ascending, boolean nullsFirst) {
    return new KqlSortKey(column, ascending, nullsFirst);
  }

  /** {@code ['c'] asc nulls first}: Kusto's defaults differ from Spark's, so nothing is left to them. */
  String toKql() {
    return KqlSyntax.quoteIdentifier(column) + (ascending ? " asc" : " desc")
        + (nullsFirst ? " nulls first" : " nulls last");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KqlSortKey && column.equals(((KqlSortKey) o).column)
        && ascending == ((KqlSortKey) o).ascending && nullsFirst == ((KqlSortKey) o).nullsFirst;
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, ascending, nullsFirst);
  }

  @Override
  public String toString() {
    return toKql();
  }
}
