package com.microsoft.kusto.emulator;

import com.microsoft.kusto.emulator.command.CommandDispatcher;
import com.microsoft.kusto.emulator.command.KqlExecutor;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.kql.KqlQueryEngine;
import com.microsoft.kusto.emulator.server.KustoHttpServer;
import com.microsoft.kusto.emulator.server.TlsMaterial;
import com.microsoft.kusto.emulator.storage.AzuriteProcess;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.AzuriteTls;
import com.microsoft.kusto.emulator.storage.StorageFront;
import com.microsoft.kusto.emulator.storage.StorageHostNames;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import com.microsoft.kusto.emulator.strict.KqlSyntaxChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local Kusto-compatible endpoint: DuckDB store, Azurite storage, HTTP(S) listener on loopback that the official
 * Kusto SDKs talk to unmodified.
 *
 * <pre>{@code
 * try (KustoEmulator emulator = KustoEmulator.builder().strictMode(true).database("db").start()) {
 *   Client client =
 *       ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + emulator.engineUrl()));
 *   client.executeMgmt("db", ".create table T (a:int)");
 * }
 * }</pre>
 */
public final class KustoEmulator implements AutoCloseable {
  private final Builder config;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Faults faults = new Faults();
  private DuckDbStore store;
  private OperationRegistry operations;
  private KustoHttpServer server;
  private TlsMaterial tls;
  private AzuriteStorage storage;
  private StorageFront storageFront;
  private KqlExecutor kql;
  private CommandDispatcher commands;
  private Path tempDir;

  private KustoEmulator(Builder config) {
    this.config = config;
  }

  /**
   * The host names the TLS certificate must carry: the engine's, the data-management endpoint's that clients derive
   * from it ({@code ingest-<engine host>}, as on a Kusto cluster; the one listener answers both), and every storage
   * host (IP literals are covered by the certificate's IP entry).
   */
  static List<String> certificateNames(String engineHost, StorageHostNames storage) {
    List<String> names = new ArrayList<>();
    names.add(engineHost);
    if (!isIpLiteral(engineHost)) {
      names.add("ingest-" + engineHost);
    }
    for (String host : List.of(storage.blobHost(), storage.queueHost(), storage.tableHost())) {
      if (!isIpLiteral(host) && !names.contains(host)) {
        names.add(host);
      }
    }
    return names;
  }

