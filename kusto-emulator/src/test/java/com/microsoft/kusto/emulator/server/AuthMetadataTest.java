package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.faults.RequestKind;
import org.junit.jupiter.api.Test;

/**
 * The cloud-metadata endpoint the SDK calls before a client's first request (once per JVM and base URL, so this
 * test owns a fresh emulator port).
 */
class AuthMetadataTest {
  @Test
  void sdkFetchesMetadataFirstAndRetriesAfterAFailedFetch() throws Exception {
    try (KustoEmulator emulator = KustoEmulator.builder().storage(false).database("db").start()) {
      emulator.faults().failNext(RequestKind.AUTH_METADATA, 1, 500);
      Client client = EmulatorTestSupport.client(emulator);
      // The failed metadata fetch fails the request; the SDK does not cache failures.
      assertThatThrownBy(() -> client.executeMgmt("db", ".show version")).isInstanceOf(DataServiceException.class);
      assertThat(client.executeMgmt("db", ".show version").getPrimaryResults().next()).isTrue();
      // Cached now: a new pending fault on the metadata endpoint is never hit.
      emulator.faults().failNext(RequestKind.AUTH_METADATA, 1, 500);
      assertThat(EmulatorTestSupport.client(emulator).executeMgmt("db", ".show version").getPrimaryResults().next())
          .isTrue();
    }
  }
}
