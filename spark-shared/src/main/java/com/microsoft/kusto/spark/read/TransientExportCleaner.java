package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.read.DistributedExport;
import com.microsoft.kusto.spark.common.util.RedactedException;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the transient blobs a distributed read exported into the user's storage once nothing can read them again.
 *
 * <p>Decision: the blobs belong to the driver-side object that planned the read (the V2 {@code Batch}, or the V1
 * relation's scan), and are deleted when that object has been garbage collected, or at JVM exit. The planning object
 * is referenced by the physical plan for as long as Spark can execute it: during task retries and stage
 * re-attempts, when the same {@code Dataset} is collected again (its physical plan, with the planned partitions, is
 * reused), and while a cached {@code Dataset} may recompute an evicted partition. Deleting at the end of a job or of
 * a SQL execution would break the last two. The price is timing: deletion follows the driver's garbage collection
 * (Spark's context cleaner forces one periodically, {@code spark.cleaner.periodicGC.interval}, 30 minutes by
 * default), and a {@code Dataset} kept alive keeps its blobs. A JVM-exit hook deletes whatever is still registered.
 *
 * <p>Blobs in Kusto-provided containers are not deleted here (Kusto expires them), and nothing is deleted when
 * {@code distributedReadModeTransientCache} keeps exports for reuse.
 */
public final class TransientExportCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(TransientExportCleaner.class);
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
  /** Keeps the phantom references (and so the notification) alive until the blobs are deleted. */
  private static final Map<Reference<?>, DistributedExport.Request> PENDING = new ConcurrentHashMap<>();

  static {
    Thread deleter = new Thread(TransientExportCleaner::deleteCollected, "kusto-transient-cleanup");
    deleter.setDaemon(true);
    deleter.start();
    Runtime.getRuntime().addShutdownHook(new Thread(TransientExportCleaner::deleteAllNow, "kusto-transient-exit"));
  }

  private TransientExportCleaner() {}

  /**
   * Deletes the export's blobs after {@code owner} (the object that planned the read) is garbage collected.
   *
   * @return the reference whose enqueueing triggers the deletion (tests enqueue it instead of waiting for a GC)
   */
  public static Reference<?> register(Object owner, DistributedExport.Request export) {
    Reference<?> reference = new PhantomReference<>(owner, COLLECTED);
    PENDING.put(reference, export);
    return reference;
  }

  /** The registered exports' references, by container URL (without credentials); for tests and diagnostics. */
  public static Map<String, List<Reference<?>>> pendingByContainer() {
    Map<String, List<Reference<?>>> byContainer = new java.util.HashMap<>();
    for (Map.Entry<Reference<?>, DistributedExport.Request> entry : PENDING.entrySet()) {
      for (String url : entry.getValue().containerUrls()) {
        byContainer.computeIfAbsent(url, k -> new ArrayList<>()).add(entry.getKey());
      }
    }
    return byContainer;
  }

  private static void deleteCollected() {
    while (true) {
      try {
        Reference<?> collected = COLLECTED.remove();
        DistributedExport.Request export = PENDING.remove(collected);
        if (export != null) {
          DistributedExport.deleteQuietly(export, null);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("Could not delete transient blobs", RedactedException.of(e));
      }
    }
  }

  private static void deleteAllNow() {
    List<DistributedExport.Request> all = new ArrayList<>(PENDING.values());
    PENDING.clear();
    for (DistributedExport.Request export : all) {
      DistributedExport.deleteQuietly(export, null);
    }
  }
}
