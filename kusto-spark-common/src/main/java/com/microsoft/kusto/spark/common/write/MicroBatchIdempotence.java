package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.client.KustoRequestRunner;

/**
 * Exactly-once micro-batches for the streaming sink: every extent a batch commits carries the batch's
 * {@code ingest-by:} tag ({@link MicroBatch#tag()}), and before a batch is written the target is asked whether an
 * extent with that tag exists. A transactional commit moves all of a batch's extents in one command, so the tag is
 * either on all of them or on none; in Queued mode a batch interrupted half-way is found committed (at-most-once for
 * the missing part), which is why the streaming sink should use Transactional.
 */
public final class MicroBatchIdempotence {
  private MicroBatchIdempotence() {}

  /** True when the target already holds the batch's extents, so the batch must be skipped. */
  public static boolean alreadyCommitted(KustoRequestRunner runner, String table, MicroBatch batch,
      long deadlineMillis) {
    return ExtentTags.anyExtentTagged(runner, table, batch.tag(), deadlineMillis);
  }
}
