package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.options.OptionScope.READ;

/** Options of {@code spark.read} (source). */
public final class KustoReadOptions {
  private KustoReadOptions() {}

  public static final KustoOption QUERY = KustoOption.builder("kustoQuery", READ,
      "KQL query or table name; management commands (text starting with `.`) are rejected").required().build();
  public static final KustoOption CUSTOM_SCHEMA = KustoOption.builder("customSchema", READ,
      "Spark DDL schema of the result; skips the schema probe query").build();
  public static final KustoOption TRANSIENT_STORAGE = KustoOption.builder("transientStorage", READ,
      "JSON of `TransientStorageParameters` (user storage for distributed-mode exports; use `toInsecureString`)")
      .secret().defaultDescription("Kusto-provided containers").build();
  public static final KustoOption BLOB_STORAGE_ENDPOINT_SUFFIX = KustoOption.builder("blobStorageEndpointSuffix",
      READ, "Storage endpoint suffix for the legacy `blobStorage*` keys; the JSON's `endpointSuffix` otherwise")
      .defaultValue("core.windows.net").build();
  public static final KustoOption READ_MODE = KustoOption.builder("readMode", READ,
      "`ForceSingleMode` or `ForceDistributedMode`; chosen from a row-count estimate when absent")
      .defaultDescription("automatic").build();
  public static final KustoOption DISTRIBUTED_READ_MODE_TRANSIENT_CACHE = KustoOption.builder(
      "distributedReadModeTransientCache", READ,
      "`true`: export once per query and reuse the exported files for later actions in this JVM")
      .defaultValue("false").build();
  public static final KustoOption QUERY_FILTER_PUSH_DOWN = KustoOption.builder("queryFilterPushDown", READ,
      "Push Spark filters and column pruning into the query in distributed mode")
      .defaultValue("true").defaultDescription("true; false with distributedReadModeTransientCache").build();
  public static final KustoOption LIMIT_PUSH_DOWN = KustoOption.builder("limitPushDown", READ,
      "Spark 3.3+: push `LIMIT n` and top-N (`ORDER BY ... LIMIT n` on int, long, decimal and datetime columns) into"
          + " the query as `sort by ... | take n`").defaultValue("true")
      .defaultDescription("true; false with distributedReadModeTransientCache").build();
  public static final KustoOption AGGREGATE_PUSH_DOWN = KustoOption.builder("aggregatePushDown", READ,
      "Spark 3.3+: push `count`, `sum`, `avg`, `min`, `max` with `GROUP BY` into the query as `summarize`, where the"
          + " result is exactly Spark's").defaultValue("true")
      .defaultDescription("true; false with distributedReadModeTransientCache").build();
  public static final KustoOption EXPORT_OPTIONS_JSON = KustoOption.builder("kustoExportOptionsJson", READ,
      "JSON string map added to `.export ... with(...)`; `sizeLimit` in MB, `compressionType`, `compressed`=none")
      .defaultValue("{}").build();
  public static final KustoOption STORAGE_PROTOCOL = KustoOption.builder("storageProtocol", READ,
      "`wasbs`, `abfs` or `abfss`: protocol of the exported file URLs").defaultValue("wasbs")
      .noEffect("exported files are read with the Azure Storage SDK over HTTPS, never through a Hadoop file"
          + " system, so no URL scheme is chosen").build();
}
