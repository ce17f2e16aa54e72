package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.ManagedStreamingIngestClient;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.kusto.spark.common.client.ClientCache;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.client.RetryAfterHints;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.util.RedactedException;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK clients of one connection, shared by every write in this JVM: building an ingest client asks the service
 * for its ingestion resources, so executors must not build one per task. Clients are created on first use. At most
 * {@link #CAPACITY} connections are held; the least recently used one's ingest clients are closed
 * {@link #CLOSE_GRACE_MILLIS} after its eviction (a rotated access token makes a new connection each time).
 *
 * <p>Ingest clients are built with {@code autoCorrectEndpoint=false}: the ingestion URL is already resolved by the
 * options ({@code kustoIngestionUri} or derived), and the SDK's own correction would turn a loopback
 * {@code http://127.0.0.1:port} into an unresolvable {@code ingest-127.0.0.1}.
 */
public final class WriteClients {
  private static final Logger LOG = LoggerFactory.getLogger(WriteClients.class);
  /** Connections (endpoints, database, credentials) whose clients are held at once. */
  static final int CAPACITY = 16;
  /**
   * How long an evicted connection's ingest clients stay open: a task that fetched them just before the eviction may
   * still be queueing its blobs.
   */
  static final long CLOSE_GRACE_MILLIS = 10 * 60_000L;
  private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "kusto-ingest-client-close");
    thread.setDaemon(true);
    return thread;
  });
  /** Keyed by endpoints, database and credentials, not by request id: every write has its own request id. */
  private static final ClientCache<WriteClients> CACHE = new ClientCache<>("set of Kusto ingest clients", CAPACITY,
      evicted -> CLOSER.schedule(evicted::close, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS));

  private final ConnectionConfig connection;
  private Client engine;
  private QueuedIngestClient queued;
  private ManagedStreamingIngestClient streaming;

  private WriteClients(ConnectionConfig connection) {
    this.connection = connection;
  }

  /** The shared clients of this connection. */
  public static WriteClients of(ConnectionConfig connection) {
    List<Object> key = Arrays.<Object>asList(connection.getClusterUrl(), connection.getIngestionUrl(),
        connection.getDatabase(), connection.getAuth());
    return CACHE.get(key, () -> new WriteClients(connection));
  }

  /** How many connections' clients this JVM holds (bounded by {@link #CAPACITY}). */
  static int cached() {
    return CACHE.size();
  }

  /** Closes the ingest clients (their resource-refresh timers and connections); never throws. */
  synchronized void close() {
    for (java.io.Closeable client : new java.io.Closeable[] {queued, streaming}) {
      if (client != null) {
        try {
          client.close();
        } catch (Exception e) {
          LOG.debug("Closing an evicted ingest client failed", RedactedException.of(e));
        }
      }
    }
    queued = null;
    streaming = null;
  }

  /** The engine client (queries and management commands). */
  public synchronized Client engine() {
    if (engine == null) {
      try {
        engine = ClientFactory.createClient(connection.engineConnectionStringBuilder(), RetryAfterHints.httpClient());
      } catch (URISyntaxException e) {
        throw invalidUrl(connection.getClusterUrl(), e);
      }
    }
    return engine;
  }

  /**
   * A request runner on the shared engine client with the connection's retry policy (requestRetryTimeout), sending the request id and
   * client request properties of {@code write} (one write's connection settings).
   */
  public KustoRequestRunner runner(ConnectionConfig write) {
    return new KustoRequestRunner(engine(), write.getClusterUrl(), write.getDatabase(),
        write.getRequestId(), write.getClientRequestPropertiesJson(),
        Retrier.forRequests(write.retryPolicy()));
  }

  /** The queued ingest client on the ingestion endpoint. */
  public synchronized QueuedIngestClient queued() {
    if (queued == null) {
      try {
        queued = IngestClientFactory.createClient(connection.ingestionConnectionStringBuilder(), null, false);
      } catch (URISyntaxException e) {
        throw invalidUrl(connection.getIngestionUrl(), e);
      }
    }
    return queued;
  }

  /** Whether {@code client} is this connection's queued client now (not one an eviction has closed). */
  synchronized boolean isCurrent(QueuedIngestClient client) {
    return client == queued;
  }

  /** The managed streaming client: streaming ingestion on the engine, queued ingestion as its fallback. */
  public synchronized ManagedStreamingIngestClient managedStreaming() {
    if (streaming == null) {
      try {
        streaming = IngestClientFactory.createManagedStreamingIngestClient(
            connection.ingestionConnectionStringBuilder(), connection.engineConnectionStringBuilder(), null, false);
      } catch (URISyntaxException e) {
        throw invalidUrl(connection.getIngestionUrl(), e);
      }
    }
    return streaming;
  }

  private static KustoConnectorException invalidUrl(String url, URISyntaxException e) {
    return new KustoConnectorException(ErrorCode.INVALID_CLUSTER_URL, KustoConnectorException.message(
        "create a Kusto client for '" + url + "'", "the SDK rejected the URL (" + e.getReason() + ")",
        "Check 'kustoCluster' and 'kustoIngestionUri'."));
  }
}
