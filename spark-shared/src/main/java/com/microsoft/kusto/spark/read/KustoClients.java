package com.microsoft.kusto.spark.read;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.kusto.spark.common.auth.AuthConfig;
import com.microsoft.kusto.spark.common.client.ClientCache;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.client.RetryAfterHints;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import java.net.URISyntaxException;
import java.util.AbstractMap;
import java.util.Map;

/**
 * SDK clients of one JVM (driver or executor), one per endpoint and authentication: the SDK's clients hold
 * connection pools and token caches, so reads of the same cluster share them. At most {@link #CAPACITY} of each kind
 * are kept (least recently used first out), so rotating an access token does not grow the JVM without end.
 */
public final class KustoClients {
  /** Endpoints times credentials held at once; an evicted client is dropped (the SDK's clients have no close). */
  static final int CAPACITY = 16;
  private static final ClientCache<Client> CLIENTS = new ClientCache<>("Kusto client", CAPACITY, client -> { });
  private static final ClientCache<StreamingClient> STREAMING_CLIENTS =
      new ClientCache<>("Kusto streaming-query client", CAPACITY, client -> { });

  private KustoClients() {}

  /** The request runner for the engine endpoint: user properties, request ids, retries and clean errors. */
  public static KustoRequestRunner engineRunner(ConnectionConfig connection) {
    return runner(connection, engine(connection), connection.getClusterUrl());
  }

  /** The request runner for the data management (ingestion) endpoint, e.g. for {@code .show export containers}. */
  public static KustoRequestRunner ingestionRunner(ConnectionConfig connection) {
    Client client = CLIENTS.get(key(connection, connection.getIngestionUrl()), () -> create(connection, true));
    return runner(connection, client, connection.getIngestionUrl());
  }

  private static KustoRequestRunner runner(ConnectionConfig connection, Client client, String url) {
    return new KustoRequestRunner(client, url, connection.getDatabase(), connection.getRequestId(),
        connection.getClientRequestPropertiesJson(),
        Retrier.forRequests(connection.retryPolicy()));
  }

  private static Client engine(ConnectionConfig connection) {
    return CLIENTS.get(key(connection, connection.getClusterUrl()), () -> create(connection, false));
  }

  /** The SDK's streaming client for the engine endpoint (streaming query). */
  public static StreamingClient streaming(ConnectionConfig connection) {
    return STREAMING_CLIENTS.get(key(connection, connection.getClusterUrl()), () -> {
      try {
        return ClientFactory.createStreamingClient(connection.engineConnectionStringBuilder(),
            RetryAfterHints.httpClient());
      } catch (URISyntaxException e) {
        throw invalidUrl(connection.getClusterUrl());
      }
    });
  }

  private static Client create(ConnectionConfig connection, boolean ingestion) {
    try {
      return ClientFactory.createClient(
          ingestion ? connection.ingestionConnectionStringBuilder() : connection.engineConnectionStringBuilder(),
          RetryAfterHints.httpClient());
    } catch (URISyntaxException e) {
      throw invalidUrl(ingestion ? connection.getIngestionUrl() : connection.getClusterUrl());
    }
  }

  /** How many query and command clients this JVM holds (bounded by {@link #CAPACITY}). */
  static int cachedClients() {
    return CLIENTS.size() + STREAMING_CLIENTS.size();
  }

  /** Endpoint plus authentication: the request id and properties do not matter for the client itself. */
  private static Map.Entry<String, AuthConfig> key(ConnectionConfig connection, String url) {
    return new AbstractMap.SimpleImmutableEntry<>(url, connection.getAuth());
  }

  private static KustoConnectorException invalidUrl(String url) {
    return new KustoConnectorException(ErrorCode.INVALID_CLUSTER_URL, KustoConnectorException.message(
        "connect to '" + url + "'", "the SDK does not accept the URL", "Check 'kustoCluster'."));
  }
}
