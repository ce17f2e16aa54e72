package com.microsoft.kusto.spark.common.options;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validated configuration of one write (batch or streaming micro-batch), built once on the driver by
 * {@link #from(Map)} and immutable after. Every problem in the options is reported here, before any Spark job
 * starts. Serializable; {@link #toString()} holds no secret.
 *
 * <p>Value precedence: the write's own option, then the session setting {@code spark.datasource.kusto.<key>}
 * ({@link #from(Map, Map)}), then the documented default. Keys are matched ignoring case.
 */
public final class WriteConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WriteConfig.class);
  /** The {@code writeResultLimit} value that means "all rows". */
  public static final String NONE_RESULT_LIMIT = "none";
  /** Kusto's limit for one streaming ingestion request. */
  static final int MAX_STREAMING_INGEST_SIZE_MB = 4;

  private final ConnectionConfig connection;
  private final String table;
  private final WriteMode writeMode;
  private final SinkTableCreationMode tableCreateOptions;
  private final SchemaAdjustmentMode adjustSchema;
  private final boolean writeEnableAsync;
  private final boolean pollingOnDriver;
  private final Integer writeResultLimit;
  private final SparkIngestionProperties ingestionProperties;
  private final int clientBatchingLimitMb;
  private final long stagingResourcesAutoCleanupTimeoutSeconds;
  private final String tempTableName;
  private final int streamingIngestSizeMb;
  private final List<IngestionStorageParameters> ingestionStorage;
  private final ZoneId timeZone;
  private final int maximalExtentsCountForSplitMergePerNode;
  private final int maxRetriesOnMoveExtents;
  private final boolean disableFlushImmediately;
  private final boolean ensureNoDuplicatedBlobs;
  private final boolean addSourceLocationTransform;

  private WriteConfig(KustoOptionsMap options) {
    this.connection = ConnectionConfig.from(options);
    this.table = options.require(KustoWriteOptions.TABLE);
    this.writeMode = options.getEnum(KustoWriteOptions.WRITE_MODE, WriteMode.class);
    this.tableCreateOptions = options.getEnum(KustoWriteOptions.TABLE_CREATE_OPTIONS, SinkTableCreationMode.class);
    this.adjustSchema = options.getEnum(KustoWriteOptions.ADJUST_SCHEMA, SchemaAdjustmentMode.class);
    this.writeEnableAsync = options.getBoolean(KustoWriteOptions.WRITE_ENABLE_ASYNC);
    this.pollingOnDriver = options.getBoolean(KustoWriteOptions.POLLING_ON_DRIVER);
    this.writeResultLimit = resultLimit(options);
    String properties = options.get(KustoWriteOptions.SPARK_INGESTION_PROPERTIES_JSON);
    this.ingestionProperties = properties == null ? new SparkIngestionProperties()
        : SparkIngestionProperties.fromString(properties);
    this.clientBatchingLimitMb = options.getInt(KustoWriteOptions.CLIENT_BATCHING_LIMIT, 1, 1024 * 1024);
    this.stagingResourcesAutoCleanupTimeoutSeconds =
        options.getLong(KustoWriteOptions.STAGING_RESOURCE_AUTO_CLEANUP_TIMEOUT, 1, Long.MAX_VALUE / 1000);
    this.tempTableName = options.get(KustoWriteOptions.TEMP_TABLE_NAME);
    this.streamingIngestSizeMb = options.getInt(KustoWriteOptions.STREAMING_INGEST_SIZE_IN_MB, 1,
        MAX_STREAMING_INGEST_SIZE_MB);
    String storage = options.get(KustoWriteOptions.INGESTION_STORAGE);
    this.ingestionStorage = storage == null ? Collections.<IngestionStorageParameters>emptyList()
        : IngestionStorageParameters.fromJsonString(storage);
    this.timeZone = timeZone(options);
    this.maximalExtentsCountForSplitMergePerNode =
        options.getInt(KustoDebugOptions.MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE, 1, Integer.MAX_VALUE);
    this.maxRetriesOnMoveExtents = options.getInt(KustoDebugOptions.MAX_RETRIES_ON_MOVE_EXTENTS, 0, 1000);
    this.disableFlushImmediately = options.getBoolean(KustoDebugOptions.DISABLE_FLUSH_IMMEDIATELY);
    this.ensureNoDuplicatedBlobs = options.getBoolean(KustoDebugOptions.ENSURE_NO_DUPLICATED_BLOBS);
    this.addSourceLocationTransform = options.getBoolean(KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM);
    validateCombinations();
  }

  /** Builds the configuration from the write's options. */
  public static WriteConfig from(Map<String, String> options) {
    return from(KustoOptionsMap.of(options, OptionScope.WRITE));
  }

  /** Builds the configuration from the write's options and the Spark session settings (all may be passed). */
  public static WriteConfig from(Map<String, String> options, Map<String, String> sessionConf) {
    return from(KustoOptionsMap.of(options, sessionConf, OptionScope.WRITE));
  }

  /** Builds the configuration from already normalised options. */
  public static WriteConfig from(KustoOptionsMap options) {
    WriteConfig config = new WriteConfig(options);
    LOG.debug("Parsed write options: {}", config);
    return config;
  }

  private static Integer resultLimit(KustoOptionsMap options) {
    String value = options.getOrDefault(KustoWriteOptions.WRITE_RESULT_LIMIT);
    if (value.equalsIgnoreCase(NONE_RESULT_LIMIT)) {
      return null;
    }
    return options.getInt(KustoWriteOptions.WRITE_RESULT_LIMIT, 0, Integer.MAX_VALUE);
  }

  private static ZoneId timeZone(KustoOptionsMap options) {
    String value = options.getOrDefault(KustoWriteOptions.TIME_ZONE);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw KustoOptionsMap.invalidValue(KustoWriteOptions.TIME_ZONE, value, "is not a time zone id",
          "Use a region id such as 'UTC' or 'Europe/Paris', or an offset such as '+02:00'.");
    }
  }

  private void validateCombinations() {
    if (tempTableName != null && tableCreateOptions != SinkTableCreationMode.FailIfNotExist) {
      throw conflict(KustoWriteOptions.TEMP_TABLE_NAME, KustoWriteOptions.TABLE_CREATE_OPTIONS,
          "'" + KustoWriteOptions.TEMP_TABLE_NAME.key() + "' requires '" + KustoWriteOptions.TABLE_CREATE_OPTIONS.key()
              + "' to be FailIfNotExist, but it is [" + tableCreateOptions + "]",
          "Create the target table beforehand and remove '" + KustoWriteOptions.TABLE_CREATE_OPTIONS.key()
              + "', or remove '" + KustoWriteOptions.TEMP_TABLE_NAME.key() + "'.");
    }
    if (tempTableName != null && writeMode != WriteMode.Transactional) {
      throw conflict(KustoWriteOptions.TEMP_TABLE_NAME, KustoWriteOptions.WRITE_MODE,
          "'" + KustoWriteOptions.TEMP_TABLE_NAME.key() + "' requires '" + KustoWriteOptions.WRITE_MODE.key()
              + "' to be Transactional, but it is [" + writeMode + "]",
          "Remove '" + KustoWriteOptions.TEMP_TABLE_NAME.key() + "' or use the Transactional write mode.");
    }
    if (addSourceLocationTransform && adjustSchema != SchemaAdjustmentMode.GenerateDynamicCsvMapping) {
      throw conflict(KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM, KustoWriteOptions.ADJUST_SCHEMA,
          "'" + KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM.key() + "' requires '"
              + KustoWriteOptions.ADJUST_SCHEMA.key() + "' to be GenerateDynamicCsvMapping, but it is ["
              + adjustSchema + "]",
          "Set '" + KustoWriteOptions.ADJUST_SCHEMA.key() + "' to GenerateDynamicCsvMapping.");
    }
    boolean userMapping = ingestionProperties.getCsvMapping() != null
        || ingestionProperties.getCsvMappingNameReference() != null;
    if (userMapping && addSourceLocationTransform) {
      throw conflict(KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM, KustoWriteOptions.SPARK_INGESTION_PROPERTIES_JSON,
          "the source location column is added through a generated CSV mapping, but '"
              + KustoWriteOptions.SPARK_INGESTION_PROPERTIES_JSON.key() + "' sets its own mapping",
          "Remove the CSV mapping from the ingestion properties or remove '"
              + KustoDebugOptions.ADD_SOURCE_LOCATION_TRANSFORM.key() + "'.");
    }
  }

  private static InvalidOptionException conflict(KustoOption first, KustoOption second, String reason, String fix) {
    return new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS,
        KustoConnectorException.message("use option '" + first.key() + "'", reason, fix), first.key(), second.key());
  }

  public ConnectionConfig getConnection() {
    return connection;
  }

  /** The target table, as given. */
  public String getTable() {
    return table;
  }

  public WriteMode getWriteMode() {
    return writeMode;
  }

  public SinkTableCreationMode getTableCreateOptions() {
    return tableCreateOptions;
  }

  public SchemaAdjustmentMode getAdjustSchema() {
    return adjustSchema;
  }

  public boolean isWriteEnableAsync() {
    return writeEnableAsync;
  }

  public boolean isPollingOnDriver() {
    return pollingOnDriver;
  }

  /** Rows to read back after a batch write; {@code null} means all rows ({@code none}). Default 1. */
  public Integer getWriteResultLimit() {
    return writeResultLimit;
  }

  /** The ingestion properties; an empty instance when the option is absent. */
  public SparkIngestionProperties getIngestionProperties() {
    return ingestionProperties;
  }

  public int getClientBatchingLimitMb() {
    return clientBatchingLimitMb;
  }

  /** {@link #getClientBatchingLimitMb()} in bytes. */
  public long getClientBatchingLimitBytes() {
    return clientBatchingLimitMb * 1024L * 1024L;
  }

  public long getStagingResourcesAutoCleanupTimeoutSeconds() {
    return stagingResourcesAutoCleanupTimeoutSeconds;
  }

  /** The user's pre-created staging table, or {@code null} to create one. */
  public String getTempTableName() {
    return tempTableName;
  }

  public int getStreamingIngestSizeMb() {
    return streamingIngestSizeMb;
  }

  /** User staging containers; empty to use the Kusto-provided ones. */
  public List<IngestionStorageParameters> getIngestionStorage() {
    return ingestionStorage;
  }

  /** Zone for rendering timestamps; UTC by default. */
  public ZoneId getTimeZone() {
    return timeZone;
  }

  public int getMaximalExtentsCountForSplitMergePerNode() {
    return maximalExtentsCountForSplitMergePerNode;
  }

  public int getMaxRetriesOnMoveExtents() {
    return maxRetriesOnMoveExtents;
  }

  public boolean isDisableFlushImmediately() {
    return disableFlushImmediately;
  }

  public boolean isEnsureNoDuplicatedBlobs() {
    return ensureNoDuplicatedBlobs;
  }

  public boolean isAddSourceLocationTransform() {
    return addSourceLocationTransform;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WriteConfig)) {
      return false;
    }
    WriteConfig other = (WriteConfig) o;
    return connection.equals(other.connection) && table.equals(other.table) && writeMode == other.writeMode
        && tableCreateOptions == other.tableCreateOptions && adjustSchema == other.adjustSchema
        && writeEnableAsync == other.writeEnableAsync && pollingOnDriver == other.pollingOnDriver
        && Objects.equals(writeResultLimit, other.writeResultLimit)
        && ingestionProperties.equals(other.ingestionProperties)
        && clientBatchingLimitMb == other.clientBatchingLimitMb
        && stagingResourcesAutoCleanupTimeoutSeconds == other.stagingResourcesAutoCleanupTimeoutSeconds
        && Objects.equals(tempTableName, other.tempTableName) && streamingIngestSizeMb == other.streamingIngestSizeMb
        && ingestionStorage.equals(other.ingestionStorage) && timeZone.equals(other.timeZone)
        && maximalExtentsCountForSplitMergePerNode == other.maximalExtentsCountForSplitMergePerNode
        && maxRetriesOnMoveExtents == other.maxRetriesOnMoveExtents
        && disableFlushImmediately == other.disableFlushImmediately
        && ensureNoDuplicatedBlobs == other.ensureNoDuplicatedBlobs
        && addSourceLocationTransform == other.addSourceLocationTransform;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connection, table, writeMode, tableCreateOptions, adjustSchema, writeEnableAsync,
        pollingOnDriver, writeResultLimit, ingestionProperties, clientBatchingLimitMb,
        stagingResourcesAutoCleanupTimeoutSeconds, tempTableName, streamingIngestSizeMb, ingestionStorage, timeZone,
        maximalExtentsCountForSplitMergePerNode, maxRetriesOnMoveExtents, disableFlushImmediately,
        ensureNoDuplicatedBlobs, addSourceLocationTransform);
  }

  /** No secrets. */
  @Override
  public String toString() {
    return "WriteConfig{connection=" + connection + ", table=" + table + ", writeMode=" + writeMode
        + ", tableCreateOptions=" + tableCreateOptions + ", adjustSchema=" + adjustSchema + ", writeEnableAsync="
        + writeEnableAsync + ", pollingOnDriver=" + pollingOnDriver + ", writeResultLimit="
        + (writeResultLimit == null ? NONE_RESULT_LIMIT : writeResultLimit) + ", ingestionProperties="
        + ingestionProperties + ", clientBatchingLimitMb=" + clientBatchingLimitMb
        + ", stagingResourcesAutoCleanupTimeoutSeconds=" + stagingResourcesAutoCleanupTimeoutSeconds
        + ", tempTableName=" + tempTableName + ", streamingIngestSizeMb=" + streamingIngestSizeMb
        + ", ingestionStorage=" + ingestionStorage + ", timeZone=" + timeZone
        + ", maximalExtentsCountForSplitMergePerNode=" + maximalExtentsCountForSplitMergePerNode
        + ", maxRetriesOnMoveExtents=" + maxRetriesOnMoveExtents + ", disableFlushImmediately="
        + disableFlushImmediately + ", ensureNoDuplicatedBlobs=" + ensureNoDuplicatedBlobs
        + ", addSourceLocationTransform=" + addSourceLocationTransform + "}";
  }
}
