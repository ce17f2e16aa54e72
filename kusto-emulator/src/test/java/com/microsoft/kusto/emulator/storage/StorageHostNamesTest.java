package com.microsoft.kusto.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.HttpRequest;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.io.ByteArrayInputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which storage host names work with Azurite, and how URLs handed out with them are shaped and parsed. */
class StorageHostNamesTest {

  @Test
  void urlStyleFollowsAzuritesRules() {
    assertThat(StorageHostNames.isProductionStyle("127.0.0.1")).isFalse();
    assertThat(StorageHostNames.isProductionStyle("localhost")).isFalse();
    assertThat(StorageHostNames.isProductionStyle("host.docker.internal")).isFalse();
    assertThat(StorageHostNames.isProductionStyle("devstoreaccount1.blob.core.windows.net")).isTrue();
    assertThat(StorageHostNames.serviceRoot("http", "localhost", 10000)).isEqualTo("http://localhost:10000/devstoreaccount1");
    assertThat(StorageHostNames.serviceRoot("http", "devstoreaccount1.blob.core.windows.net", 10000))
        .isEqualTo("http://devstoreaccount1.blob.core.windows.net:10000/devstoreaccount1");
  }

  @Test
  void hostNamesMustBePlainNames() {
    assertThatThrownBy(() -> StorageHostNames.of("bad host")).hasMessageContaining("'bad host'");
    assertThatThrownBy(() -> StorageHostNames.of("http://x")).hasMessageContaining("'http://x'");
  }

  @Test
  void blobLocationsParseBothStyles() {
    BlobLocation path = BlobLocation.parse("http://127.0.0.1:1/devstoreaccount1/c/dir/a%20b.csv?sv=1&sig=x");
    assertThat(path.container()).isEqualTo("c");
    assertThat(path.blobName()).isEqualTo("dir/a b.csv");
    assertThat(path.sas()).contains("sv=1&sig=x");
    assertThat(path.containerUrl()).isEqualTo("http://127.0.0.1:1/devstoreaccount1/c");
    assertThat(path.withoutSas()).isEqualTo("http://127.0.0.1:1/devstoreaccount1/c/dir/a%20b.csv");

    BlobLocation production = BlobLocation.parse("https://devstoreaccount1.blob.core.windows.net/c2/x+y.parquet");
    assertThat(production.container()).isEqualTo("c2");
    assertThat(production.blobName()).isEqualTo("x+y.parquet");
    assertThat(production.sas()).isEmpty();

    assertThatThrownBy(() -> BlobLocation.parse("http://127.0.0.1:1/otheraccount/c/b"))
        .hasMessageContaining("'otheraccount'");
  }

  /**
   * A production-like name (mapped to loopback by the user) gets path-style URLs, which the Java storage SDK and
   * Azurite (started with --disableProductStyleUrl) read alike. The user's hosts-file entry is simulated by
   * connecting to 127.0.0.1 with the original Host header.
   */
  @Test
  void productionLikeHostNamesWorkWhenTheNameResolvesToLoopback() throws Exception {
    try (StorageTestEndpoint endpoint = new StorageTestEndpoint(StorageHostNames.productionStyle("core.windows.net"))) {
      KustoResultSetTable table = endpoint.client().executeMgmt("NetDefaultDb", ".show ingestion resources").getPrimaryResults();
      Map<String, String> resources = new HashMap<>();
      while (table.next()) {
        resources.put(table.getString(0), table.getString(1));
      }
      String temp = resources.get("TempStorage");
      assertThat(temp)
          .startsWith(
              "http://devstoreaccount1.blob.core.windows.net:" + endpoint.azurite.blobPort() + "/devstoreaccount1/"
                  + AzuriteStorage.TEMP_CONTAINER + "?");
      assertThat(resources.get("IngestionsStatusTable"))
          .startsWith(
              "http://devstoreaccount1.table.core.windows.net:" + endpoint.azurite.tablePort()
                  + "/devstoreaccount1/ingestionsstatus?");

      BlobContainerClient container =
          new BlobContainerClientBuilder().endpoint(temp).addPolicy(resolveToLoopback()).buildClient();
      container.getBlobClient("prod/x.csv").upload(new ByteArrayInputStream(new byte[] {49, 10}), 2, true);

      assertThat(container.getBlobClient("prod/x.csv").downloadContent().toString()).isEqualTo("1\n");
      assertThat(container.listBlobs().stream().map(BlobItem::getName)).contains("prod/x.csv");
      assertThat(endpoint.storage.blobService().getBlobContainerClient(AzuriteStorage.TEMP_CONTAINER).getBlobClient("prod/x.csv").exists())
          .isTrue();
    }
  }

  /** Stands in for a hosts-file entry: connects to 127.0.0.1 but keeps the production-style Host header. */
  private static HttpPipelinePolicy resolveToLoopback() {
    return (context, next) -> {
      HttpRequest request = context.getHttpRequest();
      URL url = request.getUrl();
      request.setHeader(com.azure.core.http.HttpHeaderName.HOST, url.getHost() + ":" + url.getPort());
      try {
        request.setUrl(new URL(url.getProtocol(), "127.0.0.1", url.getPort(), url.getFile()));
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
      return next.process();
    };
  }
}
