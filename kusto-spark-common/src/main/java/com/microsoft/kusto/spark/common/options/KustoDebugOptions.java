package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.options.OptionScope.COMMON;
import static com.microsoft.kusto.spark.common.options.OptionScope.READ;
import static com.microsoft.kusto.spark.common.options.OptionScope.WRITE;

/** Debug and experimental options: accepted for compatibility, may change without notice. */
public final class KustoDebugOptions {
  private KustoDebugOptions() {}

  public static final KustoOption DBG_BLOB_COMPRESS_ON_EXPORT = KustoOption.builder("dbgBlobCompressOnExport",
      READ, "Compress exported files").debug().defaultValue("true")
      .noEffect("compression is set by `compressed` and `compressionType` in `kustoExportOptionsJson`")
      .build();
  public static final KustoOption READ_PARTITION_MODE = KustoOption.builder("partitionMode", READ,
      "Export partitioning; only `hash` is accepted").debug().defaultValue("hash").build();
  public static final KustoOption NUM_PARTITIONS = KustoOption.builder("numPartitions", READ,
      "Number of export commands, each on a `hash(partitionColumn)` slice").debug().defaultValue("1").build();
  public static final KustoOption PARTITION_COLUMN = KustoOption.builder("partitionColumn", READ,
      "Column hashed to split exports").debug().defaultDescription("first column").build();
  public static final KustoOption KEY_VAULT_PEM_FILE_PATH = KustoOption.builder("keyVaultPemFilePath", COMMON,
      "Key Vault certificate authentication; not supported").debug().build();
  public static final KustoOption KEY_VAULT_CERTIFICATE_KEY = KustoOption.builder("keyVaultPemFileKey", COMMON,
      "Key Vault certificate key; not supported").debug().secret().build();
  public static final KustoOption MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE = KustoOption.builder(
      "maximalExtentsCountForSplitMergePerNode", WRITE,
      "Above this temp-table extent count per node, extents are moved in batches").debug().defaultValue("400")
      .build();
  public static final KustoOption MAX_RETRIES_ON_MOVE_EXTENTS = KustoOption.builder("maxRetriesOnMoveExtents",
      WRITE, "Retries of a failed move-extents batch").debug().defaultValue("10").build();
  public static final KustoOption DISABLE_FLUSH_IMMEDIATELY = KustoOption.builder("disableFlushImmediately",
      WRITE, "`true`: do not set flushImmediately on sealed full-size blobs").debug().defaultValue("false").build();
  public static final KustoOption ENSURE_NO_DUPLICATED_BLOBS = KustoOption.builder("ensureNoDuplicatedBlobs",
      WRITE, "`true`: tag each blob and ingest it only if not already ingested").debug().defaultValue("false")
      .build();
  public static final KustoOption ADD_SOURCE_LOCATION_TRANSFORM = KustoOption.builder(
      "addSourceLocationTransform", WRITE,
      "`true`: add column `ingestion_source_location_url_blob_internal`; needs `GenerateDynamicCsvMapping`")
      .debug().defaultValue("false").build();
}
