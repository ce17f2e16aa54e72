package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** https with the certificate generated at start, trusted by the SDK through the printed trust store. */
class TlsTest {
  /** A real-cluster-like name; users map it to 127.0.0.1, the test connects through localhost instead. */
  private static final String CLUSTER_HOST = "mycluster.kusto.windows.net";
  private static KustoEmulator emulator;

  private static String localhostUrl() {
    return "https://localhost:" + emulator.port();
  }

  @BeforeAll
  static void start() {
    emulator = KustoEmulator.builder().tls(true).storage(false).database("db")
        .engineHostName(CLUSTER_HOST).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static KeyStore trustStore() throws Exception {
    return TrustingHttp.trustStore(emulator);
  }

  /** An SDK client whose HTTP client trusts exactly the emulator's trust store. */
  private static Client trustingClient() throws Exception {
    return ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + localhostUrl()),
        trustingHttp(reactor.netty.http.client.HttpClient.create()));
  }

  private static HttpClient trustingHttp(reactor.netty.http.client.HttpClient netty) throws Exception {
    return TrustingHttp.of(emulator, netty);
  }

  /**
   * An SDK client for {@code https://<host>:<port>} whose HTTP client resolves every name to 127.0.0.1, as the
   * hosts-file lines of the README do, while TLS still checks the certificate against {@code host}.
   */
  private static Client clientByName(String host) throws Exception {
    reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
        .resolver(LoopbackNames.resolver());
    return ClientFactory.createClient(new ConnectionStringBuilder("Data Source=https://" + host + ":"
        + emulator.port()), trustingHttp(netty));
  }

  @Test
  void theDataManagementNameClientsDeriveIsCertifiedAndAnswered() throws Exception {
    // The one listener answers both names (the ingestion-service commands need storage, off in this class).
    KustoResultSetTable version = clientByName("ingest-" + CLUSTER_HOST)
        .executeMgmt("NetDefaultDb", ".show version").getPrimaryResults();
    assertThat(version.next()).isTrue();
    assertThat(clientByName(CLUSTER_HOST).executeMgmt("db", ".show version").getPrimaryResults().next()).isTrue();
    // The certificate is really checked by name: one the emulator was not started with is refused.
    assertThatThrownBy(() -> clientByName("other.kusto.windows.net").executeMgmt("db", ".show version"))
        .hasStackTraceContaining("SSL");
  }

  @Test
  void servesHttpsThatTheSdkTrustsWithTheGeneratedTrustStore() throws Exception {
    assertThat(emulator.engineUrl()).isEqualTo("https://" + CLUSTER_HOST + ":" + emulator.port());
    KustoResultSetTable version = trustingClient().executeMgmt("db", ".show version").getPrimaryResults();
    assertThat(version.next()).isTrue();
  }

  @Test
  void aClientWithoutTheTrustStoreIsRefused() throws Exception {
    Client untrusting = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + localhostUrl()));
    assertThatThrownBy(() -> untrusting.executeMgmt("db", ".show version")).hasStackTraceContaining("SSL");
  }

  @Test
  void certificateNamesLoopbackAndTheEngineHost() throws Exception {
    X509Certificate cert = (X509Certificate) trustStore().getCertificate("kusto-emulator");
    List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertThat(names).contains(CLUSTER_HOST, "ingest-" + CLUSTER_HOST, "localhost", "127.0.0.1");
  }
}
