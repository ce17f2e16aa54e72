package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Spark partition of more CSV than the whole test JVM's heap, written through a real SparkSession: the task
 * streams it into bounded blobs, so it passes with a heap far smaller than the partition (a writer that buffered the
 * partition, or one blob of it, would run out of memory).
 */
class KustoLargePartitionWriteTest {
  private static final int PAD_CHARS = 10_000;
  private static EmulatorKit kit;

  @BeforeAll
  static void start() {
    kit = EmulatorKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void aPartitionLargerThanTheHeapStreamsThroughBoundedBlobs() {
    long heap = Runtime.getRuntime().maxMemory();
    long rows = heap / PAD_CHARS * 3 / 2;
    // Each row is its id, a comma, the pad and a line end: the partition is half as large again as the heap.
    assertThat(rows * (PAD_CHARS + 2)).isGreaterThan(heap * 3 / 2 - 1);
    kit.command(".create table Large (id:long)");
    Dataset<Row> onePartition = kit.spark().range(0, rows, 1, 1)
        .selectExpr("id", "repeat('x', " + PAD_CHARS + ") as pad");

    // Kusto keeps only the id (the mapping drops the pad), so the emulator's store stays small; the CSV still holds
    // every character. 64 MB blobs: each is far smaller than the partition.
    onePartition.write().format("kusto").options(WriteSupport.options(kit, "Large", "clientBatchingLimit", "64",
        "sparkIngestionPropertiesJson",
        "{\"csvMapping\":\"[{\\\"column\\\":\\\"id\\\",\\\"Properties\\\":{\\\"Ordinal\\\":\\\"0\\\"}}]\"}"))
        .mode(SaveMode.Append).save();

    assertThat(WriteSupport.column(kit, "Large | summarize n = count(), d = dcount(id), hi = max(id)"
        + " | project r = strcat(n, ' ', d, ' ', hi)", "r")).containsExactly(rows + " " + rows + " " + (rows - 1));
    assertThat(WriteSupport.tempTables(kit, "Large")).isEmpty();
  }
}
