package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's last step of a batch write, after every task succeeded: {@link TransactionalCommit} now, or with
 * {@code writeEnableAsync} in the background (the save returns once the tasks queued their data, and a failure of
 * the commit is only logged). After a failed job, {@link #abort} drops the staging table.
 */
public final class DriverCommit {
  private static final Logger LOG = LoggerFactory.getLogger(DriverCommit.class);
  private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "kusto-async-commit");
    thread.setDaemon(true);
    return thread;
  });

  private DriverCommit() {}

  /** Commits {@code plan} with the tasks' results, in the background when the plan's config asks for it. */
  public static void commit(WritePlan plan, List<PartitionResult> results) {
    TransactionalCommit commit = TransactionalCommit.forPlan(plan);
    if (!plan.config().isWriteEnableAsync()) {
      commit.commit(plan, results);
      return;
    }
    LOG.info("Write {}: the commit into '{}' continues in the background (writeEnableAsync)", plan.writeId(),
        plan.targetTable());
    commit.commitAsync(plan, results, BACKGROUND).whenComplete((ignored, error) -> {
      if (error == null) {
        LOG.info("Write {}: background commit into '{}' done", plan.writeId(), plan.targetTable());
      } else {
        LOG.error("Write {}: the background commit into '{}' failed", plan.writeId(), plan.targetTable(), error);
      }
    });
  }

  /** After a failed job: drops the plan's staging table (unless user-supplied); never throws. */
  public static void abort(WritePlan plan) {
    TransactionalCommit.forPlan(plan).abort(plan);
  }
}
