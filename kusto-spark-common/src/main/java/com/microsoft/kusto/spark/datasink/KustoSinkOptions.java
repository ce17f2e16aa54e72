package com.microsoft.kusto.spark.datasink;

import com.microsoft.kusto.spark.common.options.CommonOptionKeys;
import com.microsoft.kusto.spark.common.options.KustoDebugOptions;
import com.microsoft.kusto.spark.common.options.KustoWriteOptions;
import com.microsoft.kusto.spark.common.options.WriteConfig;

/**
 * Option keys for {@code df.write} and {@code writeStream}, under the established connector's constant names so
 * that existing code such as {@code .option(KustoSinkOptions.KUSTO_TABLE, t)} compiles unchanged. Values are the
 * key strings; the declarations (defaults, descriptions) live in {@code com.microsoft.kusto.spark.common.options},
 * as do the enums {@link com.microsoft.kusto.spark.common.options.WriteMode},
 * {@link com.microsoft.kusto.spark.common.options.SinkTableCreationMode} and
 * {@link com.microsoft.kusto.spark.common.options.SchemaAdjustmentMode}.
 */
public final class KustoSinkOptions implements CommonOptionKeys {
  private KustoSinkOptions() {}

  // Writes.
  public static final String KUSTO_TABLE = KustoWriteOptions.TABLE.key();
  public static final String KUSTO_WRITE_MODE = KustoWriteOptions.WRITE_MODE.key();
  public static final String KUSTO_TABLE_CREATE_OPTIONS = KustoWriteOptions.TABLE_CREATE_OPTIONS.key();
  public static final String KUSTO_ADJUST_SCHEMA = KustoWriteOptions.ADJUST_SCHEMA.key();
  public static final String KUSTO_WRITE_ENABLE_ASYNC = KustoWriteOptions.WRITE_ENABLE_ASYNC.key();
  public static final String KUSTO_POLLING_ON_DRIVER = KustoWriteOptions.POLLING_ON_DRIVER.key();
  public static final String KUSTO_WRITE_RESULT_LIMIT = KustoWriteOptions.WRITE_RESULT_LIMIT.key();
  public static final String KUSTO_SPARK_INGESTION_PROPERTIES_JSON =
      KustoWriteOptions.SPARK_INGESTION_PROPERTIES_JSON.key();
  public static final String KUSTO_CLIENT_BATCHING_LIMIT = KustoWriteOptions.CLIENT_BATCHING_LIMIT.key();
  public static final String KUSTO_STAGING_RESOURCE_AUTO_CLEANUP_TIMEOUT =
      KustoWriteOptions.STAGING_RESOURCE_AUTO_CLEANUP_TIMEOUT.key();
  public static final String KUSTO_TEMP_TABLE_NAME = KustoWriteOptions.TEMP_TABLE_NAME.key();
  public static final String KUSTO_STREAMING_INGEST_SIZE_IN_MB = KustoWriteOptions.STREAMING_INGEST_SIZE_IN_MB.key();
  public static final String KUSTO_INGESTION_STORAGE = KustoWriteOptions.INGESTION_STORAGE.key();
  public static final String KUSTO_TIME_ZONE = KustoWriteOptions.TIME_ZONE.key();
  /** The {@code writeResultLimit} value meaning "all rows". */
  public static final String NONE_RESULT_LIMIT = WriteConfig.NONE_RESULT_LIMIT;

  // Debug / experimental writes.
  public static final String KUSTO_MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE =
      KustoDebugOptions.MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE.key();
  public static final String KUSTO_MAX_RETRIES_ON_MOVE_EXTENTS = KustoDebugOptions.MAX_RETRIES_ON_MOVE_EXTENTS.key();
  public static final String KUSTO_DISABLE_FLUSH_IMMEDIATELY = KustoDebugOptions.DISABLE_FLUSH_IMMEDIATELY.key();
  public static final String KUSTO_ENSURE_NO_DUPLICATED_BLOBS = KustoDebugOptions.ENSURE_NO_DUPLICATED_BLOBS.key();
  public static final String KUSTO_ADD_SOURCE_LOCATION_TRANSFORM = KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM.key();
}
