package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;

/**
 * The row sink of one partition's task. Call {@link #write} per row, then {@link #finish} once; on any failure call
 * {@link #abort} instead. Not thread-safe.
 */
public interface PartitionWriter {
  /** Writes one row (fields in the order of the schema the writer was opened with). */
  void write(StructAccessor row);

  /** Seals and queues (or sends) what is left and reports the partition's blobs to the driver. */
  PartitionResult finish();

  /** Discards what was not yet handed to Kusto; never throws. */
  void abort();
}
