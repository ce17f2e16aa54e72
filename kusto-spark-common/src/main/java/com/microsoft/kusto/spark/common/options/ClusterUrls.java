package com.microsoft.kusto.spark.common.options;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Endpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the {@code kustoCluster} and {@code kustoIngestionUri} options into engine and ingestion URLs.
 *
 * <ul>
 *   <li>An alias {@code name} or {@code name.region} becomes {@code https://<alias>.kusto.windows.net}; a bare host
 *       name with a domain ({@code x.westeurope.kusto.windows.net}) gets {@code https://}.</li>
 *   <li>Full URLs keep scheme, host, port and path (trailing slash removed). {@code https} is required, except for
 *       loopback hosts, where {@code http} is allowed (the local emulator).</li>
 *   <li>An {@code ingest-} host is normalised to the engine host.</li>
 *   <li>The ingestion URL is {@code kustoIngestionUri} when given, the engine URL for loopback endpoints (the
 *       emulator serves both on one port), and {@code https://ingest-<engine host>} otherwise.</li>
 * </ul>
 */
public final class ClusterUrls {
  private static final String INGEST_PREFIX = "ingest-";
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*){2,}(:\\d+)?");

  private ClusterUrls() {}

  /** The engine URL for a {@code kustoCluster} value. */
  public static String engineUrl(String cluster) {
    KustoOption option = KustoCommonOptions.CLUSTER;
    String value = cluster.trim();
    if (!value.contains("://")) {
      if (ALIAS.matcher(value).matches()) {
        return "https://" + stripIngestPrefix(value) + ".kusto.windows.net";
      }
      if (HOST.matcher(value).matches()) {
        value = "https://" + value;
      } else {
        throw invalid(option, value, "it is neither a cluster alias (name or name.region) nor a URL");
      }
    }
    URI uri = parse(option, value);
    String host = stripIngestPrefix(uri.getHost());
    return rebuild(uri, host);
  }

  /**
   * The ingestion (data management) URL: {@code explicit} ({@code kustoIngestionUri}) when not null, otherwise
   * derived from {@code engineUrl} as described in the class comment.
   */
  public static String ingestionUrl(String engineUrl, String explicit) {
    if (explicit != null) {
      URI uri = parse(KustoCommonOptions.INGESTION_URI, explicit.trim());
      return rebuild(uri, uri.getHost());
    }
    URI engine = URI.create(engineUrl);
    if (Endpoints.isLoopbackHost(engine.getHost())) {
      return engineUrl;
    }
    return rebuild(engine, INGEST_PREFIX + engine.getHost());
  }

  private static URI parse(KustoOption option, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(option, value, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(option, value, "it has no host name");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid(option, value, "a cluster URL cannot contain user info, a query or a fragment");
    }
    boolean loopback = Endpoints.isLoopbackHost(uri.getHost());
    if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
      return uri;
    }
    if (scheme.equals("http")) {
      throw invalid(option, value, "plain http is only allowed for loopback hosts (localhost, 127.x.x.x, ::1)");
    }
    throw invalid(option, value, "the scheme must be https (or http for loopback hosts)");
  }

  private static String rebuild(URI uri, String host) {
    StringBuilder sb = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
    sb.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
    if (uri.getPort() != -1) {
      sb.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return sb.append(path).toString();
  }

  private static String stripIngestPrefix(String host) {
    return host.regionMatches(true, 0, INGEST_PREFIX, 0, INGEST_PREFIX.length())
        ? host.substring(INGEST_PREFIX.length()) : host;
  }

  private static InvalidOptionException invalid(KustoOption option, String value, String reason) {
    return new InvalidOptionException(ErrorCode.INVALID_CLUSTER_URL, KustoConnectorException.message(
        "read option '" + option.key() + "'", "the value [" + KustoOptionsMap.display(option, value) + "] is not usable: " + reason,
        "Use a cluster alias such as 'mycluster.westeurope' or a URL such as "
            + "'https://mycluster.westeurope.kusto.windows.net'."), option.key());
  }
}
