package com.microsoft.kusto.spark.v1;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.executor.CommitDeniedException;

/**
 * Asks Spark's output-commit coordinator, as Spark's own file writers do, whether this task attempt may hand its
 * partition's blobs to Kusto. Data Source V1 has no commit protocol of its own: without this gate a speculative copy
 * of a task that also ran to the end would queue its blobs too and double the partition's rows. A refused attempt
 * ends with Spark's {@link CommitDeniedException}, which Spark neither counts as a task failure nor retries for
 * the partition's sake.
 */
final class CommitPermission {
  private CommitPermission() {}

  /** Returns when the current task attempt is the one allowed to commit its partition; throws otherwise. */
  static void require() throws CommitDeniedException {
    TaskContext task = TaskContext.get();
    boolean granted = SparkEnv.get().outputCommitCoordinator()
        .canCommit(task.stageId(), task.stageAttemptNumber(), task.partitionId(), task.attemptNumber());
    if (!granted) {
      throw new CommitDeniedException("Another attempt of partition " + task.partitionId() + " (stage "
          + task.stageId() + ") commits the write; attempt " + task.attemptNumber() + " discards its blobs.",
          task.stageId(), task.partitionId(), task.attemptNumber());
    }
  }
}
