package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.read.DistributedExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the transient blobs a distributed read exported into the user's storage, once no task can need them.
 *
 * <p>Decision: blobs are deleted when the Spark SQL execution that planned the read ends
 * ({@link SparkListenerSQLExecutionEnd}). That event comes after every job of the query has finished, including
 * task retries and stage re-attempts, whether the query succeeded or failed, so a retried task never finds its blob
 * gone. The execution is identified by the {@code spark.sql.execution.id} local property of the planning thread.
 * A read planned outside an execution (for example by {@code explain()} on a plan that is executed later) cannot be
 * tied to one: its blobs are deleted when the JVM exits. A JVM-exit hook also deletes whatever is still registered
 * (a driver stopped mid-query). Blobs in Kusto-provided containers are never deleted here (Kusto expires them), and
 * nothing is deleted when {@code distributedReadModeTransientCache} keeps exports for reuse.
 *
 * <p>Consequence: executing the very same physical plan again after its execution ended (collecting one
 * {@code Dataset} twice, or recomputing an evicted cached partition) finds the blobs deleted; the reader then fails
 * with an error that says so and how to avoid it.
 */
public final class TransientExportCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(TransientExportCleaner.class);
  private static final String EXECUTION_ID = "spark.sql.execution.id";
  private static final Map<Long, List<DistributedExport.Request>> BY_EXECUTION = new ConcurrentHashMap<>();
  private static final List<DistributedExport.Request> AT_EXIT = new ArrayList<>();
  private static final Map<SparkContext, Boolean> LISTENING = new ConcurrentHashMap<>();
  private static final ExecutorService DELETES = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kusto-transient-cleanup");
    thread.setDaemon(true);
    return thread;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TransientExportCleaner::deleteAllNow, "kusto-transient-exit"));
  }

  private TransientExportCleaner() {}

  /** Registers an export for deletion after the current SQL execution (or at JVM exit, outside an execution). */
  public static void register(SparkContext context, DistributedExport.Request export) {
    String executionId = context.getLocalProperty(EXECUTION_ID);
    if (executionId == null) {
      synchronized (AT_EXIT) {
        AT_EXIT.add(export);
      }
      LOG.info("Transient export planned outside a SQL execution; its blobs are deleted at JVM exit");
      return;
    }
    if (LISTENING.putIfAbsent(context, Boolean.TRUE) == null) {
      context.addSparkListener(new Listener());
    }
    BY_EXECUTION.computeIfAbsent(Long.parseLong(executionId), id -> new CopyOnWriteArrayList<>()).add(export);
  }

  private static void deleteAllNow() {
    List<DistributedExport.Request> all = new ArrayList<>();
    for (List<DistributedExport.Request> exports : BY_EXECUTION.values()) {
      all.addAll(exports);
    }
    BY_EXECUTION.clear();
    synchronized (AT_EXIT) {
      all.addAll(AT_EXIT);
      AT_EXIT.clear();
    }
    for (DistributedExport.Request export : all) {
      DistributedExport.deleteQuietly(export, null);
    }
  }

  private static final class Listener extends SparkListener {
    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionEnd) {
        List<DistributedExport.Request> exports =
            BY_EXECUTION.remove(((SparkListenerSQLExecutionEnd) event).executionId());
        if (exports != null) {
          // Off the listener bus thread: deletion talks to storage.
          DELETES.execute(() -> exports.forEach(export -> DistributedExport.deleteQuietly(export, null)));
        }
      }
    }
  }
}
