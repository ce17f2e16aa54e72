/**
 * CSV encoding of rows for Kusto ingestion: {@link com.microsoft.kusto.spark.common.schema.csv.KustoCsvWriter} (typed
 * field writers), {@link com.microsoft.kusto.spark.common.schema.csv.CsvRowEncoder} (whole rows of a schema), {@link
 * com.microsoft.kusto.spark.common.schema.csv.DynamicJsonEncoder} (nested values as JSON), and the accessor interfaces
 * the Spark adapters implement around {@code InternalRow}, {@code ArrayData} and {@code MapData}.
 */
package com.microsoft.kusto.spark.common.schema.csv;
