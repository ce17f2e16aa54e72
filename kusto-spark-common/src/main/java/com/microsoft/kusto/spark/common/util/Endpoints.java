package com.microsoft.kusto.spark.common.util;

import java.net.URI;
import java.util.Locale;

/** Facts about endpoint hosts that several parts of the connector decide on. */
public final class Endpoints {
  private Endpoints() {}

  /**
   * True for {@code localhost}, any {@code 127.x.x.x} address and {@code ::1}: endpoints on this machine, such
   * as the local Kusto emulator, where plain http and anonymous access are acceptable.
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /** True when the URL parses and its host is a loopback host. */
  public static boolean isLoopbackUrl(String url) {
    try {
      return url != null && isLoopbackHost(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
