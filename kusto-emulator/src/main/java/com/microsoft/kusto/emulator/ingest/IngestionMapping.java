package com.microsoft.kusto.emulator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ingestion mapping as Kusto accepts it, in any of its JSON spellings: the current one
 * ({@code {"Column":"a","DataType":"int","Properties":{"Ordinal":"0"}}}), the SDK's
 * ({@code {"columnName":"a","columnType":"int","properties":{"Path":"$.a"}}}) and the legacy flat one
 * ({@code {"Name":"a","Ordinal":0}}, {@code {"column":"a","path":"$.a"}}). Keys are matched case-insensitively.
 */
public record IngestionMapping(MappingKind kind, List<MappingColumn> columns, String text) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public IngestionMapping {
    columns = List.copyOf(columns);
  }

  /** Parses {@code text} (a JSON array) as a mapping of {@code kind}, or a permanent error naming what is wrong. */
  public static IngestionMapping parse(MappingKind kind, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Ingestion mapping is not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(text));
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Ingestion mapping must be a non-empty JSON array of column mappings, got: " + abbreviate(text));
    }
    List<MappingColumn> columns = new ArrayList<>();
    for (JsonNode entry : root) {
      columns.add(parseColumn(kind, entry));
    }
    return new IngestionMapping(kind, columns, text);
  }

  private static MappingColumn parseColumn(MappingKind kind, JsonNode entry) {
    if (!entry.isObject()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping", "Ingestion mapping entry must be a JSON object, got: " + entry);
    }
    JsonNode properties = field(entry, "properties");
    Optional<String> column = text(entry, null, "column", "columnname", "name");
    if (column.isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping", "Ingestion mapping entry has no 'Column' name: " + entry);
    }
    Optional<KustoType> type =
        text(entry, null, "datatype", "columntype")
            .filter(s -> !s.isBlank())
            .map(
                s ->
                    KustoType.parse(s)
                        .orElseThrow(
                            () ->
                                KustoRequestException.badRequest(
                                    "BadRequest_InvalidMapping",
                                    "Ingestion mapping of column '" + column.get() + "' has unknown DataType '" + s
                                        + "'")));
    Optional<Integer> ordinal =
        text(entry, properties, "ordinal")
            .map(
                s -> {
                  try {
                    return Integer.parseInt(s.trim());
                  } catch (NumberFormatException e) {
                    throw KustoRequestException.badRequest(
                        "BadRequest_InvalidMapping",
                        "Ingestion mapping of column '" + column.get() + "' has Ordinal '" + s
                            + "', which is not a non-negative integer");
                  }
                });
    Optional<String> path = text(entry, properties, "path", "field");
    Optional<String> constValue = text(entry, properties, "constvalue", "const");
    Optional<String> transform = text(entry, properties, "transform").filter(s -> !s.isBlank() && !s.equals("None"));
    if (kind == MappingKind.CSV && ordinal.isEmpty() && constValue.isEmpty() && transform.isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Csv ingestion mapping of column '" + column.get() + "' needs an 'Ordinal' or a 'ConstValue'");
    }
    if (ordinal.isPresent() && ordinal.get() < 0) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Ingestion mapping of column '" + column.get() + "' has negative Ordinal " + ordinal.get());
    }
    return new MappingColumn(column.get(), type, ordinal, path, constValue, transform);
  }

  private static JsonNode field(JsonNode object, String lowerName) {
    if (object == null || !object.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A property as text, looked up first in {@code Properties} and then at the entry's top level. */
  private static Optional<String> text(JsonNode entry, JsonNode properties, String... lowerNames) {
    for (JsonNode scope : new JsonNode[] {properties, entry}) {
      for (String name : lowerNames) {
        JsonNode value = field(scope, name);
        if (value != null && !value.isNull()) {
          return Optional.of(value.isValueNode() ? value.asText() : value.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
