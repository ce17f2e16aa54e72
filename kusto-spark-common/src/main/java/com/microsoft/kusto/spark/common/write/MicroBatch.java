package com.microsoft.kusto.spark.common.write;

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
