package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.util.RedactedException;
import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's last step of a batch write, after every task succeeded: {@link TransactionalCommit} now, or with
 * {@code writeEnableAsync} in the background (the save returns once the tasks queued their data, and a failure of
 * the commit is only logged). After a failed job, {@link #abort} drops the staging table.
 *
 * <p>A background commit must not die with the JVM: when the application ends (its main method returns, or it calls
 * {@code System.exit}) while commits are still running, a shutdown hook waits for each of them, up to its
 * {@code timeoutLimit}, and logs which writes it waits for. The commit threads themselves are daemons, so a JVM with
 * no commit left exits at once.
 */
public final class DriverCommit {
  private static final Logger LOG = LoggerFactory.getLogger(DriverCommit.class);
  private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "kusto-async-commit");
    thread.setDaemon(true);
    return thread;
  });
  /** Running background commits, with the plan each belongs to. */
  private static final Map<CompletableFuture<Void>, WritePlan> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(DriverCommit::awaitRunning, "kusto-async-commit-at-exit"));
  }

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
    CompletableFuture<Void> running = commit.commitAsync(plan, results, BACKGROUND);
    RUNNING.put(running, plan);
    running.whenComplete((ignored, error) -> {
      RUNNING.remove(running);
      if (error == null) {
        LOG.info("Write {}: background commit into '{}' done", plan.writeId(), plan.targetTable());
      } else {
        LOG.error("Write {}: the background commit into '{}' failed", plan.writeId(), plan.targetTable(),
            RedactedException.of(error));
      }
    });
  }

  /** After a failed job: drops the plan's staging table (unless user-supplied); never throws. */
  public static void abort(WritePlan plan) {
    TransactionalCommit.forPlan(plan).abort(plan);
  }

  /** The number of background commits still running (for tests and diagnostics). */
  public static int running() {
    return RUNNING.size();
  }

  /** Waits for every running background commit, each up to its own {@code timeoutLimit}. */
  static void awaitRunning() {
    for (Map.Entry<CompletableFuture<Void>, WritePlan> entry : RUNNING.entrySet()) {
      WritePlan plan = entry.getValue();
      long timeoutSeconds = plan.config().getConnection().getTimeoutSeconds();
      LOG.warn("JVM exit waits up to {} s for the background commit of write {} into '{}' (writeEnableAsync)",
          timeoutSeconds, plan.writeId(), plan.targetTable());
      try {
        entry.getKey().get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // The commit's own completion handler logged its failure; a timeout leaves the staging table to its
        // auto-delete policy.
        LOG.warn("Write {}: background commit into '{}' did not complete before exit: {}", plan.writeId(),
            plan.targetTable(), e.toString());
      }
    }
  }
}
