package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import com.microsoft.kusto.emulator.store.ExtentSpec;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A v2 query response far larger than the emulator could hold in its heap is streamed: the old generation (where
 * a response built whole would end up while it is being written) grows by a small fraction of the response size.
 */
class LargeQueryStreamingTest {
  private static final long ROWS = 1_500_000;
  /** Every row's string starts with this, so the client can count rows in the raw stream. */
  private static final String MARKER = "R#";

  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().storage(false).database("db"));

  @Test
  void largeResultIsWrittenWhileItIsReadWithBoundedHeap() throws Exception {
    EmulatorTestSupport.client(KUSTO.emulator()).executeMgmt("db", ".create table Wide (i:long, s:string)");
    // White-box load: the store generates the rows itself, which keeps this test fast.
    KUSTO.emulator().store().appendExtent("db", "Wide",
        "SELECT i, '" + MARKER + "' || i || '-' || repeat('x', 120) FROM range(" + ROWS + ") t(i)",
        new ExtentSpec(List.of(), Instant.now(), 0));
    MemoryPoolMXBean oldGen = oldGeneration();
    System.gc();
    long before = oldGen.getUsage().getUsed();
    oldGen.resetPeakUsage();

    StreamingClient streaming = ClientFactory.createStreamingClient(
        new ConnectionStringBuilder("Data Source=" + KUSTO.emulator().engineUrl()));
    long bytes = 0;
    long rows = 0;
    byte[] tail = new byte[0];
    try (InputStream in = streaming.executeStreamingQuery("db", "Wide | project s", null)) {
      byte[] buffer = new byte[64 * 1024];
      byte previous = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int k = 0; k < n; k++) {
          if (previous == 'R' && buffer[k] == '#') {
            rows++;
          }
          previous = buffer[k];
        }
        bytes += n;
        tail = lastBytes(tail, buffer, n, 4096);
      }
    }
    long growth = oldGen.getPeakUsage().getUsed() - before;

    assertThat(rows).isEqualTo(ROWS);
    assertThat(new String(tail, StandardCharsets.UTF_8)).contains("DataSetCompletion");
    assertThat(bytes).as("response size").isGreaterThan(150L * 1024 * 1024);
    assertThat(growth).as("old generation growth while answering, bytes").isLessThan(bytes / 4);
  }

  /** The last {@code keep} bytes of {@code tail} followed by the first {@code n} bytes of {@code chunk}. */
  private static byte[] lastBytes(byte[] tail, byte[] chunk, int n, int keep) {
    byte[] joined = new byte[tail.length + n];
    System.arraycopy(tail, 0, joined, 0, tail.length);
    System.arraycopy(chunk, 0, joined, tail.length, n);
    return Arrays.copyOfRange(joined, Math.max(0, joined.length - keep), joined.length);
  }

  private static MemoryPoolMXBean oldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        return pool;
      }
    }
    throw new IllegalStateException("No old-generation memory pool in " + ManagementFactory.getMemoryPoolMXBeans());
  }
}
