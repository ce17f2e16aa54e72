package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** A reference to a top-level column by its exact (case-sensitive) Kusto name. */
public final class ColumnRef {
  private final String name;

  private ColumnRef(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A column reference needs a non-empty name; got " + (name == null ? "null" : "''"));
    }
    this.name = name;
  }

  public static ColumnRef of(String name) {
    return new ColumnRef(name);
  }

  public String name() {
    return name;
  }

  /** The bracket-quoted KQL form {@code ['name']}. */
  public String toKql() {
    return KqlSyntax.quoteIdentifier(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnRef && name.equals(((ColumnRef) o).name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return toKql();
  }
}
