package com.microsoft.kusto.emulator.storage;

import com.microsoft.kusto.emulator.NodeTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azurite (blob, queue and table storage emulator, run with Node) on free loopback ports, with its workspace in a
 * temporary directory. {@link #close()} kills the whole process tree and deletes the workspace; a JVM shutdown
 * hook does the same if the owner forgets, so no node process outlives the JVM.
 */
public final class AzuriteProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AzuriteProcess.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path workspace;
  private final int blobPort;
  private final int queuePort;
  private final int tablePort;
  private final boolean https;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private AzuriteProcess(Process process, Path workspace, int blobPort, int queuePort, int tablePort, boolean https) {
    this.process = process;
    this.workspace = workspace;
    this.blobPort = blobPort;
    this.queuePort = queuePort;
    this.tablePort = tablePort;
    this.https = https;
    this.shutdownHook = new Thread(this::destroyQuietly, "azurite-shutdown-" + process.pid());
  }

  /** Starts Azurite over plain http. */
  public static AzuriteProcess start() {
    return start(Optional.empty());
  }

  /**
   * Starts Azurite; with {@code tls} present its three services speak https with that PEM certificate and key
   * (the emulator's own certificate, so clients that trust the emulator trust storage too).
   */
  public static AzuriteProcess start(Optional<AzuriteTls> tls) {
    return start(tls, false);
  }

  /**
   * @param productionStyleUrls whether a dotted host name carries the account ({@code
   *     devstoreaccount1.blob.core.windows.net}), as behind a {@link StorageFront}; otherwise the account is always
   *     the first path segment
   */
  public static AzuriteProcess start(Optional<AzuriteTls> tls, boolean productionStyleUrls) {
    Path tools = NodeTools.toolsDirectory();
    Path script = tools.resolve("node_modules").resolve("azurite").resolve("dist").resolve("src").resolve("azurite.js");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "Azurite is not installed: '" + script + "' is missing. Run 'npm ci' in '" + tools + "'.");
    }
    Path workspace;
    try {
      workspace = Files.createTempDirectory("kusto-emulator-azurite-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a workspace directory for Azurite", e);
    }
    int[] ports = freePorts(3);
    List<String> command = new ArrayList<>();
    command.add(NodeTools.nodeExecutable());
    command.add(script.toString());
    addAll(command, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1");
    addAll(command, "--blobPort", Integer.toString(ports[0]), "--queuePort", Integer.toString(ports[1]));
    addAll(command, "--tablePort", Integer.toString(ports[2]), "--location", workspace.toString());
    // --loose: the legacy azure-storage SDK used by the Spark connector sends headers Azurite would refuse.
    addAll(command, "--silent", "--disableTelemetry", "--loose", "--skipApiVersionCheck");
    if (!productionStyleUrls) {
      // --disableProductStyleUrl: always read the account from the first path segment. The Java storage SDKs treat
      // every URL with an explicit port as path style, so with a host name such as
      // devstoreaccount1.blob.core.windows.net:<port> Azurite's production-style guess would disagree with them.
      command.add("--disableProductStyleUrl");
    }
    tls.ifPresent(t -> t.addArguments(command));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(workspace.toFile())
              .redirectErrorStream(true)
              .redirectOutput(workspace.resolve("azurite.log").toFile())
              .start();
    } catch (IOException e) {
      deleteTree(workspace);
      throw new UncheckedIOException(
          "Cannot start Azurite with '" + command.get(0) + "': is Node installed (or $NODE set)?", e);
    }
    AzuriteProcess azurite = new AzuriteProcess(process, workspace, ports[0], ports[1], ports[2], tls.isPresent());
    Runtime.getRuntime().addShutdownHook(azurite.shutdownHook);
    try {
      azurite.awaitPorts();
    } catch (RuntimeException e) {
      azurite.close();
      throw e;
    }
    LOG.info("Azurite started (pid {}): blob {}, queue {}, table {}", process.pid(), ports[0], ports[1], ports[2]);
    return azurite;
  }

  private static void addAll(List<String> list, String... values) {
    list.addAll(List.of(values));
  }

  private void awaitPorts() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    for (int port : new int[] {blobPort, queuePort, tablePort}) {
      while (!accepts(port)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Azurite exited with code " + process.exitValue() + " before listening; its log: " + logTail());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Azurite did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s; log: " + logTail());
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Azurite to start", e);
        }
      }
    }
  }

  private String logTail() {
    try {
      String log = Files.readString(workspace.resolve("azurite.log"));
      return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int[] freePorts(int count) {
    // Hold all sockets open together so the same port is not handed out twice.
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find free loopback ports for Azurite", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port stays free either way
        }
      }
    }
  }

  public int blobPort() {
    return blobPort;
  }

  public int queuePort() {
    return queuePort;
  }

  public int tablePort() {
    return tablePort;
  }

  /** The account's blob service endpoint, path style: {@code http://127.0.0.1:<port>/devstoreaccount1}. */
  public String blobEndpoint() {
    return endpoint(blobPort);
  }

  public String queueEndpoint() {
    return endpoint(queuePort);
  }

  public String tableEndpoint() {
    return endpoint(tablePort);
  }

  private String endpoint(int port) {
    return (https ? "https" : "http") + "://127.0.0.1:" + port + "/" + accountName();
  }

  public boolean https() {
    return https;
  }

  public String accountName() {
    return DevStorageAccount.NAME;
  }

  public String accountKey() {
    return DevStorageAccount.KEY;
  }

  /** The node process id (for diagnostics and tests of the clean-up). */
  public long pid() {
    return process.pid();
  }

  /** The temporary workspace holding Azurite's data; deleted by {@link #close()}. */
  public Path workspace() {
    return workspace;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    destroyQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing left to unregister
    }
  }

  private synchronized void destroyQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> tree = new ArrayList<>();
    process.toHandle().descendants().forEach(tree::add);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception notExitedInTime) {
        handle.destroyForcibly();
      }
    }
    deleteTree(workspace);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete Azurite workspace {}: {}", root, e.getMessage());
    }
  }
}
