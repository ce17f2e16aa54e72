package com.microsoft.kusto.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One https port in front of Azurite's three, for clients that accept only production-style storage URLs
 * ({@code https://devstoreaccount1.blob.core.windows.net/<container>}: account in the host name, default port 443).
 * A cloud storage account has one address per service; Azurite has one port per service. The front tells the
 * services apart by the TLS server name the client asks for (SNI: {@code *.blob.*}, {@code *.queue.*},
 * {@code *.table.*}) and relays the connection's bytes unchanged to that Azurite port over TLS, so the Host
 * header (from which Azurite reads the account) and every signature arrive as the client sent them.
 */
public final class StorageFront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageFront.class);
  private static final int BUFFER = 64 * 1024;

  private final SSLServerSocket listener;
  private final SSLSocketFactory toAzurite;
  private final Map<String, Integer> servicePorts;
  private final ExecutorService connections;
  private final Thread acceptor;
  private volatile boolean closed;

  private StorageFront(SSLServerSocket listener, SSLSocketFactory toAzurite, Map<String, Integer> servicePorts) {
    this.listener = listener;
    this.toAzurite = toAzurite;
    this.servicePorts = servicePorts;
    AtomicInteger ids = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "storage-front-" + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.acceptor = new Thread(this::acceptLoop, "storage-front-accept");
    this.acceptor.setDaemon(true);
  }

  /**
   * Listens on {@code port} of 127.0.0.1 (0 picks a free one).
   *
   * @param serverTls the emulator's certificate, which names every storage host
   * @param clientTls trusts Azurite's certificate (the same one)
   * @param azurite the ports the services listen on
   */
  public static StorageFront start(int port, SSLContext serverTls, SSLContext clientTls, AzuriteProcess azurite) {
    Map<String, Integer> ports =
        Map.of("blob", azurite.blobPort(), "queue", azurite.queuePort(), "table", azurite.tablePort());
    SSLServerSocket listener;
    try {
      listener = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (SocketException e) {
      throw new IllegalStateException(
          "Cannot listen on port " + port + " for production-style storage URLs: " + e.getMessage()
              + (port > 0 && port < 1024
                  ? ". Ports below 1024 need root or CAP_NET_BIND_SERVICE; or listen on a high port and map 443"
                      + " to it (see the README's emulator section)."
                  : ""),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port + " for production-style storage URLs", e);
    }
    StorageFront front = new StorageFront(listener, clientTls.getSocketFactory(), ports);
    front.acceptor.start();
    LOG.info("Production-style storage URLs served on 127.0.0.1:{} (blob, queue and table by TLS server name)",
        front.port());
    return front;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The service a TLS server name addresses: {@code blob} for {@code devstoreaccount1.blob.core.windows.net}. */
  static Optional<String> service(String serverName) {
    List<String> labels = List.of(serverName.toLowerCase(Locale.ROOT).split("\\."));
    return labels.size() > 2 && List.of("blob", "queue", "table").contains(labels.get(1))
        ? Optional.of(labels.get(1))
        : Optional.empty();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        connections.execute(() -> relay((SSLSocket) client));
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("Storage front stopped accepting: {}", e.toString());
        }
        return;
      }
    }
  }

  private void relay(SSLSocket client) {
    try (client) {
      client.startHandshake();
      Optional<String> name = serverName(client);
      Optional<String> service = name.flatMap(StorageFront::service);
      if (service.isEmpty()) {
        // The certificate names only storage hosts of this form, so a client reaching here asked for another name.
        LOG.warn("Storage front: no blob, queue or table host in the TLS server name {}; closing the connection",
            name.orElse("(none sent)"));
        return;
      }
      try (Socket upstream = toAzurite.createSocket("127.0.0.1", servicePorts.get(service.get()))) {
        connections.execute(() -> pump(upstream, client));
        pump(client, upstream);
      }
    } catch (IOException e) {
      LOG.debug("Storage front connection ended: {}", e.toString());
    }
  }

  private static Optional<String> serverName(SSLSocket socket) {
    if (socket.getSession() instanceof ExtendedSSLSession session) {
      for (SNIServerName name : session.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          return Optional.of(host.getAsciiName());
        }
      }
    }
    return Optional.empty();
  }

  /** Copies one direction until it ends, then closes the other side's output so the peer sees the end too. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      LOG.trace("Storage front relay ended: {}", e.toString());
    } finally {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing.
    }
    connections.shutdownNow();
  }
}
