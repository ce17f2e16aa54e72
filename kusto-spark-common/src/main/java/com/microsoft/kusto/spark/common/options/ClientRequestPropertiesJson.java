package com.microsoft.kusto.spark.common.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Json;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.util.Iterator;
import java.util.Map;

/**
 * Parses option {@code clientRequestPropertiesJson}: the JSON that {@code ClientRequestProperties.toString()}
 * gives, {@code {"Options":{...},"Parameters":{...}}}.
 *
 * <p>The SDK's own parser reads only the two keys spelled exactly {@code Options} and {@code Parameters} and drops
 * anything else without a word, so {@code {"options":{...}}} or {@code {"Option":{...}}} would silently send no
 * options. Here the two keys are matched ignoring case and handed to the SDK in its spelling, and any other
 * top-level key is an error naming the closest of the two. The names inside {@code Options} are not checked:
 * Kusto has hundreds of request options and accepts new ones without a connector release.
 */
final class ClientRequestPropertiesJson {
  private static final String OPTIONS = "Options";
  private static final String PARAMETERS = "Parameters";
  private static final String SHAPE = "the toString() of a com.microsoft.azure.kusto.data.ClientRequestProperties, "
      + "e.g. {\"Options\":{\"servertimeout\":\"00:10:00\"},\"Parameters\":{}}";
  private static final String FIX = "Use " + SHAPE + ".";

  private ClientRequestPropertiesJson() {}

  static ClientRequestProperties parse(String json) {
    String key = KustoCommonOptions.CLIENT_REQUEST_PROPERTIES_JSON.key();
    try {
      JsonNode root = Json.MAPPER.readTree(json);
      // The SDK accepts any JSON (an array gives empty properties); only an object can carry options.
      if (root == null || !root.isObject()) {
        throw invalid(key, "the value is not a JSON object");
      }
      ClientRequestProperties properties = ClientRequestProperties.fromString(inSdkSpelling(key, root).toString());
      if (properties == null) {
        throw invalid(key, "the value is empty");
      }
      return properties;
    } catch (JsonProcessingException e) {
      throw invalid(key, "it is not valid client request properties JSON: " + Secrets.redact(e.getOriginalMessage()));
    } catch (RuntimeException e) {
      if (e instanceof KustoConnectorException) {
        throw e;
      }
      throw invalid(key, "the SDK rejected it (" + e.getClass().getSimpleName() + ": " + Secrets.redact(e.getMessage())
          + ")");
    }
  }

  /** The same object with its two keys spelled as the SDK expects; other keys and non-object values rejected. */
  private static ObjectNode inSdkSpelling(String key, JsonNode root) {
    ObjectNode result = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String spelling = OPTIONS.equalsIgnoreCase(name) ? OPTIONS
          : PARAMETERS.equalsIgnoreCase(name) ? PARAMETERS : null;
      if (spelling == null) {
        throw Json.unknownField(key, name, SHAPE, OPTIONS, PARAMETERS);
      }
      if (result.has(spelling)) {
        throw invalid(key, "'" + spelling + "' is given twice (keys are matched ignoring case)");
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (!value.isObject()) {
        throw invalid(key, "the value of '" + name + "' is not a JSON object");
      }
      result.set(spelling, value);
    }
    return result;
  }

  private static InvalidOptionException invalid(String key, String reason) {
    return new InvalidOptionException(ErrorCode.INVALID_JSON_OPTION,
        KustoConnectorException.message("parse option '" + key + "'", reason, FIX), key);
  }
}
