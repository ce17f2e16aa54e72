package com.microsoft.kusto.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A queued-ingestion message as the SDK posts it (Base64 of JSON; camelCase keys from the Java SDK, PascalCase
 * from others — keys are matched case-insensitively).
 */
public record IngestionMessage(
    String id,
    String blobPath,
    String database,
    String table,
    boolean flushImmediately,
    String reportLevel,
    String reportMethod,
    Optional<StatusRowRef> statusRow,
    Map<String, String> additionalProperties) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the SDK expects the status of this ingestion: a row of the status table. */
  public record StatusRowRef(String tableUrl, String partitionKey, String rowKey) {}

  /** Parses the queue message text: Base64-encoded JSON, or plain JSON. */
  public static IngestionMessage parse(String messageText) {
    String text = messageText.trim();
    if (!text.startsWith("{")) {
      try {
        text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw KustoRequestException.badRequest(
            "BadRequest_CorruptedMessage", "Ingestion queue message is neither JSON nor Base64 of JSON");
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_CorruptedMessage", "Ingestion queue message is not valid JSON: " + e.getMessage());
    }
    Map<String, JsonNode> fields = lowerCaseFields(root);
    String id = required(fields, "id");
    Optional<StatusRowRef> statusRow = Optional.empty();
    JsonNode status = fields.get("ingestionstatusintable");
    if (status != null && status.isObject()) {
      Map<String, JsonNode> s = lowerCaseFields(status);
      statusRow =
          Optional.of(new StatusRowRef(required(s, "tableconnectionstring"), required(s, "partitionkey"), required(s, "rowkey")));
    }
    Map<String, String> additional = new HashMap<>();
    JsonNode props = fields.get("additionalproperties");
    if (props != null && props.isObject()) {
      props.fields().forEachRemaining(e -> additional.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    }
    return new IngestionMessage(
        id,
        required(fields, "blobpath"),
        required(fields, "databasename"),
        required(fields, "tablename"),
        fields.containsKey("flushimmediately") && fields.get("flushimmediately").asBoolean(false),
        text(fields, "reportlevel").orElse("FailuresOnly"),
        text(fields, "reportmethod").orElse("Queue"),
        statusRow,
        additional);
  }

  private static Map<String, JsonNode> lowerCaseFields(JsonNode node) {
    Map<String, JsonNode> result = new HashMap<>();
    if (node != null && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        result.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    return result;
  }

  private static Optional<String> text(Map<String, JsonNode> fields, String key) {
    JsonNode value = fields.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static String required(Map<String, JsonNode> fields, String key) {
    return text(fields, key)
        .orElseThrow(
            () ->
                KustoRequestException.badRequest(
                    "BadRequest_CorruptedMessage", "Ingestion queue message has no '" + key + "' field"));
  }

  /** Whether a success is to be written to the status table (only when successes are reported). */
  public boolean reportsSuccessToTable() {
    return statusRow.isPresent() && reportsToTable() && reportLevel.equalsIgnoreCase("FailuresAndSuccesses");
  }

  /** Whether a failure or skip is to be written to the status table. */
  public boolean reportsFailureToTable() {
    return statusRow.isPresent() && reportsToTable() && !reportLevel.equalsIgnoreCase("None");
  }

  /** Whether outcomes are also posted to the successful/failed-ingestions queues. */
  public boolean reportsToQueue() {
    return reportMethod.equalsIgnoreCase("Queue") || reportMethod.equalsIgnoreCase("QueueAndTable");
  }

  private boolean reportsToTable() {
    return reportMethod.equalsIgnoreCase("Table") || reportMethod.equalsIgnoreCase("QueueAndTable");
  }
}
