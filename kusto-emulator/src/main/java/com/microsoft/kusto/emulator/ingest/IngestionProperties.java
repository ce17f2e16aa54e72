package com.microsoft.kusto.emulator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ingestion properties the emulator honours, read from a queued message's {@code additionalProperties} (all
 * values strings, keys matched case-insensitively) or a streaming request's query parameters.
 *
 * <p>{@code flushImmediately} is accepted and has nothing to do: every ingestion is committed as its own extent
 * as soon as it is loaded, which is what flushing immediately asks for.
 */
public record IngestionProperties(
    DataFormat format,
    Optional<IngestionMapping> inlineMapping,
    Optional<String> mappingReference,
    List<String> tags,
    List<String> ingestIfNotExists,
    Optional<Instant> creationTime,
    boolean ignoreFirstRecord,
    boolean flushImmediately) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public IngestionProperties {
    tags = List.copyOf(tags);
    ingestIfNotExists = List.copyOf(ingestIfNotExists);
  }

  /** Reads the properties; {@code flushImmediately} comes from the message's top level, not this map. */
  public static IngestionProperties fromMap(Map<String, String> properties, boolean flushImmediately) {
    Map<String, String> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    properties.forEach(
        (k, v) -> {
          if (v != null) {
            p.put(k, v);
          }
        });
    DataFormat format = DataFormat.parse(p.getOrDefault("format", "csv"));
    MappingKind kind =
        Optional.ofNullable(p.get("ingestionMappingType"))
            .filter(s -> !s.isBlank())
            .map(MappingKind::parse)
            .orElse(format.mappingKind());
    Optional<IngestionMapping> inline =
        Optional.ofNullable(p.get("ingestionMapping"))
            .filter(s -> !s.isBlank())
            .map(text -> IngestionMapping.parse(kind, text));
    Optional<String> reference = Optional.ofNullable(p.get("ingestionMappingReference")).filter(s -> !s.isBlank());
    return new IngestionProperties(
        format,
        inline,
        reference,
        stringArray(p, "tags"),
        stringArray(p, "ingestIfNotExists"),
        Optional.ofNullable(p.get("creationTime")).filter(s -> !s.isBlank()).map(IngestionProperties::instant),
        Boolean.parseBoolean(p.getOrDefault("ignoreFirstRecord", "false").trim()),
        flushImmediately || Boolean.parseBoolean(p.getOrDefault("flushImmediately", "false").trim()));
  }

  private static List<String> stringArray(Map<String, String> p, String key) {
    String text = p.get(key);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      JsonNode node = JSON.readTree(text);
      List<String> values = new ArrayList<>();
      if (node != null && node.isArray()) {
        node.forEach(n -> values.add(n.asText()));
        return values;
      }
    } catch (JsonProcessingException e) {
      // fall through to the error below
    }
    throw KustoRequestException.badRequest(
        "BadRequest_MalformedIngestionProperty",
        "Ingestion property '" + key + "' must be a JSON array of strings, got: " + text);
  }

  /** Kusto accepts ISO 8601 with or without an offset (UTC assumed) and 7 fraction digits. */
  static Instant instant(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw KustoRequestException.badRequest(
            "BadRequest_MalformedIngestionProperty",
            "Ingestion property 'creationTime' is not an ISO 8601 datetime: '" + text
                + "' (use e.g. 2024-01-02T03:04:05Z)");
      }
    }
  }

  /** The tags whose prefix is {@code ingest-by:}, without it. */
  public List<String> ingestByTags() {
    List<String> result = new ArrayList<>();
    for (String tag : tags) {
      if (tag.toLowerCase(Locale.ROOT).startsWith("ingest-by:")) {
        result.add(tag.substring("ingest-by:".length()));
      }
    }
    return result;
  }
}
