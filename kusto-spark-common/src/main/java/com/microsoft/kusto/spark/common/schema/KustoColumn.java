package com.microsoft.kusto.spark.common.schema;

import java.util.Objects;

/** A Kusto table column: name and type, as used in {@code .create table T (['name']:type, ...)}. */
public final class KustoColumn {
  private final String name;
  private final KustoType type;

  private KustoColumn(String name, KustoType type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static KustoColumn of(String name, KustoType type) {
    return new KustoColumn(name, type);
  }

  public String name() {
    return name;
  }

  public KustoType type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KustoColumn && name.equals(((KustoColumn) o).name) && type == ((KustoColumn) o).type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type);
  }

  @Override
  public String toString() {
    return name + ":" + type.cslName();
  }
}
