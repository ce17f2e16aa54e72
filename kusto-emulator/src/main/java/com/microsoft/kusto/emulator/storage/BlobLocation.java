package com.microsoft.kusto.emulator.storage;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A blob or container URL handed to the emulator, split into container, blob name (may be empty for a container URL), and the SAS or
 * account key that came with it. Path style ({@code /devstoreaccount1/container/blob}) is what the emulator hands
 * out; production style ({@code devstoreaccount1.blob.core.windows.net/container/blob}) is accepted too. The
 * emulator always reaches Azurite itself on 127.0.0.1, so the URL's host need not resolve here.
 */
public record BlobLocation(String url, String containerUrl, String container, String blobName, Optional<String> sas) {

  /** Parses {@code http(s)://host:port/[account/]container[/blob][?sas]}. */
  public static BlobLocation parse(String url) {
    String trimmed = url.trim();
    int query = trimmed.indexOf('?');
    String base = query < 0 ? trimmed : trimmed.substring(0, query);
    Optional<String> sas = query < 0 ? Optional.empty() : Optional.of(trimmed.substring(query + 1));
    URI uri;
    try {
      uri = new URI(base);
    } catch (URISyntaxException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlobUri", "Storage URL '" + base + "' is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getRawPath() == null) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlobUri", "Storage URL '" + base + "' must look like http://host:port/account/container/blob");
    }
    String path = uri.getRawPath().startsWith("/") ? uri.getRawPath().substring(1) : uri.getRawPath();
    String[] parts = path.split("/", -1);
    int index = 0;
    boolean productionStyle =
        !parts[0].equals(DevStorageAccount.NAME)
            && StorageHostNames.isProductionStyle(uri.getHost())
            && uri.getHost().startsWith(DevStorageAccount.NAME + ".");
    if (!productionStyle) {
      String account = parts[index++];
      if (!account.equals(DevStorageAccount.NAME)) {
        throw KustoRequestException.badRequest(
            "BadRequest_InvalidBlobUri",
            "Storage URL '" + base + "' names account '" + account + "'; the emulator's Azurite only has '"
                + DevStorageAccount.NAME + "'");
      }
    }
    if (index >= parts.length || parts[index].isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlobUri", "Storage URL '" + base + "' has no container name");
    }
    String container = parts[index++];
    String containerUrl = uri.getScheme() + "://" + uri.getRawAuthority() + "/" + String.join("/", Arrays.copyOfRange(parts, 0, index));
    StringBuilder blob = new StringBuilder();
    for (int i = index; i < parts.length; i++) {
      blob.append(i == index ? "" : "/").append(parts[i]);
    }
    return new BlobLocation(base, containerUrl, decode(container), decode(blob.toString()), sas);
  }

  private static String decode(String raw) {
    // Percent-decoding only: '+' in a blob name is a literal plus, not a space.
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The URL without its SAS: what Kusto reports as the ingestion source path. */
  public String withoutSas() {
    return url;
  }
}
