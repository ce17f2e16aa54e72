package com.microsoft.kusto.spark.common.options;

/** Value of option {@code tableCreateOptions}; constant names are the established connector's. */
public enum SinkTableCreationMode {
  /** Create the target table from the DataFrame schema when it does not exist. */
  CreateIfNotExist,
  /** Fail when the target table does not exist. */
  FailIfNotExist
}
