package com.microsoft.kusto.emulator.store;

import java.util.Objects;

/** A Kusto column: its (case-sensitive) name and type. */
public record ColumnSchema(String name, KustoType type) {
  public ColumnSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The column in Kusto's {@code name:type} schema notation (CSL schema). */
  public String cslSchema() {
    return name + ":" + type.kustoName();
  }
}
