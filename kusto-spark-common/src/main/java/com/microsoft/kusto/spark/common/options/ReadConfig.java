package com.microsoft.kusto.spark.common.options;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Secrets;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validated configuration of one read, built once on the driver by {@link #from(Map)} and immutable after.
 * Every problem in the options is reported here, before any Spark job starts. Serializable, so executors can
 * receive it; {@link #toString()} holds no secret.
 *
 * <p>Value precedence: the read's own option, then the session setting {@code spark.datasource.kusto.<key>}
 * ({@link #from(Map, Map)}), then the documented default. Keys are matched ignoring case; unknown keys are logged
 * as warnings with the nearest known key. The legacy keys {@code blobStorageSasUrl}, or
 * {@code blobStorageAccountName} + {@code blobStorageAccountKey} + {@code blobContainer}, are converted into an
 * equivalent {@code transientStorage} credential.
 */
public final class ReadConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadConfig.class);

  private final ConnectionConfig connection;
  private final String query;
  private final String customSchema;
  private final TransientStorageParameters transientStorage;
  private final ReadMode readMode;
  private final boolean distributedReadModeTransientCache;
  private final boolean queryFilterPushDown;
  private final boolean limitPushDown;
  private final boolean aggregatePushDown;
  private final KustoExportOptions exportOptions;
  private final StorageProtocol storageProtocol;
  private final String partitionMode;
  private final Integer numPartitions;
  private final String partitionColumn;

  private ReadConfig(KustoOptionsMap options) {
    this.connection = ConnectionConfig.from(options);
    this.query = validateQuery(options.require(KustoReadOptions.QUERY));
    this.customSchema = options.get(KustoReadOptions.CUSTOM_SCHEMA);
    this.transientStorage = transientStorage(options);
    this.readMode = readMode(options);
    this.distributedReadModeTransientCache = options.getBoolean(KustoReadOptions.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE);
    // The cache reuses files exported without the filters of the first action, so pushdown is off by default.
    this.queryFilterPushDown = options.contains(KustoReadOptions.QUERY_FILTER_PUSH_DOWN)
        ? options.getBoolean(KustoReadOptions.QUERY_FILTER_PUSH_DOWN) : !distributedReadModeTransientCache;
    // With the cache, every action reads the one kept export; a pushed limit or aggregate would query anew.
    this.limitPushDown = options.contains(KustoReadOptions.LIMIT_PUSH_DOWN)
        ? options.getBoolean(KustoReadOptions.LIMIT_PUSH_DOWN) : !distributedReadModeTransientCache;
    this.aggregatePushDown = options.contains(KustoReadOptions.AGGREGATE_PUSH_DOWN)
        ? options.getBoolean(KustoReadOptions.AGGREGATE_PUSH_DOWN) : !distributedReadModeTransientCache;
    this.exportOptions = KustoExportOptions.fromJson(options.get(KustoReadOptions.EXPORT_OPTIONS_JSON));
    this.storageProtocol = options.getEnum(KustoReadOptions.STORAGE_PROTOCOL, StorageProtocol.class);
    String mode = options.get(KustoDebugOptions.READ_PARTITION_MODE);
    if (mode != null && !mode.equalsIgnoreCase("hash")) {
      throw KustoOptionsMap.invalidValue(KustoDebugOptions.READ_PARTITION_MODE, mode, "is not supported",
          "Use one of: hash.");
    }
    this.partitionMode = mode == null ? null : "hash";
    this.numPartitions = options.contains(KustoDebugOptions.NUM_PARTITIONS)
        ? options.getInt(KustoDebugOptions.NUM_PARTITIONS, 1, 10_000) : null;
    this.partitionColumn = options.get(KustoDebugOptions.PARTITION_COLUMN);
  }

  /** Builds the configuration from the read's options. */
  public static ReadConfig from(Map<String, String> options) {
    return from(KustoOptionsMap.of(options, OptionScope.READ));
  }

  /** Builds the configuration from the read's options and the Spark session settings (all of them may be passed). */
  public static ReadConfig from(Map<String, String> options, Map<String, String> sessionConf) {
    return from(KustoOptionsMap.of(options, sessionConf, OptionScope.READ));
  }

  /** Builds the configuration from already normalised options. */
  public static ReadConfig from(KustoOptionsMap options) {
    ReadConfig config = new ReadConfig(options);
    LOG.debug("Parsed read options: {}", config);
    return config;
  }

  private static String validateQuery(String query) {
    if (firstStatementText(query).startsWith(".")) {
      throw new InvalidOptionException(ErrorCode.COMMAND_NOT_ALLOWED, KustoConnectorException.message(
          "run the value of option '" + KustoReadOptions.QUERY.key() + "' as a query",
          "it starts with '.', which makes it a management command, and commands are not allowed",
          "Pass a KQL query or a table name."), KustoReadOptions.QUERY.key());
    }
    return query;
  }

  /** The query without leading blank lines and {@code //} comment lines. */
  private static String firstStatementText(String query) {
    String rest = query.trim();
    while (rest.startsWith("//")) {
      int newline = rest.indexOf('\n');
      rest = newline < 0 ? "" : rest.substring(newline + 1).trim();
    }
    return rest;
  }

  private static ReadMode readMode(KustoOptionsMap options) {
    String value = options.get(KustoReadOptions.READ_MODE);
    if (value == null) {
      return null;
    }
    // Values of the 2019 betas.
    if (value.equalsIgnoreCase("lean") || value.equalsIgnoreCase("scale")) {
      ReadMode mode = value.equalsIgnoreCase("lean") ? ReadMode.ForceSingleMode : ReadMode.ForceDistributedMode;
      LOG.warn("Value '{}' of option '{}' is deprecated; use '{}' instead.", value, KustoReadOptions.READ_MODE.key(),
          mode);
      return mode;
    }
    return options.parseEnum(KustoReadOptions.READ_MODE, value, ReadMode.class);
  }

  private static TransientStorageParameters transientStorage(KustoOptionsMap options) {
    String json = options.get(KustoReadOptions.TRANSIENT_STORAGE);
    String sasUrl = options.getRaw(KustoLegacyOptions.BLOB_STORAGE_SAS_URL.key());
    String account = options.getRaw(KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_NAME.key());
    String key = options.getRaw(KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY.key());
    String container = options.getRaw(KustoLegacyOptions.BLOB_CONTAINER.key());
    boolean legacy = sasUrl != null || account != null || key != null || container != null;
    if (!legacy) {
      return json == null ? null : TransientStorageParameters.fromString(json);
    }
    if (json != null) {
      String legacyKey = firstLegacyKeyGiven(sasUrl, account, key);
      throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "choose the transient storage", "both '" + KustoReadOptions.TRANSIENT_STORAGE.key() + "' and the legacy '"
              + legacyKey + "' are given", "Remove the legacy 'blob*' options."),
          KustoReadOptions.TRANSIENT_STORAGE.key(), legacyKey);
    }
    String suffix = options.getOrDefault(KustoReadOptions.BLOB_STORAGE_ENDPOINT_SUFFIX);
    if (sasUrl != null) {
      if (key != null) {
        throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
            "choose the transient storage", "both '" + KustoLegacyOptions.BLOB_STORAGE_SAS_URL.key() + "' and '"
                + KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY.key() + "' are given",
            "Keep one of them, or better use '" + KustoReadOptions.TRANSIENT_STORAGE.key() + "'."),
            KustoLegacyOptions.BLOB_STORAGE_SAS_URL.key(), KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY.key());
      }
      return new TransientStorageParameters(Collections.singletonList(new TransientStorageCredentials(sasUrl,
          KustoLegacyOptions.BLOB_STORAGE_SAS_URL.key())),
          suffix);
    }
    List<String> missing = new ArrayList<>();
    if (account == null) {
      missing.add(KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_NAME.key());
    }
    if (key == null) {
      missing.add(KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY.key());
    }
    if (container == null) {
      missing.add(KustoLegacyOptions.BLOB_CONTAINER.key());
    }
    if (!missing.isEmpty()) {
      throw new InvalidOptionException(ErrorCode.MISSING_REQUIRED_OPTION, KustoConnectorException.message(
          "convert the legacy transient storage options", "'" + String.join("', '", missing) + "' missing",
          "Give blobStorageAccountName, blobStorageAccountKey and blobContainer together, or better use '"
              + KustoReadOptions.TRANSIENT_STORAGE.key() + "'."), missing.toArray(new String[0]));
    }
    return new TransientStorageParameters(
        Collections.singletonList(new TransientStorageCredentials(account, key, container)), suffix);
  }

  private static String firstLegacyKeyGiven(String sasUrl, String account, String key) {
    if (sasUrl != null) {
      return KustoLegacyOptions.BLOB_STORAGE_SAS_URL.key();
    }
    if (account != null) {
      return KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_NAME.key();
    }
    return key != null ? KustoLegacyOptions.BLOB_STORAGE_ACCOUNT_KEY.key() : KustoLegacyOptions.BLOB_CONTAINER.key();
  }

  public ConnectionConfig getConnection() {
    return connection;
  }

  /** The user's KQL query or table name, as given. */
  public String getQuery() {
    return query;
  }

  /** The {@code customSchema} DDL, or {@code null} to probe the schema. */
  public String getCustomSchema() {
    return customSchema;
  }

  /** User storage for exports, or {@code null} to use Kusto-provided containers. */
  public TransientStorageParameters getTransientStorage() {
    return transientStorage;
  }

  /** The forced read mode, or {@code null} for the automatic choice. */
  public ReadMode getReadMode() {
    return readMode;
  }

  public boolean isDistributedReadModeTransientCache() {
    return distributedReadModeTransientCache;
  }

  /** Default {@code true}, but {@code false} when the transient cache is on and the option is not given. */
  public boolean isQueryFilterPushDown() {
    return queryFilterPushDown;
  }

  /** Whether {@code LIMIT n} and top-N go into the query (Spark 3.3+). */
  public boolean isLimitPushDown() {
    return limitPushDown;
  }

  /** Whether aggregates with an exact translation go into the query as {@code summarize} (Spark 3.3+). */
  public boolean isAggregatePushDown() {
    return aggregatePushDown;
  }

  public KustoExportOptions getExportOptions() {
    return exportOptions;
  }

  public StorageProtocol getStorageProtocol() {
    return storageProtocol;
  }

  /** {@code "hash"} when {@code partitionMode} was given, else {@code null}. */
  public String getPartitionMode() {
    return partitionMode;
  }

  /**
   * {@code numPartitions} as given, or {@code null}: then 1 export, or {@code spark.sql.shuffle.partitions} exports
   * when {@code partitionMode} is given (the adapter knows the session value).
   */
  public Integer getNumPartitions() {
    return numPartitions;
  }

  /** Column hashed to split exports, or {@code null} for the first column. */
  public String getPartitionColumn() {
    return partitionColumn;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReadConfig)) {
      return false;
    }
    ReadConfig other = (ReadConfig) o;
    return connection.equals(other.connection) && query.equals(other.query)
        && Objects.equals(customSchema, other.customSchema)
        && Objects.equals(transientStorage, other.transientStorage) && readMode == other.readMode
        && distributedReadModeTransientCache == other.distributedReadModeTransientCache
        && queryFilterPushDown == other.queryFilterPushDown && limitPushDown == other.limitPushDown
        && aggregatePushDown == other.aggregatePushDown && exportOptions.equals(other.exportOptions)
        && storageProtocol == other.storageProtocol && Objects.equals(partitionMode, other.partitionMode)
        && Objects.equals(numPartitions, other.numPartitions)
        && Objects.equals(partitionColumn, other.partitionColumn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connection, query, customSchema, transientStorage, readMode,
        distributedReadModeTransientCache, queryFilterPushDown, limitPushDown, aggregatePushDown, exportOptions,
        storageProtocol, partitionMode,
        numPartitions, partitionColumn);
  }

  /** No secrets. */
  @Override
  public String toString() {
    return "ReadConfig{connection=" + connection + ", query=" + Secrets.redactKql(query) + ", customSchema=" + customSchema
        + ", transientStorage=" + transientStorage + ", readMode=" + (readMode == null ? "automatic" : readMode)
        + ", distributedReadModeTransientCache=" + distributedReadModeTransientCache + ", queryFilterPushDown="
        + queryFilterPushDown + ", limitPushDown=" + limitPushDown + ", aggregatePushDown=" + aggregatePushDown
        + ", exportOptions=" + exportOptions + ", storageProtocol=" + storageProtocol
        + ", partitionMode=" + partitionMode + ", numPartitions=" + numPartitions + ", partitionColumn="
        + partitionColumn + "}";
  }
}
