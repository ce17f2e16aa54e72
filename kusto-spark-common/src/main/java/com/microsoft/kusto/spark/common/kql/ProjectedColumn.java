package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/**
 * One column of a {@code | project}: as is, or converted with {@code tostring()} (timespan columns in distributed
 * mode, because export writes timespans as ticks while Spark reads them as text).
 */
public final class ProjectedColumn {
  private final ColumnRef column;
  private final boolean asString;

  private ProjectedColumn(ColumnRef column, boolean asString) {
    this.column = column;
    this.asString = asString;
  }

  public static ProjectedColumn of(String name) {
    return new ProjectedColumn(ColumnRef.of(name), false);
  }

  /** {@code ['name']=tostring(['name'])}. */
  public static ProjectedColumn asString(String name) {
    return new ProjectedColumn(ColumnRef.of(name), true);
  }

  public ColumnRef column() {
    return column;
  }

  public boolean isAsString() {
    return asString;
  }

  public String toKql() {
    String c = column.toKql();
    return asString ? c + "=tostring(" + c + ")" : c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectedColumn
        && column.equals(((ProjectedColumn) o).column)
        && asString == ((ProjectedColumn) o).asString;
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, asString);
  }

  @Override
  public String toString() {
    return toKql();
  }
}
