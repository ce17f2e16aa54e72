package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bearer-token check, fault injection and error shapes as the SDK sees them. */
class HttpBehaviourTest {
  private static final String TOKEN = "emulator-test-token";

  @RegisterExtension
  static final KustoEmulatorExtension KUSTO = new KustoEmulatorExtension(
      () -> KustoEmulator.builder().strictMode(true).storage(false).database("db").requiredBearerToken(TOKEN));

  @AfterEach
  void clearFaults() {
    KUSTO.emulator().faults().clear();
  }

  /** The SDK sends the bearer token only when the URL is not http://localhost (kusto-protocol.md §2.2). */
  private static Client clientWithToken(String token) throws Exception {
    return ClientFactory.createClient(ConnectionStringBuilder.createWithAadAccessTokenAuthentication(
        "http://127.0.0.1:" + KUSTO.emulator().port(), token));
  }

  @Test
  void acceptsTheRequiredBearerToken() throws Exception {
    KustoResultSetTable version = clientWithToken(TOKEN).executeMgmt("db", ".show version").getPrimaryResults();
    assertThat(version.next()).isTrue();
  }

  @Test
  void answersAWrongTokenWith401InKustosErrorShape() throws Exception {
    Client client = clientWithToken("not-the-token");
    DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeMgmt("db", ".show version"));
    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(e.isPermanent()).isTrue();
    assertThat(e.getMessage()).contains("not the one this emulator requires").doesNotContain(TOKEN)
        .doesNotContain("not-the-token");
  }

  @Test
  void answersAMissingTokenWith401() {
    // http://localhost: the SDK sends no Authorization header at all.
    Client client = EmulatorTestSupport.client(KUSTO.emulator());
    DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeMgmt("db", ".show version"));
    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(e.getMessage()).contains("Missing 'Authorization: Bearer <token>'");
  }

  @Test
  void injected429BecomesTheSdksThrottleExceptionThenRecovers() throws Exception {
    Client client = clientWithToken(TOKEN);
    KUSTO.emulator().faults().failNext(RequestKind.MGMT, 2, 429);
    assertThatThrownBy(() -> client.executeMgmt("db", ".show version")).isInstanceOf(ThrottleException.class);
    assertThatThrownBy(() -> client.executeMgmt("db", ".show version")).isInstanceOf(ThrottleException.class);
    assertThat(client.executeMgmt("db", ".show version").getPrimaryResults().next()).isTrue();
  }

  @Test
  void injected5xxIsATransientServiceError() throws Exception {
    Client client = clientWithToken(TOKEN);
    KUSTO.emulator().faults().failNext(RequestKind.MGMT, 1, 503);
    DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeMgmt("db", ".show version"));
    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.isPermanent()).isFalse();
    assertThat(e.getMessage()).contains("Injected fault");
  }

  @Test
  void faultsTargetOnlyTheirKindOfRequest() throws Exception {
    Client client = clientWithToken(TOKEN);
    KUSTO.emulator().faults().failNext(RequestKind.QUERY, 1, 500);
    assertThat(client.executeMgmt("db", ".show version").getPrimaryResults().next()).isTrue();
  }

  @Test
  void addsLatency() throws Exception {
    Client client = clientWithToken(TOKEN);
    client.executeMgmt("db", ".show version");
    KUSTO.emulator().faults().addLatency(RequestKind.MGMT, Duration.ofMillis(700));
    long start = System.nanoTime();
    client.executeMgmt("db", ".show version");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
  }

  @Test
  void echoesTheClientRequestIdInErrors() throws Exception {
    Client client = clientWithToken(TOKEN);
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setClientRequestId("my-request-42");
    crp.setOption("servertimeout", "00:01:00");
    DataServiceException e = assertThrows(DataServiceException.class,
        () -> client.executeMgmt("db", ".show table Missing extents", crp));
    assertThat(e.getCause().getMessage()).contains("\"clientRequestId\":\"my-request-42\"");
  }

  @Test
  void failEveryFailsTheFirstRequestAndThenOneInN() throws Exception {
    Client client = clientWithToken(TOKEN);
    KUSTO.emulator().faults().failEvery(RequestKind.MGMT, 3, 503);
    StringBuilder outcomes = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      try {
        client.executeMgmt("db", ".show version");
        outcomes.append('.');
      } catch (DataServiceException e) {
        outcomes.append('x');
      }
    }
    assertThat(outcomes.toString()).isEqualTo("x..x..x");
    assertThat(KUSTO.emulator().faults().injected(RequestKind.MGMT)).isEqualTo(3);
  }

  @Test
  void anInjectedResetClosesTheConnectionWithoutAnAnswer() throws Exception {
    Client client = clientWithToken(TOKEN);
    KUSTO.emulator().faults().failNext(RequestKind.QUERY, 1, Faults.CONNECTION_RESET);
    DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeQuery("db", "print 1"));
    assertThat(e.getStatusCode()).as("no HTTP answer").isNull();
    assertThat(e.getMessage()).contains("prematurely closed");
    assertThat(client.executeQuery("db", "print 1").getPrimaryResults().next()).isTrue();
  }

  @Test
  void throttledAndUnavailableAnswersCarryTheRetryAfterAskedFor() throws Exception {
    KUSTO.emulator().faults().failNext(RequestKind.MGMT, 2, 429).retryAfter(Duration.ofMillis(1500));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(KUSTO.emulator().engineUrl() + "/v1/rest/mgmt"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"db\":\"db\",\"csl\":\".show version\"}")).build();
    HttpResponse<String> throttled = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
    KUSTO.emulator().faults().failNext(RequestKind.MGMT, 1, 400);
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).headers().firstValue("Retry-After"))
        .as("only 429 and 503 answers ask for a pause").isEmpty();
  }
}
