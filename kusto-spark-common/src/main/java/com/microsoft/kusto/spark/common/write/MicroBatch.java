package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.options.WriteMode;
import java.io.Serializable;
import java.util.Objects;

/**
 * A streaming micro-batch: the query's id (stable across restarts, from the checkpoint) and the batch id. Its
 * extents are tagged {@code ingest-by:<queryId>_<batchId>} so that a replayed batch is recognised in Kusto.
 */
public final class MicroBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String queryId;
  private final long batchId;

  public MicroBatch(String queryId, long batchId) {
    if (queryId == null || queryId.trim().isEmpty()) {
      throw new IllegalArgumentException("queryId must not be blank");
    }
    this.queryId = queryId;
    this.batchId = batchId;
  }

  /**
   * Refuses a streaming sink whose write mode cannot commit a micro-batch exactly once: KustoStreaming ingestion
   * cannot tag extents, so a batch replayed after a restart (Kusto committed it, Spark's checkpoint did not record
   * it) would be written a second time. Called when the sink is created, before the query starts.
   */
  public static void requireExactlyOnce(WriteConfig config) {
    if (config.getWriteMode() == WriteMode.KustoStreaming) {
      throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "write a stream to table '" + config.getTable() + "' with 'writeMode' KustoStreaming",
          "streaming ingestion cannot tag what it writes, so a micro-batch replayed after a restart could not be"
              + " recognised and would be written twice",
          "Use 'writeMode' Transactional (the default) for exactly-once micro-batches; KustoStreaming remains"
              + " available for batch writes."), "writeMode");
    }
  }

  public String queryId() {
    return queryId;
  }

  public long batchId() {
    return batchId;
  }

  /** The extent tag of this batch: {@code ingest-by:<queryId>_<batchId>}. */
  public String tag() {
    return ExtentTags.INGEST_BY + tagValue();
  }

  /** The tag without its {@code ingest-by:} prefix (the SDK's ingest-by tags are given this way). */
  public String tagValue() {
    return queryId + "_" + batchId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MicroBatch && ((MicroBatch) o).queryId.equals(queryId) && ((MicroBatch) o).batchId == batchId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(queryId, batchId);
  }

  @Override
  public String toString() {
    return "MicroBatch{" + queryId + "_" + batchId + "}";
  }
}
