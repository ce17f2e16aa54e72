package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.util.Endpoints;
import com.microsoft.kusto.spark.common.util.Json;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The parts of a blob container URL as users give it in {@code transientStorage}:
 * {@code https://<account>.blob.<suffix>/<container>[?<sas>]}, or an emulator's path-style
 * {@code http://127.0.0.1:<port>/<account>/<container>[?<sas>]}. Errors quote the URL with its signature masked.
 */
final class BlobContainerUrl {
  final String account;
  final String container;
  /** {@code https://<account>.blob.<suffix>}, or the emulator's {@code http://127.0.0.1:<port>/<account>}. */
  final String accountEndpoint;
  /** The raw query (the SAS token without {@code ?}), or {@code null}. Secret. */
  final String query;

  private BlobContainerUrl(String account, String container, String accountEndpoint, String query) {
    this.account = account;
    this.container = container;
    this.accountEndpoint = accountEndpoint;
    this.query = query;
  }

  static BlobContainerUrl parse(String url, String optionKey) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid(optionKey, url, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = Endpoints.isLoopbackHost(uri.getHost());
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      throw invalid(optionKey, url, "it must be an https URL (http only for loopback hosts)");
    }
    String[] path = uri.getPath() == null ? new String[0] : uri.getPath().replaceAll("^/+|/+$", "").split("/");
    if (loopback) {
      // Azurite and other emulators address the account in the path: /<account>/<container>.
      if (path.length != 2 || path[0].isEmpty()) {
        throw invalid(optionKey, url,
            "a loopback SAS URL must look like http://127.0.0.1:<port>/<account>/<container>?<sas>");
      }
      String endpoint = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/"
          + path[0];
      return new BlobContainerUrl(path[0], path[1], endpoint, uri.getRawQuery());
    }
    String host = uri.getHost();
    if (host == null || !host.contains(".blob.") || path.length != 1 || path[0].isEmpty()) {
      throw invalid(optionKey, url, "it must look like https://<account>.blob.<suffix>/<container>?<sas>");
    }
    return new BlobContainerUrl(host.substring(0, host.indexOf('.')), path[0], "https://" + host,
        uri.getRawQuery());
  }

  /** True when the URL names account {@code accountName}, which may carry a DNS zone ({@code acc.z13}). */
  boolean namesAccount(String accountName) {
    return account.equalsIgnoreCase(accountName)
        || accountEndpoint.toLowerCase(Locale.ROOT).startsWith("https://" + accountName.toLowerCase(Locale.ROOT)
            + ".blob.");
  }

  static InvalidOptionException invalid(String optionKey, String url, String reason) {
    return Json.invalid(optionKey, "the SAS URL [" + Secrets.maskSasUrl(url) + "] is not usable: " + reason,
        TransientStorageParameters.SHAPE);
  }
}
