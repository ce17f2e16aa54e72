package com.microsoft.kusto.spark.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.util.Endpoints;
import com.microsoft.kusto.spark.common.util.Json;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * User-managed storage for distributed-read exports (option {@code transientStorage}): one or more blob containers,
 * each given by a SAS URL or by account name + account key + container, and the storage endpoint suffix.
 *
 * <p>The option value is the JSON that {@link #toInsecureString()} produces, for example
 * {@code {"storageCredentials":[{"sasUrl":"https://acc.blob.core.windows.net/c?sv=...&sig=..."}],
 * "endpointSuffix":"core.windows.net"}}; property names are matched ignoring case. {@link #toString()} is safe to
 * log and therefore cannot be used as the option value.
 */
public final class TransientStorageParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Suffix of public Azure storage endpoints. */
  public static final String DEFAULT_ENDPOINT_SUFFIX = "core.windows.net";
  static final String OPTION = "transientStorage";
  private static final String SHAPE = "{\"storageCredentials\":[{\"sasUrl\":\"https://<account>.blob.<suffix>/"
      + "<container>?<sas>\"} or {\"storageAccountName\":...,\"storageAccountKey\":...,\"blobContainer\":...}],"
      + "\"endpointSuffix\":\"core.windows.net\"} (build it with TransientStorageParameters.toInsecureString())";

  private final List<TransientStorageCredentials> storageCredentials;
  private final String endpointSuffix;

  /** Containers on public Azure ({@link #DEFAULT_ENDPOINT_SUFFIX}). */
  public TransientStorageParameters(List<TransientStorageCredentials> storageCredentials) {
    this(storageCredentials, DEFAULT_ENDPOINT_SUFFIX);
  }

  public TransientStorageParameters(List<TransientStorageCredentials> storageCredentials, String endpointSuffix) {
    if (storageCredentials == null || storageCredentials.isEmpty()) {
      throw Json.invalid(OPTION, "'storageCredentials' is empty", SHAPE);
    }
    this.storageCredentials = Collections.unmodifiableList(new ArrayList<>(storageCredentials));
    this.endpointSuffix = endpointSuffix == null || endpointSuffix.trim().isEmpty()
        ? DEFAULT_ENDPOINT_SUFFIX : endpointSuffix.trim();
  }

  /** Convenience for a single container. */
  public TransientStorageParameters(TransientStorageCredentials... storageCredentials) {
    this(Arrays.asList(storageCredentials));
  }

  /**
   * Parses the option value.
   *
   * @throws InvalidOptionException naming {@code transientStorage}; the message never quotes the input
   */
  public static TransientStorageParameters fromString(String json) {
    JsonNode root = Json.parse(OPTION, json, true, SHAPE);
    if (!root.isObject()) {
      throw Json.invalid(OPTION, "the value is not a JSON object", SHAPE);
    }
    Json.requireOnlyFields(OPTION, root, SHAPE, "storageCredentials", "endpointSuffix");
    JsonNode credentials = Json.fieldIgnoreCase(root, "storageCredentials");
    if (credentials == null || !credentials.isArray() || credentials.size() == 0) {
      throw Json.invalid(OPTION, "'storageCredentials' must be a non-empty array", SHAPE);
    }
    List<TransientStorageCredentials> parsed = new ArrayList<>();
    for (JsonNode credential : credentials) {
      if (!credential.isObject()) {
        throw Json.invalid(OPTION, "each entry of 'storageCredentials' must be an object", SHAPE);
      }
      parsed.add(TransientStorageCredentials.fromJson(credential));
    }
    return new TransientStorageParameters(parsed, Json.text(root, "endpointSuffix"));
  }

  public List<TransientStorageCredentials> getStorageCredentials() {
    return storageCredentials;
  }

  public String getEndpointSuffix() {
    return endpointSuffix;
  }

  /** The JSON to pass as option {@code transientStorage}. Contains the secrets: never log it. */
  public String toInsecureString() {
    ObjectNode root = Json.object();
    ArrayNode array = root.putArray("storageCredentials");
    for (TransientStorageCredentials c : storageCredentials) {
      array.add(c.toJson());
    }
    root.put("endpointSuffix", endpointSuffix);
    return root.toString();
  }

  /** Accounts and containers only, safe to log. */
  @Override
  public String toString() {
    return "TransientStorageParameters{storageCredentials=" + storageCredentials + ", endpointSuffix="
        + endpointSuffix + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransientStorageParameters
        && ((TransientStorageParameters) o).storageCredentials.equals(storageCredentials)
        && ((TransientStorageParameters) o).endpointSuffix.equals(endpointSuffix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storageCredentials, endpointSuffix);
  }

  /**
   * One container: by SAS URL (account and container are read from the URL; Azurite-style loopback URLs
   * {@code http://127.0.0.1:10000/<account>/<container>?<sas>} are understood too), or by account name, account key
   * and container. A SAS URL ending in {@code ;impersonate} means Kusto accesses the container with the caller's
   * identity and carries no token.
   */
  public static final class TransientStorageCredentials implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String IMPERSONATE = ";impersonate";

    private final String storageAccountName;
    private final String blobContainer;
    private final String storageAccountKey;
    private final String sasUrl;
    private final String sasKey;
    private final String blobEndpoint;

    /** A container given by its SAS URL. */
    public TransientStorageCredentials(String sasUrl) {
      this(sasUrl, OPTION);
    }

    /**
     * A container given by its SAS URL, read from option {@code optionKey} (errors name that option; the
     * read configuration uses it for the legacy {@code blobStorageSasUrl}).
     */
    public TransientStorageCredentials(String sasUrl, String optionKey) {
      if (sasUrl == null || sasUrl.trim().isEmpty()) {
        throw Json.invalid(optionKey, "'sasUrl' is empty", SHAPE);
      }
      String url = sasUrl.trim();
      boolean impersonate = url.toLowerCase(Locale.ROOT).endsWith(IMPERSONATE);
      String withoutMarker = impersonate ? url.substring(0, url.length() - IMPERSONATE.length()) : url;
      URI uri;
      try {
        uri = new URI(withoutMarker);
      } catch (URISyntaxException e) {
        throw invalidSas(optionKey, url, "it is not a valid URL");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean loopback = Endpoints.isLoopbackHost(uri.getHost());
      if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
        throw invalidSas(optionKey, url, "it must be an https URL (http only for loopback hosts)");
      }
      String[] path = uri.getPath() == null ? new String[0] : uri.getPath().replaceAll("^/+|/+$", "").split("/");
      String account;
      String container;
      String endpoint;
      if (loopback) {
        // Azurite and other emulators address the account in the path: /<account>/<container>.
        if (path.length != 2 || path[0].isEmpty()) {
          throw invalidSas(optionKey, url, "a loopback SAS URL must look like http://127.0.0.1:<port>/<account>/<container>?<sas>");
        }
        account = path[0];
        container = path[1];
        endpoint = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/" + account;
      } else {
        String host = uri.getHost();
        if (host == null || !host.contains(".blob.") || path.length != 1 || path[0].isEmpty()) {
          throw invalidSas(optionKey, url, "it must look like https://<account>.blob.<suffix>/<container>?<sas>");
        }
        account = host.substring(0, host.indexOf('.'));
        container = path[0];
        endpoint = "https://" + host;
      }
      String query = uri.getRawQuery();
      if (!impersonate && (query == null || !query.toLowerCase(Locale.ROOT).contains("sig="))) {
        throw invalidSas(optionKey, url, "it has no SAS token (no 'sig=' parameter)");
      }
      this.storageAccountName = account;
      this.blobContainer = container;
      this.storageAccountKey = null;
      this.sasUrl = url;
      this.sasKey = impersonate ? null : "?" + query;
      this.blobEndpoint = endpoint;
    }

    /** A container given by account name, account key and container name. */
    public TransientStorageCredentials(String storageAccountName, String storageAccountKey, String blobContainer) {
      this.storageAccountName = requireField(storageAccountName, "storageAccountName");
      this.storageAccountKey = requireField(storageAccountKey, "storageAccountKey");
      this.blobContainer = requireField(blobContainer, "blobContainer");
      this.sasUrl = null;
      this.sasKey = null;
      this.blobEndpoint = null;
    }

    static TransientStorageCredentials fromJson(JsonNode node) {
      Json.requireOnlyFields(OPTION, node, SHAPE, "sasUrl", "storageAccountName", "storageAccountKey",
          "blobContainer", "sasKey", "domainSuffix");
      String sasUrl = Json.text(node, "sasUrl");
      String key = Json.text(node, "storageAccountKey");
      String account = Json.text(node, "storageAccountName");
      String container = Json.text(node, "blobContainer");
      if (sasUrl != null && key != null) {
        throw Json.invalid(OPTION, "a credential has both 'sasUrl' and 'storageAccountKey'", SHAPE);
      }
      if (sasUrl != null) {
        return new TransientStorageCredentials(sasUrl);
      }
      if (key != null) {
        return new TransientStorageCredentials(account, key, container);
      }
      throw Json.invalid(OPTION, "a credential has neither 'sasUrl' nor 'storageAccountKey'", SHAPE);
    }

    ObjectNode toJson() {
      ObjectNode node = Json.object();
      if (sasUrl != null) {
        node.put("sasUrl", sasUrl);
      } else {
        node.put("storageAccountName", storageAccountName);
        node.put("storageAccountKey", storageAccountKey);
        node.put("blobContainer", blobContainer);
      }
      return node;
    }

    public String getStorageAccountName() {
      return storageAccountName;
    }

    public String getBlobContainer() {
      return blobContainer;
    }

    /** The account key, or {@code null} for SAS credentials. Secret. */
    public String getStorageAccountKey() {
      return storageAccountKey;
    }

    /** The SAS URL as given, or {@code null} for account-key credentials. Secret. */
    public String getSasUrl() {
      return sasUrl;
    }

    /** The SAS token starting with {@code ?}, or {@code null}. Secret. */
    public String getSasKey() {
      return sasKey;
    }

    /** True when a SAS token is defined. */
    public boolean isSasKeyDefined() {
      return sasKey != null;
    }

    /** True for {@code ;impersonate} SAS URLs. */
    public boolean isImpersonate() {
      return sasUrl != null && sasKey == null;
    }

    /**
     * The account's blob endpoint read from the SAS URL ({@code https://acc.blob.core.windows.net}, or the
     * emulator's {@code http://127.0.0.1:10000/acc}); {@code null} for account-key credentials, whose endpoint
     * is {@code https://<account>.blob.<endpointSuffix>}.
     */
    public String getBlobEndpoint() {
      return blobEndpoint;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof TransientStorageCredentials)) {
        return false;
      }
      TransientStorageCredentials other = (TransientStorageCredentials) o;
      return Objects.equals(storageAccountName, other.storageAccountName)
          && Objects.equals(blobContainer, other.blobContainer)
          && Objects.equals(storageAccountKey, other.storageAccountKey)
          && Objects.equals(sasUrl, other.sasUrl);
    }

    @Override
    public int hashCode() {
      return Objects.hash(storageAccountName, blobContainer);
    }

    /** Account and container only, plus whether a SAS is defined; safe to log. */
    @Override
    public String toString() {
      return "TransientStorageCredentials{storageAccountName=" + storageAccountName + ", blobContainer="
          + blobContainer + ", isSasKeyDefined=" + isSasKeyDefined() + (isImpersonate() ? ", impersonate" : "")
          + "}";
    }

    private static String requireField(String value, String field) {
      if (value == null || value.trim().isEmpty()) {
        throw Json.invalid(OPTION, "a credential without 'sasUrl' needs '" + field + "'", SHAPE);
      }
      return value.trim();
    }

    private static InvalidOptionException invalidSas(String optionKey, String url, String reason) {
      return Json.invalid(optionKey, "the SAS URL [" + Secrets.maskSasUrl(url) + "] is not usable: " + reason, SHAPE);
    }
  }
}
