package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.options.OptionScope.WRITE;

/** Options of {@code df.write} and {@code writeStream} (sink). */
public final class KustoWriteOptions {
  private KustoWriteOptions() {}

  public static final KustoOption TABLE = KustoOption.builder("kustoTable", WRITE, "Target table")
      .required().build();
  public static final KustoOption WRITE_MODE = KustoOption.builder("writeMode", WRITE,
      "`Transactional` (all or nothing via a temp table), `Queued` or `KustoStreaming`")
      .defaultValue("Transactional").build();
  public static final KustoOption TABLE_CREATE_OPTIONS = KustoOption.builder("tableCreateOptions", WRITE,
      "`FailIfNotExist` or `CreateIfNotExist` (create the table from the DataFrame schema)")
      .defaultValue("FailIfNotExist").build();
  public static final KustoOption ADJUST_SCHEMA = KustoOption.builder("adjustSchema", WRITE,
      "`NoAdjustment`, `FailIfNotMatch` or `GenerateDynamicCsvMapping` (map columns by name)")
      .defaultValue("NoAdjustment").build();
  public static final KustoOption WRITE_ENABLE_ASYNC = KustoOption.builder("writeEnableAsync", WRITE,
      "`true`: return before ingestion completes; failures are only logged").defaultValue("false").build();
  public static final KustoOption POLLING_ON_DRIVER = KustoOption.builder("pollingOnDriver", WRITE,
      "`true`: poll ingestion status on a driver thread instead of a one-task Spark job")
      .defaultValue("false").noEffect("status polling and the final move always run on a driver thread here; they"
          + " never occupy an executor").build();
  public static final KustoOption WRITE_RESULT_LIMIT = KustoOption.builder("writeResultLimit", WRITE,
      "Rows read back into the relation returned by a batch write; `none` for all").defaultValue("1").build();
  public static final KustoOption SPARK_INGESTION_PROPERTIES_JSON = KustoOption.builder(
      "sparkIngestionPropertiesJson", WRITE,
      "JSON of `SparkIngestionProperties` (its `toString`): tags, creationTime, CSV mapping...").build();
  public static final KustoOption CLIENT_BATCHING_LIMIT = KustoOption.builder("clientBatchingLimit", WRITE,
      "Uncompressed MB per partition after which a blob is sealed and queued").defaultValue("300").build();
  public static final KustoOption STAGING_RESOURCE_AUTO_CLEANUP_TIMEOUT = KustoOption.builder(
      "stagingResourcesAutoCleanupTimeout", WRITE, "Seconds after which Kusto deletes a leftover temp table")
      .defaultValue("604800").build();
  public static final KustoOption TEMP_TABLE_NAME = KustoOption.builder("tempTableName", WRITE,
      "Pre-created staging table; only with `FailIfNotExist` and `Transactional`")
      .defaultDescription("generated").build();
  public static final KustoOption STREAMING_INGEST_SIZE_IN_MB = KustoOption.builder("streamingIngestSizeInMB",
      WRITE, "Chunk size in MB for `KustoStreaming` write mode").defaultValue("4").build();
  public static final KustoOption INGESTION_STORAGE = KustoOption.builder("kustoIngestionStorageContainer",
      WRITE, "JSON array of `{storageUrl, containerName, userMsi, sas}` to stage blobs in your own storage")
      .secret().defaultDescription("Kusto-provided containers").build();
  public static final KustoOption TIME_ZONE = KustoOption.builder("timeZone", WRITE,
      "Time zone used to render timestamps for ingestion").defaultValue("UTC").build();
}
