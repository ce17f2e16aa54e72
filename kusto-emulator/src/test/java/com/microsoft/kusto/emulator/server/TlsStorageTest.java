package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With TLS on, storage is https too, under the same certificate: one trust store covers every URL handed out. */
class TlsStorageTest {
  private static KustoEmulator emulator;
  private static HttpClient trustingHttp;

  @BeforeAll
  static void start() throws Exception {
    emulator = KustoEmulator.builder().tls(true).database("db").start();
    trustingHttp = TrustingHttp.of(emulator, reactor.netty.http.client.HttpClient.create());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Client client() throws Exception {
    return ClientFactory.createClient(
        new ConnectionStringBuilder("Data Source=https://localhost:" + emulator.port()), trustingHttp);
  }

  @Test
  void ingestionResourcesAreHttps() throws Exception {
    KustoResultSetTable resources = client().executeMgmt("db", ".show ingestion resources").getPrimaryResults();
    List<String> urls = new ArrayList<>();
    while (resources.next()) {
      urls.add(resources.getString(1));
    }
    assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("https://"));
  }

  @Test
  void exportsWriteToHttpsStorage() throws Exception {
    assertThat(emulator.blobEndpoint()).startsWith("https://");
    BlobContainerClient container =
        new BlobServiceClientBuilder()
            .endpoint(emulator.blobEndpoint())
            .credential(new StorageSharedKeyCredential(emulator.storageAccountName(), emulator.storageAccountKey()))
            .httpClient(trustingHttp)
            .buildClient()
            .createBlobContainer("tlsexport");
    String target = container.getBlobContainerUrl() + ";" + emulator.storageAccountKey();
    client().executeMgmt("db", ".export to csv (h@\"" + target + "\") with (namePrefix='x') <| print n = 42");
    assertThat(container.listBlobs().stream().map(b -> b.getName())).anySatisfy(n -> assertThat(n).startsWith("x"));
  }
}
