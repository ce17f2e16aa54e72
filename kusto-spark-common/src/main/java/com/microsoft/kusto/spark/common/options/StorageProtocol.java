package com.microsoft.kusto.spark.common.options;

/** Value of option {@code storageProtocol}: the URL scheme used for exported files. */
public enum StorageProtocol {
  WASBS("wasbs"),
  ABFS("abfs"),
  ABFSS("abfss");

  private final String value;

  StorageProtocol(String value) {
    this.value = value;
  }

  /** The option string, e.g. {@code wasbs}. */
  @Override
  public String toString() {
    return value;
  }
}
