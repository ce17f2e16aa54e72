package com.microsoft.kusto.spark.common.options;

/** Which operations an option applies to. */
public enum OptionScope {
  /** Reads and writes (connection, authentication, request settings). */
  COMMON,
  /** Reads ({@code spark.read}) only. */
  READ,
  /** Writes ({@code df.write}, {@code writeStream}) only. */
  WRITE;

  /** True when an option of this scope is used by an operation of scope {@code operation}. */
  public boolean appliesTo(OptionScope operation) {
    return this == COMMON || this == operation;
  }
}
