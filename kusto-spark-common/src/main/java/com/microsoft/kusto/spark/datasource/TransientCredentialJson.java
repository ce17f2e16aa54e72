package com.microsoft.kusto.spark.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kusto.spark.common.util.Json;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;

/**
 * Reads one entry of {@code transientStorage}'s {@code storageCredentials}. Accepts every property the established
 * connector writes with {@code toInsecureString} (it writes unset ones as {@code null}), so its option values keep
 * working; which credential an entry is follows from the properties it sets, see {@link TransientStorageParameters}.
 */
final class TransientCredentialJson {
  private static final String[] ONE_LAKE = {"oneLakeUrl", "oneLakeWorkspace", "oneLakeEndpoint",
      "oneLakeArtifactPath"};
  private static final String[] FIELDS = {"sasUrl", "sasKey", "storageAccountName", "storageAccountKey",
      "blobContainer", "domainSuffix", ONE_LAKE[0], ONE_LAKE[1], ONE_LAKE[2], ONE_LAKE[3]};

  private TransientCredentialJson() {}

  static TransientStorageCredentials parse(JsonNode node) {
    String option = TransientStorageParameters.OPTION;
    String shape = TransientStorageParameters.SHAPE;
    Json.requireOnlyFields(option, node, shape, FIELDS);
    for (String field : ONE_LAKE) {
      if (text(node, field) != null) {
        throw UnsupportedTransientStorage.oneLake();
      }
    }
    String sasUrl = text(node, "sasUrl");
    String sasKey = text(node, "sasKey");
    String key = text(node, "storageAccountKey");
    String account = text(node, "storageAccountName");
    String container = text(node, "blobContainer");
    String domainSuffix = text(node, "domainSuffix");
    if (UnsupportedTransientStorage.isImpersonation(sasUrl) || UnsupportedTransientStorage.isImpersonation(sasKey)) {
      throw UnsupportedTransientStorage.impersonation(option);
    }
    if (key != null && (sasUrl != null || sasKey != null)) {
      throw Json.invalid(option, "a credential has both a SAS ('sasUrl' or 'sasKey') and 'storageAccountKey'",
          shape);
    }
    if (sasUrl != null) {
      return TransientStorageCredentials.fromSasUrl(sasUrl, sasKey, account, container, option);
    }
    if (sasKey != null) {
      return TransientStorageCredentials.withSasKey(account, container, sasKey, domainSuffix);
    }
    if (key != null) {
      return TransientStorageCredentials.withAccountKey(account, key, container, domainSuffix);
    }
    throw Json.invalid(option, "a credential has no 'sasUrl', 'sasKey' or 'storageAccountKey'", shape);
  }

  /** A text property, {@code null} when absent, JSON null or blank. */
  private static String text(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
