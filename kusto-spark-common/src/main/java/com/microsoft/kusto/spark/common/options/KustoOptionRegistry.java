package com.microsoft.kusto.spark.common.options;

import com.microsoft.kusto.spark.common.util.EditDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every option the connector knows, in one place: the current options (for lookups, unknown-key warnings and the
 * README options table), the legacy spellings with their replacements, the keys that only Spark sets, and the
 * keys of removed options. All lookups ignore case.
 */
public final class KustoOptionRegistry {
  private static final List<KustoOption> CURRENT = Collections.unmodifiableList(Arrays.asList(
      KustoCommonOptions.CLUSTER, KustoCommonOptions.DATABASE, KustoCommonOptions.AAD_APP_ID,
      KustoCommonOptions.AAD_APP_SECRET, KustoCommonOptions.AAD_AUTHORITY_ID,
      KustoCommonOptions.AAD_APP_CERTIFICATE_PATH, KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD,
      KustoCommonOptions.ACCESS_TOKEN, KustoCommonOptions.USER_PROMPT,
      KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH, KustoCommonOptions.MANAGED_IDENTITY_AUTH,
      KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID, KustoCommonOptions.AZURE_CLI_AUTH,
      KustoCommonOptions.DEVICE_CODE_AUTH, KustoCommonOptions.KEY_VAULT_URI, KustoCommonOptions.KEY_VAULT_APP_ID,
      KustoCommonOptions.KEY_VAULT_APP_KEY, KustoCommonOptions.INGESTION_URI, KustoCommonOptions.TIMEOUT_LIMIT,
      KustoCommonOptions.REQUEST_RETRY_TIMEOUT,
      KustoCommonOptions.CLIENT_REQUEST_PROPERTIES_JSON, KustoCommonOptions.REQUEST_ID,

      KustoReadOptions.QUERY, KustoReadOptions.CUSTOM_SCHEMA, KustoReadOptions.TRANSIENT_STORAGE,
      KustoReadOptions.BLOB_STORAGE_ENDPOINT_SUFFIX, KustoReadOptions.READ_MODE,
      KustoReadOptions.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE, KustoReadOptions.QUERY_FILTER_PUSH_DOWN,
      KustoReadOptions.LIMIT_PUSH_DOWN, KustoReadOptions.AGGREGATE_PUSH_DOWN,
      KustoReadOptions.EXPORT_OPTIONS_JSON, KustoReadOptions.STORAGE_PROTOCOL,

      KustoWriteOptions.TABLE, KustoWriteOptions.WRITE_MODE, KustoWriteOptions.TABLE_CREATE_OPTIONS,
      KustoWriteOptions.ADJUST_SCHEMA, KustoWriteOptions.WRITE_ENABLE_ASYNC, KustoWriteOptions.POLLING_ON_DRIVER,
      KustoWriteOptions.WRITE_RESULT_LIMIT, KustoWriteOptions.SPARK_INGESTION_PROPERTIES_JSON,
      KustoWriteOptions.CLIENT_BATCHING_LIMIT, KustoWriteOptions.STAGING_RESOURCE_AUTO_CLEANUP_TIMEOUT,
      KustoWriteOptions.TEMP_TABLE_NAME, KustoWriteOptions.STREAMING_INGEST_SIZE_IN_MB,
      KustoWriteOptions.INGESTION_STORAGE, KustoWriteOptions.TIME_ZONE,

      KustoDebugOptions.DBG_BLOB_COMPRESS_ON_EXPORT, KustoDebugOptions.READ_PARTITION_MODE,
      KustoDebugOptions.NUM_PARTITIONS, KustoDebugOptions.PARTITION_COLUMN,
      KustoDebugOptions.KEY_VAULT_PEM_FILE_PATH, KustoDebugOptions.KEY_VAULT_CERTIFICATE_KEY,
      KustoDebugOptions.MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE,
      KustoDebugOptions.MAX_RETRIES_ON_MOVE_EXTENTS, KustoDebugOptions.DISABLE_FLUSH_IMMEDIATELY,
      KustoDebugOptions.ENSURE_NO_DUPLICATED_BLOBS, KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM));

  private static final List<KustoOption> LEGACY = Collections.unmodifiableList(Arrays.asList(
      KustoLegacyOptions.AAD_CLIENT_ID, KustoLegacyOptions.AAD_CLIENT_PASSWORD, KustoLegacyOptions.AAD_AUTHORITY_ID,
      KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_NAME, KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY,
      KustoLegacyOptions.BLOB_STORAGE_SAS_URL, KustoLegacyOptions.BLOB_CONTAINER));

