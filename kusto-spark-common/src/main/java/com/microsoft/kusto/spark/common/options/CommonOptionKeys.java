package com.microsoft.kusto.spark.common.options;

/**
 * The option keys common to reads and writes, under the established connector's constant names. Both
 * {@link com.microsoft.kusto.spark.datasource.KustoSourceOptions} and
 * {@link com.microsoft.kusto.spark.datasink.KustoSinkOptions} implement it, so {@code KustoSourceOptions.KUSTO_CLUSTER}
 * and {@code KustoSinkOptions.KUSTO_CLUSTER} both compile, as with the established connector, from one declaration.
 */
public interface CommonOptionKeys {
  String KUSTO_CLUSTER = KustoCommonOptions.CLUSTER.key();
  String KUSTO_DATABASE = KustoCommonOptions.DATABASE.key();
  String KUSTO_AAD_APP_ID = KustoCommonOptions.AAD_APP_ID.key();
  String KUSTO_AAD_APP_SECRET = KustoCommonOptions.AAD_APP_SECRET.key();
  String KUSTO_AAD_AUTHORITY_ID = KustoCommonOptions.AAD_AUTHORITY_ID.key();
  String KUSTO_AAD_APP_CERTIFICATE_PATH = KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key();
  String KUSTO_AAD_APP_CERTIFICATE_PASSWORD = KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD.key();
  String KUSTO_ACCESS_TOKEN = KustoCommonOptions.ACCESS_TOKEN.key();
  String KUSTO_USER_PROMPT = KustoCommonOptions.USER_PROMPT.key();
  String KUSTO_TOKEN_PROVIDER_CALLBACK_CLASSPATH =
      KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH.key();
  String KUSTO_MANAGED_IDENTITY_AUTH = KustoCommonOptions.MANAGED_IDENTITY_AUTH.key();
  String KUSTO_MANAGED_IDENTITY_CLIENT_ID = KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID.key();
  String KUSTO_AZURE_CLI_AUTH = KustoCommonOptions.AZURE_CLI_AUTH.key();
  String KUSTO_DEVICE_CODE_AUTH = KustoCommonOptions.DEVICE_CODE_AUTH.key();
  String KEY_VAULT_URI = KustoCommonOptions.KEY_VAULT_URI.key();
  String KEY_VAULT_APP_ID = KustoCommonOptions.KEY_VAULT_APP_ID.key();
  String KEY_VAULT_APP_KEY = KustoCommonOptions.KEY_VAULT_APP_KEY.key();
  String KUSTO_INGESTION_URI = KustoCommonOptions.INGESTION_URI.key();
  String KUSTO_TIMEOUT_LIMIT = KustoCommonOptions.TIMEOUT_LIMIT.key();
  String KUSTO_REQUEST_RETRY_TIMEOUT = KustoCommonOptions.REQUEST_RETRY_TIMEOUT.key();
  String KUSTO_CLIENT_REQUEST_PROPERTIES_JSON =
      KustoCommonOptions.CLIENT_REQUEST_PROPERTIES_JSON.key();
  String KUSTO_REQUEST_ID = KustoCommonOptions.REQUEST_ID.key();
  /** @deprecated old constant name; use {@link #KUSTO_AAD_APP_ID} */
  @Deprecated
  String KUSTO_AAD_CLIENT_ID = KUSTO_AAD_APP_ID;
  /** @deprecated old constant name; use {@link #KUSTO_AAD_APP_SECRET} */
  @Deprecated
  String KUSTO_AAD_CLIENT_PASSWORD = KUSTO_AAD_APP_SECRET;
  String KEY_VAULT_PEM_FILE_PATH = KustoDebugOptions.KEY_VAULT_PEM_FILE_PATH.key();
  String KEY_VAULT_CERTIFICATE_KEY = KustoDebugOptions.KEY_VAULT_CERTIFICATE_KEY.key();
}
