package com.microsoft.kusto.spark.datasink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.util.Json;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Ingestion properties a write applies to every blob (option {@code sparkIngestionPropertiesJson}): extent tags,
 * {@code ingestIfNotExists} deduplication, the extents' creation time, a CSV mapping (inline JSON or a reference to
 * a mapping created on the table) and {@code flushImmediately}.
 *
 * <p>Immutable; {@link #toString()} returns the JSON to pass as the option value and {@link #fromString} parses it.
 * {@code creationTime} is written as ISO-8601 text; when parsing, epoch seconds (a JSON number, as Jackson writes
 * {@code Instant}s by default) are accepted too.
 */
public final class SparkIngestionProperties implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String OPTION = "sparkIngestionPropertiesJson";
  private static final String SHAPE = "a JSON object with any of flushImmediately, dropByTags, ingestByTags, "
      + "additionalTags, ingestIfNotExists, creationTime, csvMapping, csvMappingNameReference "
      + "(build it with SparkIngestionProperties.toString())";

  private final boolean flushImmediately;
  private final List<String> dropByTags;
  private final List<String> ingestByTags;
  private final List<String> additionalTags;
  private final List<String> ingestIfNotExists;
  private final Instant creationTime;
  private final String csvMapping;
  private final String csvMappingNameReference;

  /** No properties set. */
  public SparkIngestionProperties() {
    this(false, null, null, null, null, null, null, null);
  }

  /**
   * All properties, in the established connector's constructor order; lists and strings may be null.
   *
   * @param csvMapping the JSON array of a CSV ingestion mapping
   * @param csvMappingNameReference name of a CSV mapping already created on the target table
   */
  public SparkIngestionProperties(boolean flushImmediately, List<String> dropByTags, List<String> ingestByTags,
      List<String> additionalTags, List<String> ingestIfNotExists, Instant creationTime, String csvMapping,
      String csvMappingNameReference) {
    this.flushImmediately = flushImmediately;
    this.dropByTags = copy(dropByTags);
    this.ingestByTags = copy(ingestByTags);
    this.additionalTags = copy(additionalTags);
    this.ingestIfNotExists = copy(ingestIfNotExists);
    this.creationTime = creationTime;
    this.csvMapping = blankToNull(csvMapping);
    this.csvMappingNameReference = blankToNull(csvMappingNameReference);
    if (this.csvMapping != null) {
      JsonNode mapping = Json.parse(OPTION, this.csvMapping, false, "'csvMapping' to be a JSON array of column mappings");
      if (!mapping.isArray()) {
        throw Json.invalid(OPTION, "'csvMapping' is not a JSON array", "a JSON array of column mappings");
      }
    }
    if (this.csvMapping != null && this.csvMappingNameReference != null) {
      throw Json.invalid(OPTION, "both 'csvMapping' and 'csvMappingNameReference' are set", "only one of them");
    }
  }

  /** Parses the option value. */
  public static SparkIngestionProperties fromString(String json) {
    JsonNode root = Json.parse(OPTION, json, false, SHAPE);
    if (!root.isObject()) {
      throw Json.invalid(OPTION, "the value is not a JSON object", SHAPE);
    }
    Json.requireOnlyFields(OPTION, root, SHAPE, "flushImmediately", "dropByTags", "ingestByTags", "additionalTags",
        "ingestIfNotExists", "creationTime", "csvMapping", "csvMappingNameReference");
    JsonNode flush = Json.fieldIgnoreCase(root, "flushImmediately");
    if (flush != null && !flush.isNull() && !flush.isBoolean()) {
      throw Json.invalid(OPTION, "'flushImmediately' is not a boolean", SHAPE);
    }
    JsonNode mapping = Json.fieldIgnoreCase(root, "csvMapping");
    String csvMapping = mapping == null || mapping.isNull() ? null
        : mapping.isTextual() ? mapping.asText() : mapping.toString();
    return new SparkIngestionProperties(flush != null && flush.asBoolean(), list(root, "dropByTags"),
        list(root, "ingestByTags"), list(root, "additionalTags"), list(root, "ingestIfNotExists"),
        instant(root), csvMapping, Json.text(root, "csvMappingNameReference"));
  }

  private static List<String> list(JsonNode root, String name) {
    JsonNode node = Json.fieldIgnoreCase(root, name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw Json.invalid(OPTION, "'" + name + "' is not an array of strings", SHAPE);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw Json.invalid(OPTION, "'" + name + "' is not an array of strings", SHAPE);
      }
      values.add(element.asText());
    }
    return values;
  }

  private static Instant instant(JsonNode root) {
    JsonNode node = Json.fieldIgnoreCase(root, "creationTime");
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw Json.invalid(OPTION, "'creationTime' [" + node.asText() + "] is not an ISO-8601 instant",
          "for example \"2024-05-01T00:00:00Z\"");
    }
  }

  public boolean isFlushImmediately() {
    return flushImmediately;
  }

  /** Tags that a later {@code .drop extents} can select by; {@code null} when unset. */
  public List<String> getDropByTags() {
    return dropByTags;
  }

  /** {@code ingest-by:} tags; {@code null} when unset. */
  public List<String> getIngestByTags() {
    return ingestByTags;
  }

  /** Other extent tags; {@code null} when unset. */
  public List<String> getAdditionalTags() {
    return additionalTags;
  }

  /** Skip a blob when an extent with one of these {@code ingest-by:} tags exists; {@code null} when unset. */
  public List<String> getIngestIfNotExists() {
    return ingestIfNotExists;
  }

  /** Creation time given to the new extents (for retention of back-filled data); {@code null} when unset. */
  public Instant getCreationTime() {
    return creationTime;
  }

  /** The inline CSV mapping JSON, or {@code null}. */
  public String getCsvMapping() {
    return csvMapping;
  }

  /** Name of a CSV mapping on the target table, or {@code null}. */
  public String getCsvMappingNameReference() {
    return csvMappingNameReference;
  }

  /** The JSON to pass as option {@code sparkIngestionPropertiesJson}; unset properties are omitted. */
  @Override
  public String toString() {
    ObjectNode root = Json.object();
    root.put("flushImmediately", flushImmediately);
    putList(root, "dropByTags", dropByTags);
    putList(root, "ingestByTags", ingestByTags);
    putList(root, "additionalTags", additionalTags);
    putList(root, "ingestIfNotExists", ingestIfNotExists);
    if (creationTime != null) {
      root.put("creationTime", creationTime.toString());
    }
    if (csvMapping != null) {
      root.put("csvMapping", csvMapping);
    }
    if (csvMappingNameReference != null) {
      root.put("csvMappingNameReference", csvMappingNameReference);
    }
    return root.toString();
  }

  private static void putList(ObjectNode root, String name, List<String> values) {
    if (values != null) {
      ArrayNode array = root.putArray(name);
      for (String value : values) {
        array.add(value);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SparkIngestionProperties)) {
      return false;
    }
    SparkIngestionProperties other = (SparkIngestionProperties) o;
    return flushImmediately == other.flushImmediately && Objects.equals(dropByTags, other.dropByTags)
        && Objects.equals(ingestByTags, other.ingestByTags) && Objects.equals(additionalTags, other.additionalTags)
        && Objects.equals(ingestIfNotExists, other.ingestIfNotExists)
        && Objects.equals(creationTime, other.creationTime) && Objects.equals(csvMapping, other.csvMapping)
        && Objects.equals(csvMappingNameReference, other.csvMappingNameReference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(flushImmediately, dropByTags, ingestByTags, additionalTags, ingestIfNotExists, creationTime,
        csvMapping, csvMappingNameReference);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value;
  }
}