  /** Legacy key → current key, for the renamed options that map one to one. */
  private static final Map<String, KustoOption> RENAMED = caseInsensitiveMap();

  /** Keys that Spark itself adds to a data source's options; never warned about. */
  private static final Set<String> SPARK_KEYS = caseInsensitiveSet(
      "path", "paths", "checkpointLocation", "queryName", "__partition_columns", "mergeSchema",
      "spark.sql.sources.provider");

  /** Options of older releases that no longer do anything → how to get the same effect now. */
  private static final Map<String, String> REMOVED = caseInsensitiveMap();

  private static final Map<String, KustoOption> BY_KEY = caseInsensitiveMap();

  static {
    for (KustoOption option : CURRENT) {
      if (BY_KEY.put(option.key(), option) != null) {
        throw new IllegalStateException("Option declared twice: " + option.key());
      }
    }
    RENAMED.put(KustoLegacyOptions.AAD_CLIENT_ID.key(), KustoCommonOptions.AAD_APP_ID);
    RENAMED.put(KustoLegacyOptions.AAD_CLIENT_PASSWORD.key(), KustoCommonOptions.AAD_APP_SECRET);
    REMOVED.put("kustoQueryRetryTimes", "it was never implemented; retries are automatic");
    REMOVED.put("dbgBlobFileSizeLimitMb", "use 'sizeLimit' in 'kustoExportOptionsJson'");
    REMOVED.put("disableQueueRequestOptionsOverride", "it was removed in the established connector's 5.x");
    REMOVED.put("blobSetFsConfig", "exported files are read with the Azure Storage SDK");
    REMOVED.put("keyVaultCredentials", "pass credentials with the authentication options");
    REMOVED.put("kustoConnectionTimeout", "use 'timeoutLimit'");
    REMOVED.put("createTableColumnTypes", "use 'tableCreateOptions'");
  }

  private KustoOptionRegistry() {}

  /** Every current option in declaration order (common, read, write, debug); the README table lists these. */
  public static List<KustoOption> all() {
    return CURRENT;
  }

  /** The deprecated spellings still accepted. */
  public static List<KustoOption> legacy() {
    return LEGACY;
  }

  /** The current option with this key (any case), or {@code null}. */
  public static KustoOption find(String key) {
    return key == null ? null : BY_KEY.get(key);
  }

  /** The legacy option with this key (any case), or {@code null}. */
  public static KustoOption findLegacy(String key) {
    for (KustoOption option : LEGACY) {
      if (option.key().equalsIgnoreCase(key)) {
        return option;
      }
    }
    return null;
  }

  /**
   * The current option a renamed legacy key stands for ({@code kustoAADClientID} → {@code kustoAadAppId}), or
   * {@code null} when the key was not renamed one to one.
   */
  public static KustoOption currentKeyOf(String legacyKey) {
    return legacyKey == null ? null : RENAMED.get(legacyKey);
  }

  /** True for keys that Spark itself passes to data sources ({@code path}, {@code checkpointLocation}...). */
  public static boolean isSparkKey(String key) {
    return SPARK_KEYS.contains(key);
  }

  /** For a removed option, how to get its effect now; {@code null} for other keys. */
  public static String removedOptionHint(String key) {
    return key == null ? null : REMOVED.get(key);
  }

  /** True when a value given under {@code key} (current or legacy) must never be echoed. */
  public static boolean isSecret(String key) {
    KustoOption option = find(key);
    if (option == null) {
      option = findLegacy(key);
    }
    // Unknown keys may be misspelled secrets ("kustoAadAppSecert"), so their values are never echoed either.
    return option == null || option.isSecret();
  }

  /** The current key closest to {@code key} by edit distance (ignoring case), for "did you mean" hints. */
  public static String nearestKey(String key) {
    List<String> keys = new ArrayList<>(CURRENT.size());
    for (KustoOption option : CURRENT) {
      keys.add(option.key());
    }
    return EditDistance.nearest(key, keys);
  }

  private static <V> Map<String, V> caseInsensitiveMap() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  private static Set<String> caseInsensitiveSet(String... values) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Arrays.asList(values));
    return Collections.unmodifiableSet(set);
  }
}
