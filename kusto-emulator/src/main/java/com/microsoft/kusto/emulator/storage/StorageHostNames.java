package com.microsoft.kusto.emulator.storage;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Host names put into the storage URLs the emulator hands out (ingestion resources, export containers). Azurite
 * listens on 127.0.0.1 only; other names must resolve to loopback on the client (for example an {@code /etc/hosts}
 * entry mapping {@code devstoreaccount1.blob.core.windows.net} to 127.0.0.1).
 *
 * <p>Azurite decides the URL style from the host, and the emulator must follow it: for an IP literal, a name
 * without a dot ({@code localhost}) or {@code host.docker.internal} the account is the first path segment
 * ({@code http://127.0.0.1:10000/devstoreaccount1/container}); for any other dotted name Azurite takes the
 * account from the first DNS label and the path starts with the container
 * ({@code http://devstoreaccount1.blob.core.windows.net:10000/container}). So a production-style host must start
 * with the account name, {@code devstoreaccount1.}.
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

  private static void validate(String host, String service) {
    if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-]+")) {
      throw new IllegalArgumentException(
          "Storage " + service + " host name '" + host + "' is not a plain host name or IPv4 address;"
              + " use e.g. 127.0.0.1, localhost or devstoreaccount1." + service + ".core.windows.net");
    }
    if (isProductionStyle(host) && !host.toLowerCase(Locale.ROOT).startsWith(DevStorageAccount.NAME + ".")) {
      throw new IllegalArgumentException(
          "Storage " + service + " host name '" + host + "' is a production-style name, from which Azurite takes"
              + " the account name '" + host.substring(0, host.indexOf('.')) + "'; it must start with '"
              + DevStorageAccount.NAME + ".' (e.g. " + DevStorageAccount.NAME + "." + service
              + ".core.windows.net), or use 127.0.0.1 / localhost");
    }
  }

  /** Whether Azurite reads the account from this host name rather than from the first path segment. */
  public static boolean isProductionStyle(String host) {
    return !IPV4.matcher(host).matches()
        && !"host.docker.internal".equalsIgnoreCase(host)
        && host.indexOf('.') > 0;
  }

  /** The account's service root for a client: scheme, host, port and, for path style, the account segment. */
  static String serviceRoot(String scheme, String host, int port) {
    String root = scheme + "://" + host + ":" + port;
    return isProductionStyle(host) ? root : root + "/" + DevStorageAccount.NAME;
  }
}
