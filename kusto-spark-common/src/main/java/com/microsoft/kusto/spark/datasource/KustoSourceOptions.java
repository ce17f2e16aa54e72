package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.common.options.KustoCommonOptions;
import com.microsoft.kusto.spark.common.options.KustoDebugOptions;
import com.microsoft.kusto.spark.common.options.KustoReadOptions;

/**
 * Option keys for {@code spark.read}, under the established connector's constant names so that existing code
 * such as {@code .option(KustoSourceOptions.KUSTO_QUERY, q)} compiles unchanged. Values are the key strings; the
 * declarations (defaults, descriptions) live in {@code com.microsoft.kusto.spark.common.options}. The read-mode
 * enum is {@link com.microsoft.kusto.spark.common.options.ReadMode}.
 */
public final class KustoSourceOptions {
  private KustoSourceOptions() {}

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

  // Reads.
  public static final String KUSTO_QUERY = KustoReadOptions.QUERY.key();
  public static final String KUSTO_CUSTOM_DATAFRAME_COLUMN_TYPES = KustoReadOptions.CUSTOM_SCHEMA.key();
  public static final String KUSTO_TRANSIENT_STORAGE = KustoReadOptions.TRANSIENT_STORAGE.key();
  public static final String KUSTO_BLOB_STORAGE_ENDPOINT_SUFFIX = KustoReadOptions.BLOB_STORAGE_ENDPOINT_SUFFIX.key();
  public static final String KUSTO_READ_MODE = KustoReadOptions.READ_MODE.key();
  public static final String KUSTO_DISTRIBUTED_READ_MODE_TRANSIENT_CACHE =
      KustoReadOptions.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE.key();
  public static final String KUSTO_QUERY_FILTER_PUSH_DOWN = KustoReadOptions.QUERY_FILTER_PUSH_DOWN.key();
  public static final String KUSTO_EXPORT_OPTIONS_JSON = KustoReadOptions.EXPORT_OPTIONS_JSON.key();
  public static final String STORAGE_PROTOCOL = KustoReadOptions.STORAGE_PROTOCOL.key();

  // Debug / experimental reads.
  public static final String KUSTO_DBG_BLOB_COMPRESS_ON_EXPORT = KustoDebugOptions.DBG_BLOB_COMPRESS_ON_EXPORT.key();
  public static final String KUSTO_READ_PARTITION_MODE = KustoDebugOptions.READ_PARTITION_MODE.key();
  public static final String KUSTO_NUM_PARTITIONS = KustoDebugOptions.NUM_PARTITIONS.key();
  public static final String KUSTO_PARTITION_COLUMN = KustoDebugOptions.PARTITION_COLUMN.key();
  public static final String KEY_VAULT_PEM_FILE_PATH = KustoDebugOptions.KEY_VAULT_PEM_FILE_PATH.key();
  public static final String KEY_VAULT_CERTIFICATE_KEY = KustoDebugOptions.KEY_VAULT_CERTIFICATE_KEY.key();
}
