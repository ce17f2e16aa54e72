package com.microsoft.kusto.spark.common.options;

/** Value of option {@code writeMode}; constant names are the established connector's. */
public enum WriteMode {
  /** Ingest into a temp table and move all extents to the target in one step: all or nothing. */
  Transactional,
  /** Queue blobs straight into the target table. */
  Queued,
  /** Streaming ingestion in chunks of {@code streamingIngestSizeInMB}. */
  KustoStreaming
}
