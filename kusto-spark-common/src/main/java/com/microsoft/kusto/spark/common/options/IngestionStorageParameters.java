package com.microsoft.kusto.spark.common.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.util.Endpoints;
import com.microsoft.kusto.spark.common.util.Json;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One user-provided staging container for writes (option {@code kustoIngestionStorageContainer}, a JSON array of
 * these): the storage account URL, the container, and how to get access — a SAS token ({@code sas}) or a
 * user-assigned managed identity ({@code userMsi}) that mints a user-delegation SAS. Build the option value with
 * {@link #toJsonString(List)}; {@link #toString()} hides the SAS.
 */
public final class IngestionStorageParameters implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SHAPE = "a JSON array of {\"storageUrl\":\"https://<account>.blob.core.windows.net\","
      + "\"containerName\":...,\"userMsi\":...,\"sas\":...} (build it with IngestionStorageParameters.toJsonString)";

  private final String storageUrl;
  private final String containerName;
  private final String userMsi;
  private final String sas;

  /**
   * @param userMsi client id of a user-assigned managed identity, or null
   * @param sas SAS token (with or without leading {@code ?}), or null
   */
  public IngestionStorageParameters(String storageUrl, String containerName, String userMsi, String sas) {
    String key = KustoWriteOptions.INGESTION_STORAGE.key();
    if (storageUrl == null || storageUrl.trim().isEmpty() || containerName == null
        || containerName.trim().isEmpty()) {
      throw Json.invalid(key, "each entry needs 'storageUrl' and 'containerName'", SHAPE);
    }
    URI uri;
    try {
      uri = URI.create(storageUrl.trim());
    } catch (IllegalArgumentException e) {
      throw Json.invalid(key, "'storageUrl' [" + Secrets.redact(storageUrl) + "] is not a URL", SHAPE);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawQuery() != null) {
      throw Json.invalid(key, "'storageUrl' must not contain a query; put the SAS token in 'sas'", SHAPE);
    }
    if (!(scheme.equals("https") || (scheme.equals("http") && Endpoints.isLoopbackHost(uri.getHost())))) {
      throw Json.invalid(key, "'storageUrl' [" + Secrets.redact(storageUrl) + "] must be an https URL (http only for loopback)",
          SHAPE);
    }
    this.storageUrl = storageUrl.trim().replaceAll("/+$", "");
    this.containerName = containerName.trim();
    this.userMsi = userMsi == null || userMsi.trim().isEmpty() ? null : userMsi.trim();
    this.sas = sas == null || sas.trim().isEmpty() ? null : sas.trim();
  }

  /** Parses the option value (a JSON array). */
  public static List<IngestionStorageParameters> fromJsonString(String json) {
    String key = KustoWriteOptions.INGESTION_STORAGE.key();
    JsonNode root = Json.parse(key, json, true, SHAPE);
    if (!root.isArray() || root.size() == 0) {
      throw Json.invalid(key, "the value is not a non-empty JSON array", SHAPE);
    }
    List<IngestionStorageParameters> result = new ArrayList<>();
    for (JsonNode entry : root) {
      if (!entry.isObject()) {
        throw Json.invalid(key, "each entry must be an object", SHAPE);
      }
      Json.requireOnlyFields(key, entry, SHAPE, "storageUrl", "containerName", "userMsi", "sas");
      result.add(new IngestionStorageParameters(Json.text(entry, "storageUrl"), Json.text(entry, "containerName"),
          Json.text(entry, "userMsi"), Json.text(entry, "sas")));
    }
    return Collections.unmodifiableList(result);
  }

  /** The option value for a list of containers. Contains SAS tokens: never log it. */
  public static String toJsonString(List<IngestionStorageParameters> containers) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (IngestionStorageParameters c : containers) {
      ObjectNode node = array.addObject();
      node.put("storageUrl", c.storageUrl);
      node.put("containerName", c.containerName);
      if (c.userMsi != null) {
        node.put("userMsi", c.userMsi);
      }
      if (c.sas != null) {
        node.put("sas", c.sas);
      }
    }
    return array.toString();
  }

  public String getStorageUrl() {
    return storageUrl;
  }

  public String getContainerName() {
    return containerName;
  }

  /** Client id of the user-assigned managed identity, or {@code null}. */
  public String getUserMsi() {
    return userMsi;
  }

  /** The SAS token, or {@code null}. Secret. */
  public String getSas() {
    return sas;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IngestionStorageParameters)) {
      return false;
    }
    IngestionStorageParameters other = (IngestionStorageParameters) o;
    return storageUrl.equals(other.storageUrl) && containerName.equals(other.containerName)
        && Objects.equals(userMsi, other.userMsi) && Objects.equals(sas, other.sas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storageUrl, containerName, userMsi);
  }

  /** URL, container and identity only; safe to log. */
  @Override
  public String toString() {
    return "IngestionStorageParameters{storageUrl=" + storageUrl + ", containerName=" + containerName
        + ", userMsi=" + userMsi + ", isSasDefined=" + (sas != null) + "}";
  }
}
