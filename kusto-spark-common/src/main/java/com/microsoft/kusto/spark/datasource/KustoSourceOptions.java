package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.common.options.CommonOptionKeys;
import com.microsoft.kusto.spark.common.options.KustoDebugOptions;
import com.microsoft.kusto.spark.common.options.KustoReadOptions;

/**
 * Option keys for {@code spark.read}, under the established connector's constant names so that existing code
 * such as {@code .option(KustoSourceOptions.KUSTO_QUERY, q)} compiles unchanged. Values are the key strings; the
 * declarations (defaults, descriptions) live in {@code com.microsoft.kusto.spark.common.options}. The read-mode
 * enum is {@link com.microsoft.kusto.spark.common.options.ReadMode}.
 */
public final class KustoSourceOptions implements CommonOptionKeys {
  private KustoSourceOptions() {}

  // Reads.
  public static final String KUSTO_QUERY = KustoReadOptions.QUERY.key();
  public static final String KUSTO_CUSTOM_DATAFRAME_COLUMN_TYPES = KustoReadOptions.CUSTOM_SCHEMA.key();
  public static final String KUSTO_TRANSIENT_STORAGE = KustoReadOptions.TRANSIENT_STORAGE.key();
  public static final String KUSTO_BLOB_STORAGE_ENDPOINT_SUFFIX = KustoReadOptions.BLOB_STORAGE_ENDPOINT_SUFFIX.key();
  public static final String KUSTO_READ_MODE = KustoReadOptions.READ_MODE.key();
  public static final String KUSTO_DISTRIBUTED_READ_MODE_TRANSIENT_CACHE =
      KustoReadOptions.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE.key();
  public static final String KUSTO_QUERY_FILTER_PUSH_DOWN = KustoReadOptions.QUERY_FILTER_PUSH_DOWN.key();
  /** Spark 3.3+: limit and top-N pushdown. */
  public static final String KUSTO_LIMIT_PUSH_DOWN = KustoReadOptions.LIMIT_PUSH_DOWN.key();
  /** Spark 3.3+: aggregate pushdown. */
  public static final String KUSTO_AGGREGATE_PUSH_DOWN = KustoReadOptions.AGGREGATE_PUSH_DOWN.key();
  public static final String KUSTO_EXPORT_OPTIONS_JSON = KustoReadOptions.EXPORT_OPTIONS_JSON.key();
  public static final String STORAGE_PROTOCOL = KustoReadOptions.STORAGE_PROTOCOL.key();

  // Debug / experimental reads.
  public static final String KUSTO_DBG_BLOB_COMPRESS_ON_EXPORT = KustoDebugOptions.DBG_BLOB_COMPRESS_ON_EXPORT.key();
  public static final String KUSTO_READ_PARTITION_MODE = KustoDebugOptions.READ_PARTITION_MODE.key();
  public static final String KUSTO_NUM_PARTITIONS = KustoDebugOptions.NUM_PARTITIONS.key();
  public static final String KUSTO_PARTITION_COLUMN = KustoDebugOptions.PARTITION_COLUMN.key();
}
