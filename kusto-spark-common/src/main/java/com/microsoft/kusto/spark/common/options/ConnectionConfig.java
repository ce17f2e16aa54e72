package com.microsoft.kusto.spark.common.options;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.spark.common.auth.AuthConfig;
import com.microsoft.kusto.spark.common.auth.AuthResolver;
import com.microsoft.kusto.spark.common.client.RetryPolicy;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.util.Endpoints;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * What reads and writes share: the endpoints, the database, the authentication and the request settings
 * ({@code timeoutLimit}, {@code clientRequestPropertiesJson}, {@code requestId}). Immutable and serializable;
 * part of {@link ReadConfig} and {@link WriteConfig}.
 */
public final class ConnectionConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String clusterUrl;
  private final String ingestionUrl;
  private final String database;
  private final AuthConfig auth;
  private final long timeoutSeconds;
  private final long retryTimeoutSeconds;
  private final String clientRequestPropertiesJson;
  private final String requestId;

  private ConnectionConfig(String clusterUrl, String ingestionUrl, String database, AuthConfig auth,
      long timeoutSeconds, long retryTimeoutSeconds, String clientRequestPropertiesJson, String requestId) {
    this.clusterUrl = clusterUrl;
    this.ingestionUrl = ingestionUrl;
    this.database = database;
    this.auth = auth;
    this.timeoutSeconds = timeoutSeconds;
    this.retryTimeoutSeconds = retryTimeoutSeconds;
    this.clientRequestPropertiesJson = clientRequestPropertiesJson;
    this.requestId = requestId;
  }

  /** Validates and resolves the shared options (including authentication, see {@link AuthResolver}). */
  public static ConnectionConfig from(KustoOptionsMap options) {
    String clusterUrl = ClusterUrls.engineUrl(options.require(KustoCommonOptions.CLUSTER));
    String ingestionUrl = ClusterUrls.ingestionUrl(clusterUrl, options.get(KustoCommonOptions.INGESTION_URI));
    String database = options.require(KustoCommonOptions.DATABASE);
    long timeout = options.getLong(KustoCommonOptions.TIMEOUT_LIMIT, 1, Long.MAX_VALUE / 1000);
    long retryTimeout = options.getLong(KustoCommonOptions.REQUEST_RETRY_TIMEOUT, 0, Long.MAX_VALUE / 1000);
    String crp = options.get(KustoCommonOptions.CLIENT_REQUEST_PROPERTIES_JSON);
    if (crp != null) {
      parseClientRequestProperties(crp);
    }
    String requestId = options.get(KustoCommonOptions.REQUEST_ID);
    AuthConfig auth = AuthResolver.resolve(options, clusterUrl);
    return new ConnectionConfig(clusterUrl, ingestionUrl, database, auth, timeout, retryTimeout, crp,
        requestId != null ? requestId : UUID.randomUUID().toString());
  }

  /**
   * Parses {@code clientRequestPropertiesJson} (a JSON object, as {@code ClientRequestProperties.toString()} gives),
   * failing with an {@link InvalidOptionException} that names the option (see {@link ClientRequestPropertiesJson}).
   */
  public static ClientRequestProperties parseClientRequestProperties(String json) {
    return ClientRequestPropertiesJson.parse(json);
  }

  /** The engine URL, normalised (see {@link ClusterUrls}). */
  public String getClusterUrl() {
    return clusterUrl;
  }

  /** The ingestion (data management) URL; equals the engine URL for loopback endpoints. */
  public String getIngestionUrl() {
    return ingestionUrl;
  }

  public String getDatabase() {
    return database;
  }

  public AuthConfig getAuth() {
    return auth;
  }

  /** {@code timeoutLimit} in seconds. */
  public long getTimeoutSeconds() {
    return timeoutSeconds;
  }

  /** {@code requestRetryTimeout} in seconds: how long one request may be retried on transient failures. */
  public long getRetryTimeoutSeconds() {
    return retryTimeoutSeconds;
  }

  /**
   * The retry policy of every request of this connection: transient failures retried with backoff for up to
   * {@code requestRetryTimeout}.
   */
  public RetryPolicy retryPolicy() {
    return retryTimeoutSeconds == 0 ? RetryPolicy.noRetries() : RetryPolicy.forRequests(retryTimeoutSeconds);
  }

  /** The validated {@code clientRequestPropertiesJson}, or {@code null}. */
  public String getClientRequestPropertiesJson() {
    return clientRequestPropertiesJson;
  }

  /** {@code requestId}, or the random UUID generated when the options were parsed. */
  public String getRequestId() {
    return requestId;
  }

  /** True for endpoints on this machine (the local emulator). */
  public boolean isLoopback() {
    return Endpoints.isLoopbackUrl(clusterUrl);
  }

  /**
   * A new {@code ClientRequestProperties} from {@code clientRequestPropertiesJson} (or empty) whose client request
   * id is {@code requestId}; callers may append a per-request suffix.
   */
  public ClientRequestProperties newClientRequestProperties() {
    ClientRequestProperties properties = clientRequestPropertiesJson == null ? new ClientRequestProperties()
        : parseClientRequestProperties(clientRequestPropertiesJson);
    properties.setClientRequestId(requestId);
    return properties;
  }

  /** A new SDK builder for the engine endpoint. */
  public ConnectionStringBuilder engineConnectionStringBuilder() {
    return auth.toConnectionStringBuilder(clusterUrl);
  }

  /** A new SDK builder for the ingestion endpoint. */
  public ConnectionStringBuilder ingestionConnectionStringBuilder() {
    return auth.toConnectionStringBuilder(ingestionUrl);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConnectionConfig)) {
      return false;
    }
    ConnectionConfig other = (ConnectionConfig) o;
    return timeoutSeconds == other.timeoutSeconds && retryTimeoutSeconds == other.retryTimeoutSeconds
        && clusterUrl.equals(other.clusterUrl)
        && ingestionUrl.equals(other.ingestionUrl) && database.equals(other.database) && auth.equals(other.auth)
        && Objects.equals(clientRequestPropertiesJson, other.clientRequestPropertiesJson)
        && requestId.equals(other.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clusterUrl, ingestionUrl, database, auth, timeoutSeconds, retryTimeoutSeconds,
        clientRequestPropertiesJson,
        requestId);
  }

  /** No secrets. */
  @Override
  public String toString() {
    return "ConnectionConfig{clusterUrl=" + clusterUrl + ", ingestionUrl=" + ingestionUrl + ", database=" + database
        + ", auth=" + auth + ", timeoutSeconds=" + timeoutSeconds + ", retryTimeoutSeconds=" + retryTimeoutSeconds
        + ", clientRequestProperties="
        + (clientRequestPropertiesJson == null ? "none" : Secrets.redact(clientRequestPropertiesJson))
        + ", requestId=" + requestId + "}";
  }
}
