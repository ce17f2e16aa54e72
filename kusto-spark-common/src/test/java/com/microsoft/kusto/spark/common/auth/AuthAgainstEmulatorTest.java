package com.microsoft.kusto.spark.common.auth;

import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.util.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection strings the configuration produces, used by the official SDK against the local endpoint, which
 * checks the bearer token: the credentials really reach the wire (and anonymous access works on loopback).
 */
class AuthAgainstEmulatorTest {
  private static final String TOKEN = "token-for-db";
  private static KustoEmulator secured;
  private static KustoEmulator open;

  @BeforeAll
  static void start() {
    // TestTokenProviders.FromOptions returns "token-for-<database>".
    secured = KustoEmulator.builder().storage(false).database("db").requiredBearerToken(TOKEN).start();
    open = KustoEmulator.builder().storage(false).database("db").start();
  }

  @AfterAll
  static void stop() {
    if (secured != null) {
      secured.close();
    }
    if (open != null) {
      open.close();
    }
  }

  private static ConnectionConfig connection(KustoEmulator emulator, String... auth) {
    // The SDK never authenticates to URLs starting with http://localhost (see AuthResolver), so use the address.
    String url = emulator.engineUrl().replace("://localhost:", "://127.0.0.1:");
    Map<String, String> options = of("kustoCluster", url, "kustoDatabase", "db", "kustoQuery", "x");
    options.putAll(of(auth));
    return ReadConfig.from(options).getConnection();
  }

  private static long countRows(ConnectionConfig connection) throws Exception {
    Client client = ClientFactory.createClient(connection.engineConnectionStringBuilder());
    KustoOperationResult result = client.executeQuery("db", "print x = 41 + 1", connection.newClientRequestProperties());
    KustoResultSetTable table = result.getPrimaryResults();
    assertThat(table.next()).isTrue();
    return table.getLong(0);
  }

  @Test
  void anonymousOnLoopback() throws Exception {
    ConnectionConfig connection = connection(open);
    assertThat(connection.getAuth().getMethod()).isEqualTo(AuthMethod.ANONYMOUS);
    assertThat(connection.getIngestionUrl()).isEqualTo(connection.getClusterUrl());
    assertThat(countRows(connection)).isEqualTo(42L);
  }

  @Test
  void accessTokenReachesTheService() throws Exception {
    assertThat(countRows(connection(secured, "accessToken", TOKEN))).isEqualTo(42L);
    assertThatThrownBy(() -> countRows(connection(secured, "accessToken", "wrong-token")))
        .hasMessageContaining("The bearer token in the Authorization header is not the one this emulator requires");
  }

  @Test
  void tokenProviderCallbackReachesTheService() throws Exception {
    ConnectionConfig connection = connection(secured, "tokenProviderCallbackClasspath",
        TestTokenProviders.FromOptions.class.getName());
    assertThat(countRows(connection)).isEqualTo(42L);
  }

  @Test
  void credentialsForHttpLocalhostAreDroppedByTheSdkSoAWarningSaysSo() {
    String localhostUrl = secured.engineUrl().replace("://127.0.0.1:", "://localhost:");
    assertThat(localhostUrl).startsWith("http://localhost:");
    try (LogCapture log = LogCapture.start()) {
      ConnectionConfig connection = ReadConfig.from(of("kustoCluster", localhostUrl, "kustoDatabase", "db",
          "kustoQuery", "x", "accessToken", TOKEN)).getConnection();
      assertThatThrownBy(() -> countRows(connection))
          .hasMessageContaining("Missing 'Authorization: Bearer <token>' header");
      assertThat(log.text()).contains("The Kusto SDK sends no credentials to http://localhost URLs");
    }
  }

  @Test
  void anonymousIsRejectedWhereATokenIsRequired() {
    assertThatThrownBy(() -> countRows(connection(secured)))
        .hasMessageContaining("Missing 'Authorization: Bearer <token>' header");
  }
}
