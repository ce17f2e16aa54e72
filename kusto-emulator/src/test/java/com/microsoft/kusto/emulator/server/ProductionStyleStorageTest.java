package com.microsoft.kusto.emulator.server;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.ingest.QueuedIngestionSdkTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS the way a client of a real cluster sees it: the engine at {@code https://mycluster.kusto.windows.net}, ingestion
 * at {@code https://ingest-mycluster.kusto.windows.net}, storage at {@code
 * https://devstoreaccount1.blob.core.windows.net/<container>}, all on port 443. The test's resolver plays the user's
 * hosts file and port mapping: every name goes to 127.0.0.1, and port 443 to the port each listener really has.
 */
class ProductionStyleStorageTest {
  private static final String CLUSTER = "mycluster.kusto.windows.net";
  private static final String BLOB = "devstoreaccount1.blob.core.windows.net";
  private static KustoEmulator emulator;
  private static HttpClient http;
  private static Client engine;

  @BeforeAll
  static void start() throws Exception {
    emulator = KustoEmulator.builder().tls(true).engineHostName(CLUSTER).productionStorageUrls(0).database("db")
        .start();
    int front = emulator.productionStoragePort().orElseThrow();
    Map<String, Integer> ports = Map.of(CLUSTER, emulator.port(), "ingest-" + CLUSTER, emulator.port(), BLOB, front,
        "devstoreaccount1.queue.core.windows.net", front, "devstoreaccount1.table.core.windows.net", front);
    http = TrustingHttp.of(emulator, reactor.netty.http.client.HttpClient.create().resolver(LoopbackNames.mapping443(ports)));
    engine = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=https://" + CLUSTER), http);
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static List<String> ingestionResources(String type) throws Exception {
    KustoResultSetTable table = engine.executeMgmt("NetDefaultDb", ".get ingestion resources").getPrimaryResults();
    List<String> urls = new java.util.ArrayList<>();
    while (table.next()) {
      if (table.getString("ResourceTypeName").equals(type)) {
        urls.add(table.getString("StorageRoot"));
      }
    }
    return urls;
  }

  @Test
  void storageUrlsHandedOutAreProductionStyleOnTheDefaultPort() throws Exception {
    assertThat(ingestionResources("TempStorage")).isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith("https://" + BLOB + "/ingest-temp?"));
    assertThat(ingestionResources("SecuredReadyForAggregationQueue")).isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith("https://devstoreaccount1.queue.core.windows.net/"));
    assertThat(ingestionResources("IngestionsStatusTable")).isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith("https://devstoreaccount1.table.core.windows.net/"));
    assertThat(emulator.blobEndpoint()).isEqualTo("https://" + BLOB);
  }

  @Test
  void aBlobRoundTripsThroughTheProductionStyleUrl() throws Exception {
    BlobContainerClient container = new BlobContainerClientBuilder()
        .endpoint(ingestionResources("TempStorage").get(0)).httpClient(http).buildClient();
    // The SDK reads the account from the host, as it does for a cloud account, and addresses the container by path.
    assertThat(container.getAccountName()).isEqualTo("devstoreaccount1");
    assertThat(container.getBlobContainerName()).isEqualTo("ingest-temp");
    BlobClient blob = container.getBlobClient("front/round-trip.txt");
    blob.upload(BinaryData.fromString("through the front"), true);
    assertThat(blob.downloadContent().toString()).isEqualTo("through the front");
    assertThat(container.listBlobs().stream().map(b -> b.getName())).contains("front/round-trip.txt");
  }

  @Test
  void queuedIngestionThroughTheIngestNameReachesTheTableAndReportsByTable() throws Exception {
    engine.executeMgmt("db", ".create table Front (a:int, s:string)");
    IngestionProperties props = new IngestionProperties("db", "Front");
    props.setDataFormat(DataFormat.CSV);
    props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    props.setReportMethod(IngestionReportMethod.TABLE);
    props.setFlushImmediately(true);
    byte[] csv = "1,one\n2,two\n".getBytes(StandardCharsets.UTF_8);
    try (QueuedIngestClient ingest = QueuedIngestClients.create(
        new ConnectionStringBuilder("Data Source=https://ingest-" + CLUSTER), http)) {
      IngestionResult result = ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(csv)), props);
      assertThat(String.valueOf(QueuedIngestionSdkTest.awaitFinal(result).getStatus())).isEqualTo("Succeeded");
    }
    assertThat(column(engine.executeQuery("db", "Front | order by a asc | project s").getPrimaryResults(), "s"))
        .containsExactly("one", "two");
  }

  @Test
  void aSubQueryEndingWithAStatementSeparatorIsAcceptedOverTls() throws Exception {
    engine.executeMgmt("db", ".create table SemiSource (a:int)");
    engine.executeMgmt("db", ".create table SemiTarget (a:int)");
    engine.executeMgmt("db", ".ingest inline into table SemiSource <| 7");
    engine.executeMgmt("db", ".move extents to table SemiTarget <| .show table SemiSource extents ;");
    assertThat(column(engine.executeQuery("db", "SemiTarget | project a = tostring(a)").getPrimaryResults(), "a"))
        .containsExactly("7");
  }

  @Test
  void refusesWithoutTlsOrWithNamesTheFrontCannotRoute() {
    assertThatThrownBy(() -> KustoEmulator.builder().productionStorageUrls(0).start())
        .hasMessageContaining("are https").hasMessageContaining("--tls");
    assertThatThrownBy(() -> KustoEmulator.builder().tls(true).storageHostName("localhost")
        .productionStorageUrls(0).start())
        .hasMessageContaining("devstoreaccount1.blob.<dns suffix>").hasMessageContaining("'localhost'");
  }
}
