package com.microsoft.kusto.spark.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.util.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * User-managed storage for distributed-read exports (option {@code transientStorage}): one or more blob containers
 * and the storage endpoint suffix. Each container is given by
 *
 * <ul>
 *   <li>a SAS URL: {@code {"sasUrl":"https://<account>.blob.<suffix>/<container>?<sas>"}};</li>
 *   <li>account, container and SAS token: {@code {"storageAccountName":...,"blobContainer":...,"sasKey":"?<sas>"}}
 *       (a {@code sasUrl} without token may come with it, as the established connector writes it);</li>
 *   <li>account, account key and container:
 *       {@code {"storageAccountName":...,"storageAccountKey":...,"blobContainer":...}}.</li>
 * </ul>
 *
 * <p>Without a SAS URL the container URL is {@code https://<account>.blob.<suffix>/<container>}, the suffix being the
 * credential's {@code domainSuffix} or else {@code endpointSuffix}. {@code ;impersonate} credentials and OneLake
 * locations ({@code oneLakeUrl}) are refused, see {@link UnsupportedTransientStorage}.
 *
 * <p>The option value is the JSON that {@link #toInsecureString()} produces; property names are matched ignoring
 * case. {@link #toString()} is safe to log and therefore cannot be used as the option value.
 */
public final class TransientStorageParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Suffix of public Azure storage endpoints. */
  public static final String DEFAULT_ENDPOINT_SUFFIX = "core.windows.net";
  static final String OPTION = "transientStorage";
  static final String SHAPE = "{\"storageCredentials\":[...],\"endpointSuffix\":\"core.windows.net\"} with "
      + "credentials {\"sasUrl\":\"https://<account>.blob.<suffix>/<container>?<sas>\"}, {\"storageAccountName\":...,"
      + "\"blobContainer\":...,\"sasKey\":\"?<sas>\"} or {\"storageAccountName\":...,\"storageAccountKey\":...,"
      + "\"blobContainer\":...} (build it with TransientStorageParameters.toInsecureString())";

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
      parsed.add(TransientCredentialJson.parse(credential));
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
   * One container and the credential to it: a SAS token (from a SAS URL, or given as {@code sasKey} with account and
   * container) or an account key. Azurite-style loopback SAS URLs
   * {@code http://127.0.0.1:10000/<account>/<container>?<sas>} are understood too.
   */
  public static final class TransientStorageCredentials implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String storageAccountName;
    private final String blobContainer;
    private final String storageAccountKey;
    private final String sasUrl;
    private final String sasKey;
    /** The account endpoint read from a SAS URL; {@code null} when it is built from the suffix. */
    private final String blobEndpoint;
    /** This credential's own endpoint suffix, or {@code null} for the parameters' {@code endpointSuffix}. */
    private final String domainSuffix;

    /** A container given by its SAS URL. */
    public TransientStorageCredentials(String sasUrl) {
      this(sasUrl, OPTION);
    }

    /**
     * A container given by its SAS URL, read from option {@code optionKey} (errors name that option; the
     * read configuration uses it for the legacy {@code blobStorageSasUrl}).
     */
    public TransientStorageCredentials(String sasUrl, String optionKey) {
      this(fromSasUrl(sasUrl, null, null, null, optionKey));
    }

    /** A container given by account name, account key and container name. */
    public TransientStorageCredentials(String storageAccountName, String storageAccountKey, String blobContainer) {
      this(withAccountKey(storageAccountName, storageAccountKey, blobContainer, null));
    }

    private TransientStorageCredentials(TransientStorageCredentials other) {
      this(other.storageAccountName, other.blobContainer, other.storageAccountKey, other.sasUrl, other.sasKey,
          other.blobEndpoint, other.domainSuffix);
    }

    private TransientStorageCredentials(String storageAccountName, String blobContainer, String storageAccountKey,
        String sasUrl, String sasKey, String blobEndpoint, String domainSuffix) {
      this.storageAccountName = storageAccountName;
      this.blobContainer = blobContainer;
      this.storageAccountKey = storageAccountKey;
      this.sasUrl = sasUrl;
      this.sasKey = sasKey;
      this.blobEndpoint = blobEndpoint;
      this.domainSuffix = domainSuffix;
    }

    /**
     * A container given by account name, container name and SAS token (with or without the leading {@code ?});
     * its URL is {@code https://<account>.blob.<endpointSuffix>/<container>}.
     */
    public static TransientStorageCredentials withSasKey(String storageAccountName, String blobContainer,
        String sasKey) {
      return withSasKey(storageAccountName, blobContainer, sasKey, null);
    }

    /**
     * A SAS URL, with the token in it or, when {@code sasKey} is given, in {@code sasKey} (then a token in the URL
     * must be the same). {@code account} and {@code container}, when given, must be the ones the URL names: the
     * established connector writes them next to the URL, and if they differ, which container was meant is unknown.
     */
    static TransientStorageCredentials fromSasUrl(String sasUrl, String sasKey, String account, String container,
        String optionKey) {
      if (sasUrl == null || sasUrl.trim().isEmpty()) {
        throw Json.invalid(optionKey, "'sasUrl' is empty", SHAPE);
      }
      String url = sasUrl.trim();
      if (UnsupportedTransientStorage.isImpersonation(url) || UnsupportedTransientStorage.isImpersonation(sasKey)) {
        throw UnsupportedTransientStorage.impersonation(optionKey);
      }
      BlobContainerUrl parsed = BlobContainerUrl.parse(url, optionKey);
      if ((account != null && !parsed.namesAccount(account))
          || (container != null && !container.equals(parsed.container))) {
        throw Json.invalid(optionKey, "a credential's 'sasUrl' names container '" + parsed.container
            + "' of account '" + parsed.account + "' but its 'storageAccountName' and 'blobContainer' name '"
            + container + "' of '" + account + "'", SHAPE);
      }
      if (sasKey == null) {
        if (!hasSignature(parsed.query)) {
          throw BlobContainerUrl.invalid(optionKey, url, "it has no SAS token (no 'sig=' parameter)");
        }
        return new TransientStorageCredentials(parsed.account, parsed.container, null, url, "?" + parsed.query,
            parsed.accountEndpoint, null);
      }
      String token = sasToken(sasKey, optionKey);
      if (parsed.query != null && !("?" + parsed.query).equals(token)) {
        throw Json.invalid(optionKey, "'sasUrl' and 'sasKey' of container '" + parsed.container
            + "' hold different SAS tokens", SHAPE);
      }
      String full = parsed.accountEndpoint + "/" + parsed.container + token;
      return new TransientStorageCredentials(parsed.account, parsed.container, null, full, token,
          parsed.accountEndpoint, null);
    }

    static TransientStorageCredentials withSasKey(String storageAccountName, String blobContainer, String sasKey,
        String domainSuffix) {
      if (UnsupportedTransientStorage.isImpersonation(sasKey)) {
        throw UnsupportedTransientStorage.impersonation(OPTION);
      }
      String kind = "with 'sasKey'";
      String token = sasToken(requireField(sasKey, "sasKey", kind), OPTION);
      return new TransientStorageCredentials(requireField(storageAccountName, "storageAccountName", kind),
          requireField(blobContainer, "blobContainer", kind), null, null, token, null, blankToNull(domainSuffix));
    }

    static TransientStorageCredentials withAccountKey(String storageAccountName, String storageAccountKey,
        String blobContainer, String domainSuffix) {
      String kind = "without 'sasUrl'";
      String account = requireField(storageAccountName, "storageAccountName", kind);
      String key = requireField(storageAccountKey, "storageAccountKey", kind);
      return new TransientStorageCredentials(account, requireField(blobContainer, "blobContainer", kind), key, null,
          null, null, blankToNull(domainSuffix));
    }

    ObjectNode toJson() {
      ObjectNode node = Json.object();
      if (sasUrl != null) {
        node.put("sasUrl", sasUrl);
        return node;
      }
      node.put("storageAccountName", storageAccountName);
      if (sasKey != null) {
        node.put("sasKey", sasKey);
      } else {
        node.put("storageAccountKey", storageAccountKey);
      }
      node.put("blobContainer", blobContainer);
      if (domainSuffix != null) {
        node.put("domainSuffix", domainSuffix);
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

    /** The SAS URL (as given, or built from the URL and {@code sasKey}), or {@code null}. Secret. */
    public String getSasUrl() {
      return sasUrl;
    }

    /** The SAS token starting with {@code ?}, or {@code null} for account-key credentials. Secret. */
    public String getSasKey() {
      return sasKey;
    }

    /** True when a SAS token is defined. */
    public boolean isSasKeyDefined() {
      return sasKey != null;
    }

    /**
     * The account's blob endpoint read from the SAS URL ({@code https://acc.blob.core.windows.net}, or the
     * emulator's {@code http://127.0.0.1:10000/acc}); {@code null} for credentials without a SAS URL, see
     * {@link #accountEndpoint(String)}.
     */
    public String getBlobEndpoint() {
      return blobEndpoint;
    }

    /** This credential's own endpoint suffix ({@code domainSuffix}), or {@code null}. */
    public String getDomainSuffix() {
      return domainSuffix;
    }

    /**
     * The account's blob endpoint: the SAS URL's, or else {@code https://<account>.blob.<suffix>} with this
     * credential's {@code domainSuffix} or else {@code endpointSuffix} (or else {@code core.windows.net}).
     */
    public String accountEndpoint(String endpointSuffix) {
      if (blobEndpoint != null) {
        return blobEndpoint;
      }
      String suffix = domainSuffix != null ? domainSuffix : blankToNull(endpointSuffix);
      if (suffix == null) {
        suffix = DEFAULT_ENDPOINT_SUFFIX;
      }
      return "https://" + storageAccountName + ".blob." + suffix;
    }

    /** The container URL without credential, safe to log: {@code https://<account>.blob.<suffix>/<container>}. */
    public String containerUrl(String endpointSuffix) {
      return accountEndpoint(endpointSuffix) + "/" + blobContainer;
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
          && Objects.equals(sasUrl, other.sasUrl)
          && Objects.equals(sasKey, other.sasKey)
          && Objects.equals(domainSuffix, other.domainSuffix);
    }

    @Override
    public int hashCode() {
      return Objects.hash(storageAccountName, blobContainer);
    }

    /** Account and container only, plus whether a SAS is defined; safe to log. */
    @Override
    public String toString() {
      return "TransientStorageCredentials{storageAccountName=" + storageAccountName + ", blobContainer="
          + blobContainer + ", isSasKeyDefined=" + isSasKeyDefined() + "}";
    }

    /** {@code sasKey} as {@code ?<token>}; it must hold a signature. Never quoted in errors. */
    private static String sasToken(String sasKey, String optionKey) {
      String token = sasKey.trim().startsWith("?") ? sasKey.trim().substring(1) : sasKey.trim();
      if (!hasSignature(token)) {
        throw Json.invalid(optionKey, "'sasKey' is not a SAS token (no 'sig=' parameter)", SHAPE);
      }
      return "?" + token;
    }

    private static boolean hasSignature(String query) {
      return query != null && query.toLowerCase(Locale.ROOT).contains("sig=");
    }

    /** @param kind which credential needs the field, e.g. {@code "with 'sasKey'"} */
    private static String requireField(String value, String field, String kind) {
      if (value == null || value.trim().isEmpty()) {
        throw Json.invalid(OPTION, "a credential " + kind + " needs '" + field + "'", SHAPE);
      }
      return value.trim();
    }

    private static String blankToNull(String value) {
      return value == null || value.trim().isEmpty() ? null : value.trim();
    }
  }
}
