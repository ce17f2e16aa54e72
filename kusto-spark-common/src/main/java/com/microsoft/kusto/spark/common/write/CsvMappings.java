package com.microsoft.kusto.spark.common.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.util.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CSV ingestion mappings as JSON text (Kusto's form
 * {@code [{"Column":"c","DataType":"long","Properties":{"Ordinal":"0"}}]})
 * and as the SDK's {@link ColumnMapping}s. The user's {@code csvMapping} may use Kusto's form or the SDK's bean form
 * ({@code columnName}, {@code columnType}, {@code properties}); property names are matched ignoring case.
 */
public final class CsvMappings {
  private static final String OPTION = "sparkIngestionPropertiesJson.csvMapping";
  private static final String SHAPE =
      "a JSON array of {\"Column\":\"name\",\"DataType\":\"type\",\"Properties\":{\"Ordinal\":\"0\"}}";

  private CsvMappings() {}

  /** One entry per DataFrame column: column {@code ordinal} of the CSV goes to {@code target}. */
  public static String generate(List<Integer> ordinals, List<KustoColumn> targets) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < ordinals.size(); i++) {
      ObjectNode entry = array.addObject();
      entry.put("Column", targets.get(i).name());
      entry.put("DataType", targets.get(i).type().cslName());
      entry.putObject("Properties").put("Ordinal", String.valueOf(ordinals.get(i)));
    }
    return array.toString();
  }

  /** {@code mapping} plus an entry filling {@code column} with the source blob's URL ({@code SourceLocation}). */
  static String withSourceLocation(String mapping, String column) {
    ArrayNode array = (ArrayNode) Json.parse(OPTION, mapping, false, SHAPE);
    ObjectNode entry = array.addObject();
    entry.put("Column", column);
    entry.put("DataType", "string");
    entry.putObject("Properties").put("Transform", "SourceLocation");
    return array.toString();
  }

  /** The SDK's column mappings of a mapping JSON. */
  public static ColumnMapping[] toColumnMappings(String json) {
    JsonNode root = Json.parse(OPTION, json, false, SHAPE);
    if (!root.isArray()) {
      throw Json.invalid(OPTION, "the mapping is not a JSON array", SHAPE);
    }
    List<ColumnMapping> mappings = new ArrayList<>();
    for (JsonNode entry : root) {
      String column = firstText(entry, "Column", "columnName", "Name");
      if (column == null) {
        throw Json.invalid(OPTION, "an entry has no column name", SHAPE);
      }
      String type = firstText(entry, "DataType", "columnType", "datatype");
      Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      JsonNode props = Json.fieldIgnoreCase(entry, "Properties");
      if (props != null && props.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          properties.put(field.getKey(), field.getValue().asText());
        }
      }
      for (String legacy : new String[] {"Ordinal", "ConstValue", "Transform"}) {
        JsonNode value = Json.fieldIgnoreCase(entry, legacy);
        if (value != null && !value.isNull()) {
          properties.put(legacy, value.asText());
        }
      }
      mappings.add(new ColumnMapping(column, type, properties));
    }
    return mappings.toArray(new ColumnMapping[0]);
  }

  private static String firstText(JsonNode entry, String... names) {
    for (String name : names) {
      JsonNode value = Json.fieldIgnoreCase(entry, name);
      if (value != null && !value.isNull() && !value.asText().isEmpty()) {
        return value.asText();
      }
    }
    return null;
  }

  static List<String> names(List<KustoColumn> columns) {
    List<String> names = new ArrayList<>(columns.size());
    for (KustoColumn column : columns) {
      names.add(column.name());
    }
    return Collections.unmodifiableList(names);
  }
}
