/**
 * Kusto column types ({@link com.microsoft.kusto.spark.common.schema.KustoType}), the neutral Spark-side type model
 * ({@link com.microsoft.kusto.spark.common.schema.ColumnType}), the mapping between them ({@link
 * com.microsoft.kusto.spark.common.schema.TypeMapping}) and the text forms of Kusto datetime, timespan and decimal
 * values. CSV encoding for ingestion lives in the {@code csv} subpackage.
 */
package com.microsoft.kusto.spark.common.schema;
