package com.microsoft.kusto.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.storage.StorageHostNames;
import org.junit.jupiter.api.Test;

class CertificateNamesTest {
  @Test
  void theEngineItsIngestionEndpointAndEveryStorageHostAreNamed() {
    assertThat(KustoEmulator.certificateNames("mycluster.kusto.windows.net",
        StorageHostNames.productionStyle("core.windows.net")))
        .containsExactly("mycluster.kusto.windows.net", "ingest-mycluster.kusto.windows.net",
            "devstoreaccount1.blob.core.windows.net", "devstoreaccount1.queue.core.windows.net",
            "devstoreaccount1.table.core.windows.net");
  }

  @Test
  void ipLiteralsAreLeftToTheCertificatesIpEntry() {
    assertThat(KustoEmulator.certificateNames("localhost", StorageHostNames.loopback()))
        .containsExactly("localhost", "ingest-localhost");
    assertThat(KustoEmulator.certificateNames("127.0.0.1", StorageHostNames.of("localhost")))
        .containsExactly("127.0.0.1", "localhost");
  }
}
