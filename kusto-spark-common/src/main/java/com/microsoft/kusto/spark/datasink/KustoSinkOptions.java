package com.microsoft.kusto.spark.datasink;

import com.microsoft.kusto.spark.common.options.KustoCommonOptions;
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
public final class KustoSinkOptions {
  private KustoSinkOptions() {}

  // Common to reads and writes.
  public static final String KUSTO_CLUSTER = KustoCommonOptions.CLUSTER.key();
  public static final String KUSTO_DATABASE = KustoCommonOptions.DATABASE.key();
  public static final String KUSTO_AAD_APP_ID = KustoCommonOptions.AAD_APP_ID.key();
  public static final String KUSTO_AAD_APP_SECRET = KustoCommonOptions.AAD_APP_SECRET.key();
  public static final String KUSTO_AAD_AUTHORITY_ID = KustoCommonOptions.AAD_AUTHORITY_ID.key();
  public static final String KUSTO_AAD_APP_CERTIFICATE_PATH = KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key();
  public static final String KUSTO_AAD_APP_CERTIFICATE_PASSWORD = KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD.key();
  public static final String KUSTO_ACCESS_TOKEN = KustoCommonOptions.ACCESS_TOKEN.key();
  public static final String KUSTO_USER_PROMPT = KustoCommonOptions.USER_PROMPT.key();
  public static final String KUSTO_TOKEN_PROVIDER_CALLBACK_CLASSPATH =
      KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH.key();
  public static final String KUSTO_MANAGED_IDENTITY_AUTH = KustoCommonOptions.MANAGED_IDENTITY_AUTH.key();
  public static final String KUSTO_MANAGED_IDENTITY_CLIENT_ID = KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID.key();
  public static final String KUSTO_AZURE_CLI_AUTH = KustoCommonOptions.AZURE_CLI_AUTH.key();
  public static final String KUSTO_DEVICE_CODE_AUTH = KustoCommonOptions.DEVICE_CODE_AUTH.key();
  public static final String KEY_VAULT_URI = KustoCommonOptions.KEY_VAULT_URI.key();
  public static final String KEY_VAULT_APP_ID = KustoCommonOptions.KEY_VAULT_APP_ID.key();
  public static final String KEY_VAULT_APP_KEY = KustoCommonOptions.KEY_VAULT_APP_KEY.key();
  public static final String KUSTO_INGESTION_URI = KustoCommonOptions.INGESTION_URI.key();
  public static final String KUSTO_TIMEOUT_LIMIT = KustoCommonOptions.TIMEOUT_LIMIT.key();
  public static final String KUSTO_CLIENT_REQUEST_PROPERTIES_JSON =
      KustoCommonOptions.CLIENT_REQUEST_PROPERTIES_JSON.key();
  public static final String KUSTO_REQUEST_ID = KustoCommonOptions.REQUEST_ID.key();
  /** @deprecated old constant name; use {@link #KUSTO_AAD_APP_ID} */
  @Deprecated
  public static final String KUSTO_AAD_CLIENT_ID = KUSTO_AAD_APP_ID;
  /** @deprecated old constant name; use {@link #KUSTO_AAD_APP_SECRET} */
  @Deprecated
  public static final String KUSTO_AAD_CLIENT_PASSWORD = KUSTO_AAD_APP_SECRET;

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
  public static final String KEY_VAULT_PEM_FILE_PATH = KustoDebugOptions.KEY_VAULT_PEM_FILE_PATH.key();
  public static final String KEY_VAULT_CERTIFICATE_KEY = KustoDebugOptions.KEY_VAULT_CERTIFICATE_KEY.key();
}
