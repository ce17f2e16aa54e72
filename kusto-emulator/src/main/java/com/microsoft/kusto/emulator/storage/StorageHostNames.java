package com.microsoft.kusto.emulator.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Host names put into the storage URLs the emulator hands out (ingestion resources, export containers). Azurite
 * listens on 127.0.0.1 only; another name must resolve to loopback on the client (for example an {@code /etc/hosts}
 * entry mapping {@code devstoreaccount1.blob.core.windows.net} to 127.0.0.1).
 *
 * <p>URLs are always path style, {@code http://<host>:<port>/devstoreaccount1/<container>}, whatever the host: the
 * Java storage SDKs (azure-storage-blob 12, used by kusto-ingest) take every URL with an explicit port as path
 * style, so Azurite is started with {@code --disableProductStyleUrl} to agree with them (by default it would take
 * the account from a dotted host name such as {@code devstoreaccount1.blob.core.windows.net}). Caveat: the legacy
 * azure-storage 8 SDK the Spark connector uploads with decides the style from the host (IP literal = path style),
 * so for the connector's uploads keep the default {@code 127.0.0.1}.
 */
public record StorageHostNames(String blobHost, String queueHost, String tableHost) {
  private static final Pattern IPV4 = Pattern.compile("^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$");

  public StorageHostNames {
    validate(blobHost, "blob");
    validate(queueHost, "queue");
    validate(tableHost, "table");
  }

  /** {@code 127.0.0.1} for all three services: path-style URLs, the choice that needs no name resolution. */
  public static StorageHostNames loopback() {
    return new StorageHostNames("127.0.0.1", "127.0.0.1", "127.0.0.1");
  }

  /** One host name for all three services, e.g. {@code localhost}. */
  public static StorageHostNames of(String host) {
    return new StorageHostNames(host, host, host);
  }

  /**
   * Production-style names {@code devstoreaccount1.blob.<suffix>}, {@code .queue.}, {@code .table.}, e.g. for
   * suffix {@code core.windows.net}; the caller maps them to 127.0.0.1.
   */
  public static StorageHostNames productionStyle(String dnsSuffix) {
    String suffix = Objects.requireNonNull(dnsSuffix, "dnsSuffix");
    return new StorageHostNames(
        DevStorageAccount.NAME + ".blob." + suffix,
        DevStorageAccount.NAME + ".queue." + suffix,
        DevStorageAccount.NAME + ".table." + suffix);
  }

  /**
   * Refuses names a {@link StorageFront} cannot serve: each must be {@code devstoreaccount1.<service>.<suffix>},
   * because the front routes by the service label and Azurite reads the account from the first label.
   */
  public static void requireProductionStyle(StorageHostNames hosts) {
    String[][] expected = {{hosts.blobHost(), "blob"}, {hosts.queueHost(), "queue"}, {hosts.tableHost(), "table"}};
    for (String[] pair : expected) {
      String[] labels = pair[0].split("\\.");
      if (labels.length < 3 || !labels[0].equalsIgnoreCase(DevStorageAccount.NAME)
          || !labels[1].equalsIgnoreCase(pair[1])) {
        throw new IllegalArgumentException(
            "Production-style storage URLs need " + pair[1] + " host names of the form " + DevStorageAccount.NAME
                + "." + pair[1] + ".<dns suffix> (e.g. " + DevStorageAccount.NAME + "." + pair[1]
                + ".core.windows.net), got '" + pair[0] + "'");
      }
    }
  }

  private static void validate(String host, String service) {
    if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-]+")) {
      throw new IllegalArgumentException(
          "Storage " + service + " host name '" + host + "' is not a plain host name or IPv4 address;"
              + " use e.g. 127.0.0.1, localhost or devstoreaccount1." + service + ".core.windows.net");
    }
  }

  /**
   * Whether Azure's production URL style (account in the host name, no account path segment) is the natural reading
   * of a URL with this host, as it is for {@code devstoreaccount1.blob.core.windows.net} without a port.
   */
  public static boolean isProductionStyle(String host) {
    return !IPV4.matcher(host).matches()
        && !"host.docker.internal".equalsIgnoreCase(host)
        && host.indexOf('.') > 0;
  }

  /** The account's service root for a client: scheme, host, port and the account segment (path style). */
  static String serviceRoot(String scheme, String host, int port) {
    return scheme + "://" + host + ":" + port + "/" + DevStorageAccount.NAME;
  }
}
