package com.microsoft.kusto.spark.common.options;

/** Value of option {@code adjustSchema}; constant names are the established connector's. */
public enum SchemaAdjustmentMode {
  /** Ingest columns by position without checks. */
  NoAdjustment,
  /** Fail unless the DataFrame column names and order equal the table's. */
  FailIfNotMatch,
  /** Map DataFrame columns to table columns by name with a generated CSV mapping. */
  GenerateDynamicCsvMapping
}
