package com.microsoft.kusto.spark.common.schema;

import java.util.Objects;

/** One named field of a {@link ColumnType#struct struct} type (also used for a table's top-level columns). */
public final class TypedField {
  private final String name;
  private final ColumnType type;
  private final boolean nullable;

  private TypedField(String name, ColumnType type, boolean nullable) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
  }

  public static TypedField of(String name, ColumnType type) {
    return new TypedField(name, type, true);
  }

  public static TypedField of(String name, ColumnType type, boolean nullable) {
    return new TypedField(name, type, nullable);
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  public boolean nullable() {
    return nullable;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TypedField)) {
      return false;
    }
    TypedField other = (TypedField) o;
    return name.equals(other.name) && type.equals(other.type) && nullable == other.nullable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, nullable);
  }

  @Override
  public String toString() {
    return name + ":" + type + (nullable ? "" : " not null");
  }
}
