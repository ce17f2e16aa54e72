package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.options.OptionScope.COMMON;

/**
 * Options shared by reads and writes: coordinates, authentication and request settings. Keys and defaults are the
 * established connector's, so existing jobs keep working; {@link #AZURE_CLI_AUTH} and {@link #DEVICE_CODE_AUTH}
 * are new here.
 */
public final class KustoCommonOptions {
  private KustoCommonOptions() {}

  public static final KustoOption CLUSTER = KustoOption.builder("kustoCluster", COMMON,
      "Cluster alias (`name` or `name.region`) or full URL; an `ingest-` URL is normalised to the engine URL")
      .required().build();
  public static final KustoOption DATABASE = KustoOption.builder("kustoDatabase", COMMON,
      "Database to read from or write to").required().build();
  public static final KustoOption AAD_APP_ID = KustoOption.builder("kustoAadAppId", COMMON,
      "Microsoft Entra application (client) id; use with `kustoAadAppSecret` or `kutoAadAppCertPath`").build();
  public static final KustoOption AAD_APP_SECRET = KustoOption.builder("kustoAadAppSecret", COMMON,
      "Application secret (client secret) of `kustoAadAppId`").secret().build();
  public static final KustoOption AAD_AUTHORITY_ID = KustoOption.builder("kustoAadAuthorityID", COMMON,
      "Tenant (authority) id or domain; application auth defaults to `microsoft.com`")
      .defaultValue("microsoft.com").build();
  public static final KustoOption AAD_APP_CERTIFICATE_PATH = KustoOption.builder("kutoAadAppCertPath", COMMON,
      "Path of a PKCS12 (PFX) file with the application certificate and key; read once on the driver").build();
  public static final KustoOption AAD_APP_CERTIFICATE_PASSWORD = KustoOption.builder("kutoAadAppCertPassword",
      COMMON, "Password of the PFX file").secret().build();
  public static final KustoOption ACCESS_TOKEN = KustoOption.builder("accessToken", COMMON,
      "Pre-acquired bearer token; never refreshed, so jobs must finish before it expires").secret().build();
  public static final KustoOption USER_PROMPT = KustoOption.builder("userPrompt", COMMON,
      "Any value but `false`: interactive browser sign-in (local runs only)").build();
  public static final KustoOption TOKEN_PROVIDER_CALLBACK_CLASSPATH = KustoOption.builder(
      "tokenProviderCallbackClasspath", COMMON,
      "Class name of a serializable `Callable<String>` returning a token; constructed with the options map").build();
  public static final KustoOption MANAGED_IDENTITY_AUTH = KustoOption.builder("managedIdentityAuth", COMMON,
      "`true`: authenticate with the managed identity of the machine").defaultValue("false").build();
  public static final KustoOption MANAGED_IDENTITY_CLIENT_ID = KustoOption.builder("managedIdentityClientId",
      COMMON, "Client id of a user-assigned managed identity (system-assigned when absent)").build();
  public static final KustoOption AZURE_CLI_AUTH = KustoOption.builder("azureCliAuth", COMMON,
      "`true`: use the Azure CLI login (local runs); also the fallback when no credential is given")
      .defaultValue("false").build();
  public static final KustoOption DEVICE_CODE_AUTH = KustoOption.builder("deviceCodeAuth", COMMON,
      "`true`: device-code sign-in printed on the driver console (local runs)").defaultValue("false").build();
  public static final KustoOption KEY_VAULT_URI = KustoOption.builder("keyVaultUri", COMMON,
      "Azure Key Vault holding credentials; not supported, rejected with an explanation").build();
  public static final KustoOption KEY_VAULT_APP_ID = KustoOption.builder("keyVaultAppId", COMMON,
      "Application id for Key Vault access; not supported").build();
  public static final KustoOption KEY_VAULT_APP_KEY = KustoOption.builder("keyVaultAppKey", COMMON,
      "Application secret for Key Vault access; not supported").secret().build();
  public static final KustoOption INGESTION_URI = KustoOption.builder("kustoIngestionUri", COMMON,
      "Data management (ingestion) endpoint; derived as `https://ingest-<engine host>` when absent")
      .defaultDescription("derived").build();
  public static final KustoOption TIMEOUT_LIMIT = KustoOption.builder("timeoutLimit", COMMON,
      "Seconds to wait for an export (read) or for ingestion and finalisation (write)")
      .defaultValue("172800").build();
  public static final KustoOption REQUEST_RETRY_TIMEOUT = KustoOption.builder("requestRetryTimeout", COMMON,
      "Seconds one request may keep being retried on throttling (429) and transient failures (5xx, dropped"
          + " connections) before it fails; 0: no retry")
      .defaultValue("600").build();
  public static final KustoOption CLIENT_REQUEST_PROPERTIES_JSON = KustoOption.builder(
      "clientRequestPropertiesJson", COMMON,
      "JSON of the SDK `ClientRequestProperties` (its `toString`) applied to every request").build();
  public static final KustoOption REQUEST_ID = KustoOption.builder("requestId", COMMON,
      "Client request id prefix; also part of temp table names and deduplication tags")
      .defaultDescription("random UUID").build();
}
