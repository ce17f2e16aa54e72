package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.write.WriteEmulator.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partition far larger than the upload buffers (200 MB of CSV, generated row by row and never held) is written in
 * the 1 GiB test JVM while the live heap is measured after forced collections: it must stay flat, i.e. the blob is
 * streamed to storage, not collected in memory.
 */
class LargePartitionWriteTest {
  private static final long TARGET_CHARS = 200L * 1024 * 1024;
  private static WriteEmulator kusto;

  @BeforeAll
  static void start() {
    kusto = new WriteEmulator();
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  private static long liveHeapAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void aHugePartitionStreamsWithinBoundedMemory() {
    assertThat(UploadBuffers.maxBufferedBytes()).isLessThan(16L * 1024 * 1024);
    kusto.mgmt(".create table Big (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Big", "timeoutLimit", "600"), ID_NAME);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = liveHeapAfterGc(memory);
    long maxGrowth = 0;

    PartitionWriter writer = PartitionWriters.open(plan, ID_NAME, 0);
    TestRow row = new TestRow(2);
    char[] name = new char[64];
    long state = 0x9E3779B97F4A7C15L;
    long rows = 0;
    long idSum = 0;
    long chars = 0;
    long nextCheck = TARGET_CHARS / 4;
    while (chars < TARGET_CHARS) {
      // Hex of a xorshift sequence: about 2:1 under gzip, so the compressed blob is ~100 MB as well.
      for (int i = 0; i < name.length; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        name[i] = Character.forDigit((int) (state & 15), 16);
      }
      writer.write(row.set(rows, new String(name)));
      idSum += rows;
      rows++;
      chars += 66 + Long.toString(rows).length();
      if (chars >= nextCheck) {
        maxGrowth = Math.max(maxGrowth, liveHeapAfterGc(memory) - baseline);
        nextCheck += TARGET_CHARS / 4;
      }
    }
    PartitionResult result = writer.finish();

    assertThat(result.blobs()).hasSize(1);
    assertThat(result.blobs().get(0).uncompressedChars()).isGreaterThanOrEqualTo(TARGET_CHARS);
    assertThat(maxGrowth).as("live heap growth while writing %d chars", TARGET_CHARS)
        .isLessThan(48L * 1024 * 1024);
    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.column("Big | summarize n = count(), s = sum(id) | project r = strcat(n, ' ', s)", "r"))
        .containsExactly(rows + " " + idSum);
  }
}