  private static boolean isIpLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static SSLContext clientContext(TrustManagerFactory trust) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("Cannot set up TLS towards Azurite", e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts everything; on failure releases what was started and rethrows. */
  private KustoEmulator startAll() {
    try {
      tempDir = Files.createTempDirectory("kusto-emulator-");
      store = DuckDbStore.open(config.persistenceDir);
      resources.add(store);
      operations = new OperationRegistry(faults);
      resources.add(operations);
      kql = new KqlExecutor(store, new KqlQueryEngine(store));
      KqlSyntaxChecker checker = null;
      if (config.strict) {
        checker = KqlSyntaxChecker.start();
        resources.add(checker);
      }
      if (config.tls) {
        tls = TlsMaterial.generate(tempDir, certificateNames(config.engineHost, config.storageHosts));
      }
      if (config.storage) {
        // With TLS, Azurite serves https with the same certificate, so one trust store covers every URL.
        boolean production = config.productionStoragePort != null;
        AzuriteProcess azurite =
            AzuriteProcess.start(
                Optional.ofNullable(tls).map(t -> AzuriteTls.pfx(t.keyStore(), t.trustStorePassword())), production);
        resources.add(azurite);
        TrustManagerFactory trust =
            tls == null ? null : AzuriteTls.trustManagers(tls.trustStore(), tls.trustStorePassword());
        storage = new AzuriteStorage(azurite, config.storageHosts, trust, production).createResources();
        if (production) {
          storageFront =
              StorageFront.start(config.productionStoragePort, tls.sslContext(), clientContext(trust), azurite);
          resources.add(storageFront);
        }
      }
      commands = new CommandDispatcher(store, operations, kql, config.engineHost);
      server = new KustoHttpServer(config.port, tls, config.bearerToken, commands, kql, faults, checker);
      resources.add(server);
      StorageWiring.install(this);
      for (String db : config.databases) {
        store.createDatabase(db, false, true);
      }
      server.start();
      return this;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Cannot start the Kusto emulator", e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** The cluster URL for the SDK, e.g. {@code http://localhost:12345} (https with TLS). */
  public String engineUrl() {
    return (tls == null ? "http" : "https") + "://" + config.engineHost + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** Nodes of the emulated cluster ({@link Builder#nodes(int)}). */
  public int nodes() {
    return config.nodes;
  }

  /** Fault injection: throttling, errors, latency, failing ingestion/export. */
  public Faults faults() {
    return faults;
  }

  /** The store (for wiring and white-box diagnostics; tests should go through the SDK). */
  public DuckDbStore store() {
    return store;
  }

  public OperationRegistry operations() {
    return operations;
  }

  public CommandDispatcher commands() {
    return commands;
  }

  public KqlExecutor kql() {
    return kql;
  }

  public KustoHttpServer server() {
    return server;
  }

  /** Azurite, when started with storage (the default). */
  public Optional<AzuriteStorage> storage() {
    return Optional.ofNullable(storage);
  }

  private AzuriteStorage requireStorage() {
    if (storage == null) {
      throw new IllegalStateException("This emulator was built with storage(false); no Azurite is running");
    }
    return storage;
  }

  /**
   * Where the production-style storage front listens ({@link Builder#productionStorageUrls(int)}); clients address
   * it on port 443, so a port other than 443 must be mapped (in tests: by the client's resolver).
   */
  public Optional<Integer> productionStoragePort() {
    return Optional.ofNullable(storageFront).map(StorageFront::port);
  }

  /** Blob service root clients should use, e.g. {@code http://127.0.0.1:10000/devstoreaccount1}. */
  public String blobEndpoint() {
    return requireStorage().publicBlobRoot();
  }

  public String storageAccountName() {
    return requireStorage().process().accountName();
  }

  public String storageAccountKey() {
    return requireStorage().process().accountKey();
  }

  /** The trust store holding the emulator's self-signed certificate, when TLS is on. */
  public Optional<Path> trustStore() {
    return Optional.ofNullable(tls).map(TlsMaterial::trustStore);
  }

  public Optional<String> trustStorePassword() {
    return Optional.ofNullable(tls).map(TlsMaterial::trustStorePassword);
  }

  /** The bearer token the endpoint requires, if any. */
  public Optional<String> requiredBearerToken() {
    return Optional.ofNullable(config.bearerToken);
  }

  void streamingIngestHandler(com.microsoft.kusto.emulator.server.StreamingIngestHandler handler) {
    server.setStreamingIngestHandler(handler);
  }

  void addResource(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Stops the listener, the background work, Azurite and DuckDB (in reverse start order). */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(KustoEmulator.class).warn("Closing {} failed", resources.get(i), e);
      }
    }
    resources.clear();
    if (tempDir != null) {
      try (var files = Files.walk(tempDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // A temp directory; the OS cleans it eventually.
      }
    }
  }

  /** How to start an emulator. Every setting has a default that suits a test on loopback. */
  public static final class Builder {
    /** A small cluster, as Kusto's smallest production SKUs have two nodes. */
    public static final int DEFAULT_NODES = 2;
    private boolean strict;
    private int port;
    private boolean tls;
    private String engineHost = "localhost";
    private StorageHostNames storageHosts = StorageHostNames.loopback();
    private Path persistenceDir;
    private String bearerToken;
    private boolean storage = true;
    private Integer productionStoragePort;
    private int nodes = DEFAULT_NODES;
    private final List<String> databases = new ArrayList<>();

    /** Checks every query and command with Microsoft's KQL parser and rejects what it rejects (default off). */
    public Builder strictMode(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Listening port on 127.0.0.1; 0 (default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves https with a self-signed certificate generated at start (see {@link #trustStore()}). */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Host name in {@link #engineUrl()} and the certificate (default {@code localhost}); a name such as
     * {@code mycluster.kusto.windows.net} must be mapped to 127.0.0.1 by the user (e.g. /etc/hosts).
     */
    public Builder engineHostName(String host) {
      this.engineHost = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Host name in the storage URLs handed out (see {@link StorageHostNames}); default 127.0.0.1. */
    public Builder storageHostName(String host) {
      this.storageHosts = host.indexOf('.') > 0 && StorageHostNames.isProductionStyle(host)
          ? new StorageHostNames(host, host.replaceFirst("\\.blob\\.", ".queue."), host.replaceFirst("\\.blob\\.",
              ".table."))
          : StorageHostNames.of(host);
      return this;
    }

    public Builder storageHostNames(StorageHostNames hosts) {
      this.storageHosts = Objects.requireNonNull(hosts, "hosts");
      return this;
    }

    /**
     * Hands out production-style storage URLs, {@code https://devstoreaccount1.blob.core.windows.net/<container>}
     * (and {@code .queue.}, {@code .table.}), for clients that accept only the account-in-host form on the default
     * port, and serves all three services on one https listener on {@code listenPort} of 127.0.0.1: 443 (needs
     * root or CAP_NET_BIND_SERVICE), or a high port that 443 is mapped to; 0 picks a free one. Needs {@link
     * #tls(boolean)}. The host names (default suffix {@code core.windows.net}, or those of {@link
     * #storageHostName(String)}) must resolve to 127.0.0.1 on the client.
     */
    public Builder productionStorageUrls(int listenPort) {
      if (listenPort < 0 || listenPort > 65535) {
        throw new IllegalArgumentException("production storage port must be 0..65535, got " + listenPort);
      }
      this.productionStoragePort = listenPort;
      return this;
    }

    /** Where {@code .create database D persist} keeps its files (persistent databases are reloaded at start). */
    public Builder persistenceDir(Path dir) {
      this.persistenceDir = dir;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every query, command and ingestion (401 otherwise). */
    public Builder requiredBearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** Whether to start Azurite (default true); without it queued ingestion and export are unavailable. */
    public Builder storage(boolean storage) {
      this.storage = storage;
      return this;
    }

    /**
     * Nodes of the emulated cluster (default {@value #DEFAULT_NODES}): a distributed {@code .export} has each node
     * write its share of a large result at the same time, so the export arrives as up to this many files (more
     * when a file reaches {@code sizeLimit}).
     */
    public Builder nodes(int nodes) {
      if (nodes < 1 || nodes > 64) {
        throw new IllegalArgumentException("nodes must be 1..64, got " + nodes);
      }
      this.nodes = nodes;
      return this;
    }

    /** Volatile databases created at start. */
    public Builder database(String... names) {
      databases.addAll(List.of(names));
      return this;
    }

    public KustoEmulator start() {
      if (productionStoragePort != null) {
        requireProductionStyleSettings();
      }
      return new KustoEmulator(this).startAll();
    }

    private void requireProductionStyleSettings() {
      if (!tls) {
        throw new IllegalArgumentException(
            "Production-style storage URLs are https: turn TLS on (--tls, or tls(true)) as well");
      }
      if (!storage) {
        throw new IllegalArgumentException("Production-style storage URLs need storage; remove storage(false)");
      }
      if (storageHosts.equals(StorageHostNames.loopback())) {
        storageHosts = StorageHostNames.productionStyle("core.windows.net");
      }
      StorageHostNames.requireProductionStyle(storageHosts);
    }
  }
}
