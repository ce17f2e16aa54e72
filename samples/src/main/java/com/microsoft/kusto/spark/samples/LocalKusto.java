package com.microsoft.kusto.spark.samples;

import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.samples.job.KustoTarget;

/**
 * The local Kusto endpoint, embedded in this JVM: an engine that speaks Kusto's REST protocol, with Azurite (started
 * from the checkout's {@code node_modules}) for the blobs and queues that exports and ingestion use. Strict mode
 * checks every query and command with Microsoft's KQL parser, so what works here is valid KQL for a real cluster.
 */
final class LocalKusto implements AutoCloseable {
  static final String DATABASE = "db";

  private final KustoEmulator emulator;

  private LocalKusto(KustoEmulator emulator) {
    this.emulator = emulator;
  }

  static LocalKusto start() {
    return new LocalKusto(KustoEmulator.builder().strictMode(true).database(DATABASE).start());
  }

  /**
   * Anonymous access on the literal loopback address: the Kusto SDK sends no credentials to 127.0.0.1, and the
   * connector needs none for a loopback cluster.
   */
  KustoTarget target() {
    return KustoTarget.anonymous(emulator.engineUrl().replace("://localhost:", "://127.0.0.1:"), DATABASE);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
