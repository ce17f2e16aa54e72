package com.microsoft.kusto.spark.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.it.fixture.GeneratedRows;
import com.microsoft.kusto.spark.testing.LocalSpark;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write benchmark, run only with {@code -Pbench}: at several sizes, in one JVM and one run, the connector's
 * Transactional and Queued writes of generated rows against Spark writing the same rows as gzip CSV to local disk
 * (the connector also encodes gzip CSV, then uploads and has Kusto ingest it). Prints times, ratios and the JVM's
 * heap high-water mark during each connector write (driver and executors share this JVM in local mode, and so does
 * the in-JVM emulator); asserts only that every write landed every row, never a timing.
 */
class WriteBenchmark {
  private static final long[] SIZES = {100_000, 1_000_000, 3_000_000};
  private static final int PARTITIONS = 4;

  @TempDir Path dir;

  @Test
  void writeRatios() {
    List<String> lines = new ArrayList<>();
    try (EmulatedKusto kusto = EmulatedKusto.start()) {
      String cluster = kusto.engineUrl().replace("://localhost:", "://127.0.0.1:");
      // Warm-up: JIT, Spark's first job, the SDK's clients and ingestion resources.
      connectorWrite(kusto, cluster, "WarmUp", 10_000, "Transactional");
      localCsv(10_000, dir.resolve("warm-up"));

      lines.add(String.format(Locale.ROOT, "%10s | %11s | %12s | %8s | %15s | %12s | %21s | %21s", "rows",
          "local csv s", "transact. s", "queued s", "transact./local", "queued/local", "trans. heap peak/live",
          "queued heap peak/live"));
      for (long size : SIZES) {
        Path csv = dir.resolve("csv-" + size);
        double local = timed(() -> localCsv(size, csv));
        assertThat(LocalSpark.session().read().csv(csv.toString()).count()).isEqualTo(size);
        HeapPeak.reset();
        double transactional = timed(() -> connectorWrite(kusto, cluster, "T" + size, size, "Transactional"));
        String transactionalHeap = HeapPeak.describe();
        HeapPeak.reset();
        double queued = timed(() -> connectorWrite(kusto, cluster, "Q" + size, size, "Queued"));
        String queuedHeap = HeapPeak.describe();
        lines.add(String.format(Locale.ROOT, "%,10d | %11.2f | %12.2f | %8.2f | %15.1f | %12.1f | %21s | %21s",
            size, local, transactional, queued, transactional / local, queued / local, transactionalHeap,
            queuedHeap));
        System.out.println("bench: " + lines.get(lines.size() - 1));
      }
    }
    lines.add("times: one run per cell after a warm-up; connector times end when every row is queryable in Kusto"
        + " (Queued: polled); local csv is Spark's own gzip CSV write to disk");
    lines.add("heap (MB): peak = highest use of the heap pools, garbage included; live = highest heap use right after"
        + " a garbage collection; both include the in-JVM emulator; -Xmx " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MB");
    System.out.println("\n=== kusto-spark write benchmark (local[2], " + PARTITIONS
        + " partitions, emulator + Azurite) ===");
    lines.forEach(System.out::println);
  }

  private static Dataset<Row> rows(long size) {
    return LocalSpark.session().range(0, size, 1, PARTITIONS).selectExpr("id",
        "concat('k', cast(id % 1000 as string)) as k", "(id * 7919) % 1000003 as x", "cast(id as double) * 0.25 as r",
        "cast(" + GeneratedRows.EPOCH_SECONDS + " + id as timestamp) as t");
  }

  private static void localCsv(long size, Path target) {
    rows(size).write().mode(SaveMode.Overwrite).option("compression", "gzip").csv(target.toString());
  }

  private static void connectorWrite(EmulatedKusto kusto, String cluster, String table, long size, String mode) {
    kusto.command(".create table " + table + " (" + GeneratedRows.SCHEMA + ")");
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", cluster);
    options.put("kustoDatabase", EmulatedKusto.DB);
    options.put("kustoTable", table);
    options.put("writeMode", mode);
    options.put("timeoutLimit", "600");
    rows(size).write().format("kusto").options(options).mode(SaveMode.Append).save();
    long deadline = System.currentTimeMillis() + 600_000;
    long count = count(kusto, table);
    while (count < size && System.currentTimeMillis() < deadline) {
      sleep();
      count = count(kusto, table);
    }
    assertThat(count).as("rows in %s", table).isEqualTo(size);
  }

  private static long count(EmulatedKusto kusto, String table) {
    return Long.parseLong(kusto.firstRow(table + " | count").get(0));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double timed(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The heap's high-water marks since the last reset: the peak of every heap pool (young and old generations,
   * garbage included) and the highest heap use measured right after a garbage collection (what was live).
   */
  private static final class HeapPeak {
    private static final AtomicLong LIVE = new AtomicLong();

    static {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
              if (HEAP_POOLS.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
              }
            }
            LIVE.accumulateAndGet(after, Math::max);
          }
        }, null, null);
      }
    }

    static void reset() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      LIVE.set(0);
    }

    /** "peak / live" in MB; a final collection makes sure the live mark has at least one sample. */
    static String describe() {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.gc();
      return (peak >> 20) + " / " + (LIVE.get() >> 20);
    }
  }

  private static final Set<String> HEAP_POOLS = heapPools();

  private static Set<String> heapPools() {
    Set<String> names = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        names.add(pool.getName());
      }
    }
    return names;
  }
}
