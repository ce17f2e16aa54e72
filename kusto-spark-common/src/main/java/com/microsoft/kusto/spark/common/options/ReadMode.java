package com.microsoft.kusto.spark.common.options;

/**
 * Value of option {@code readMode}; the constant names are the established connector's, so
 * {@code ReadMode.ForceSingleMode.toString()} is the option string. Absent means automatic choice.
 */
public enum ReadMode {
  /** Run the query through the engine and stream the result to the driver (small results). */
  ForceSingleMode,
  /** Export the result to Parquet in transient storage and read the files in parallel (large results). */
  ForceDistributedMode
}
