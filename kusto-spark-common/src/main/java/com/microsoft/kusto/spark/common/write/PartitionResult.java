package com.microsoft.kusto.spark.common.write;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one partition's task reports to the driver: the blobs it queued (none for streaming) and its row count. */
public final class PartitionResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int partitionId;
  private final long rows;
  private final List<QueuedBlob> blobs;

  PartitionResult(int partitionId, long rows, List<QueuedBlob> blobs) {
    this.partitionId = partitionId;
    this.rows = rows;
    this.blobs = Collections.unmodifiableList(new ArrayList<>(blobs));
  }

  public int partitionId() {
    return partitionId;
  }

  public long rows() {
    return rows;
  }

  public List<QueuedBlob> blobs() {
    return blobs;
  }

  @Override
  public String toString() {
    return "PartitionResult{partition=" + partitionId + ", rows=" + rows + ", blobs=" + blobs.size() + "}";
  }
}
