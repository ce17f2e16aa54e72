package com.microsoft.kusto.spark.common.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON parsing for JSON-valued options with error messages that name the option and, for secret options, never
 * quote the input (Jackson's own messages echo the offending token).
 */
public final class Json {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Parses {@code text} as JSON for option {@code key}.
   *
   * @param secret when true, the parser's message (which quotes input) is replaced by a line/column position
   */
  public static JsonNode parse(String key, String text, boolean secret, String expectedShape) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw invalid(key, "the value is empty", expectedShape);
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null
          ? "it is not valid JSON"
          : "it is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      String reason = secret ? where : where + ": " + Secrets.redact(e.getOriginalMessage());
      throw invalid(key, reason, expectedShape);
    }
  }

  /** An {@link ErrorCode#INVALID_JSON_OPTION} error for option {@code key}. */
  public static InvalidOptionException invalid(String key, String reason, String expectedShape) {
    return invalidWithFix(key, reason, "Expected " + expectedShape);
  }

  private static InvalidOptionException invalidWithFix(String key, String reason, String fix) {
    return new InvalidOptionException(ErrorCode.INVALID_JSON_OPTION,
        KustoConnectorException.message("parse option '" + key + "'", reason, fix + "."), key);
  }

  /** Finds a field of an object ignoring the case of its name, or {@code null}. */
  public static JsonNode fieldIgnoreCase(JsonNode object, String name) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /**
   * Rejects object fields not in {@code known} (case-insensitive), so a misspelled property is reported instead
   * of silently ignored; the error names the closest known property.
   */
  public static void requireOnlyFields(String key, JsonNode object, String expectedShape, String... known) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!isKnown(name, known)) {
        throw unknownField(key, name, expectedShape, known);
      }
    }
  }

  /** True when {@code name} equals one of {@code known}, ignoring case. */
  public static boolean isKnown(String name, String... known) {
    for (String k : known) {
      if (k.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error for property {@code name}, which is not one of {@code known}: lists the known properties and
   * suggests the closest one, since most unknown properties are typos.
   */
  public static InvalidOptionException unknownField(String key, String name, String expectedShape, String... known) {
    String nearest = EditDistance.nearest(name, Arrays.asList(known));
    return invalidWithFix(key, "unknown property [" + name + "]; allowed properties are " + String.join(", ", known),
        "Did you mean '" + nearest + "'? Expected " + expectedShape);
  }

  /** A text field (case-insensitive name) or {@code null}; non-text scalars are converted to text. */
  public static String text(JsonNode object, String name) {
    JsonNode node = fieldIgnoreCase(object, name);
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** A new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
