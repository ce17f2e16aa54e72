package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the one DuckDB SELECT that loads a local data file into a table: {@code read_csv} (every field as
 * VARCHAR, then converted with Kusto's rules), {@code read_json_objects} (values picked by JSON path) or
 * {@code read_parquet} (columns picked by name), with the ingestion mapping applied. The SELECT yields the
 * table's columns in order, named {@code c0..cN}, in their storage representation; DuckDB does all per-row work.
 */
final class LoadSqlBuilder {
  private LoadSqlBuilder() {}

  /** What is known about the file before the SELECT is built. */
  record Source(
      Path file,
      boolean gzip,
      DataFormat format,
      boolean ignoreFirstRecord,
      int csvFieldCount,
      Map<String, String> parquetColumnTypes,
      String sourceLocation) {}

  static String build(TableSchema table, Source source, Optional<IngestionMapping> mapping) {
    mapping.ifPresent(m -> checkMapping(table, source.format(), m));
    switch (source.format().mappingKind()) {
      case CSV:
        return csv(table, source, mapping);
      case JSON:
        return json(table, source, mapping);
      case PARQUET:
        return parquet(table, source, mapping);
      default:
        throw new IllegalStateException("unreachable: " + source.format());
    }
  }

  private static void checkMapping(TableSchema table, DataFormat format, IngestionMapping mapping) {
    if (mapping.kind() != format.mappingKind()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Ingestion mapping of kind '" + mapping.kind().kustoName() + "' cannot be used with data format '"
              + format.kustoName() + "'; use a " + format.mappingKind().kustoName() + " mapping");
    }
    for (MappingColumn column : mapping.columns()) {
      if (table.indexOf(column.column()).isEmpty()) {
        throw KustoRequestException.badRequest(
            "BadRequest_InvalidMapping",
            "Ingestion mapping refers to column '" + column.column() + "', which table '" + table.name()
                + "' does not have (columns: " + table.cslSchema() + ")");
      }
    }
  }

  private static Map<String, MappingColumn> byColumn(Optional<IngestionMapping> mapping) {
    Map<String, MappingColumn> result = new HashMap<>();
    mapping.ifPresent(m -> m.columns().forEach(c -> result.put(c.column(), c)));
    return result;
  }

  private static String csv(TableSchema table, Source source, Optional<IngestionMapping> mapping) {
    int fields = Math.max(source.csvFieldCount(), mapping.isPresent() ? 0 : table.columns().size());
    for (MappingColumn c : mapping.map(IngestionMapping::columns).orElse(List.of())) {
      fields = Math.max(fields, c.ordinal().map(o -> o + 1).orElse(0));
    }
    fields = Math.max(fields, 1);
    StringBuilder columns = new StringBuilder("{");
    for (int i = 0; i < fields; i++) {
      columns.append(i == 0 ? "" : ", ").append("'f").append(i).append("': 'VARCHAR'");
    }
    columns.append('}');
    char delimiter = source.format().delimiter().orElseThrow();
    // Not parallel: DuckDB's parallel scanner cannot pad short rows when quoted fields hold line breaks, and
    // Kusto allows both. strict_mode=false ignores fields beyond the last mapped one, as Kusto does.
    String from =
        "read_csv(" + literal(source.file().toString()) + ", header=false, auto_detect=false, columns=" + columns
            + ", delim=" + literal(String.valueOf(delimiter)) + ", quote='\"', escape='\"', null_padding=true,"
            + " allow_quoted_nulls=false, strict_mode=false, parallel=false, compression=" + (source.gzip() ? "'gzip'" : "'none'")
            + (source.ignoreFirstRecord() ? ", skip=1" : "") + ")";
    Map<String, MappingColumn> mapped = byColumn(mapping);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema column = table.columns().get(i);
      String expr;
      if (mapping.isEmpty()) {
        expr = KustoValueSql.fromText(column.type(), field(i));
      } else {
        MappingColumn m = mapped.get(column.name());
        expr =
            m == null
                ? nullOf(column.type())
                : mappedValue(column.type(), m, source, m.ordinal().map(LoadSqlBuilder::field));
      }
      select.add(expr + " AS " + TableSchema.sqlColumn(i));
    }
    return "SELECT " + String.join(", ", select) + " FROM " + from;
  }

  private static String field(int ordinal) {
    return "\"f" + ordinal + "\"";
  }

  private static String json(TableSchema table, Source source, Optional<IngestionMapping> mapping) {
    // 'auto' reads newline-delimited objects, a top-level array of objects, and pretty-printed objects in a row.
    String from =
        "read_json_objects(" + literal(source.file().toString()) + ", format='auto', compression="
            + (source.gzip() ? "'gzip'" : "'uncompressed'") + ")";
    Map<String, MappingColumn> mapped = byColumn(mapping);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema column = table.columns().get(i);
      String expr;
      if (mapping.isEmpty()) {
        expr = jsonValue(column.type(), "$." + quoteJsonKey(column.name()));
      } else {
        MappingColumn m = mapped.get(column.name());
        if (m == null) {
          expr = nullOf(column.type());
        } else if (m.constValue().isPresent() || m.transform().isPresent() && m.path().isEmpty()) {
          expr = mappedValue(column.type(), m, source, Optional.empty());
        } else {
          String path = duckDbJsonPath(m.path().orElse("$." + quoteJsonKey(column.name())));
          expr =
              m.transform().isPresent()
                  ? mappedValue(column.type(), m, source, Optional.of(jsonText(path)))
                  : jsonValue(column.type(), path);
        }
      }
      select.add(expr + " AS " + TableSchema.sqlColumn(i));
    }
    // Like Kusto, ignoreFirstRecord only applies to the delimited-text formats.
    return "SELECT " + String.join(", ", select) + " FROM " + from;
  }

  private static String jsonText(String path) {
    return path.equals("$") ? "CAST(json AS VARCHAR)" : "json_extract_string(json, " + literal(path) + ")";
  }

  private static String jsonValue(KustoType type, String path) {
    if (type == KustoType.DYNAMIC) {
      String value = path.equals("$") ? "CAST(json AS JSON)" : "json_extract(json, " + literal(path) + ")";
      return "CASE WHEN " + value + " IS NULL OR json_type(" + value + ") = 'NULL' THEN NULL ELSE " + value + " END";
    }
    return KustoValueSql.fromText(type, jsonText(path));
  }

  private static String quoteJsonKey(String name) {
    return "\"" + name.replace("\"", "\\\"") + "\"";
  }

  /** Kusto JSON paths ({@code $.a.b}, {@code $['a b']}, {@code $.a[0]}) in DuckDB's spelling. */
  static String duckDbJsonPath(String kustoPath) {
    String path = kustoPath.trim();
    if (!path.startsWith("$")) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping", "JSON path '" + kustoPath + "' must start with '$'");
    }
    StringBuilder out = new StringBuilder("$");
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[' && i + 1 < path.length() && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
        char quote = path.charAt(i + 1);
        int end = path.indexOf(quote, i + 2);
        if (end < 0 || end + 1 >= path.length() || path.charAt(end + 1) != ']') {
          throw KustoRequestException.badRequest(
              "BadRequest_InvalidMapping", "JSON path '" + kustoPath + "' has an unterminated ['...'] element");
        }
        out.append('.').append(quoteJsonKey(path.substring(i + 2, end)));
        i = end + 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String parquet(TableSchema table, Source source, Optional<IngestionMapping> mapping) {
    String from = "read_parquet(" + literal(source.file().toString()) + ")";
    Map<String, MappingColumn> mapped = byColumn(mapping);
    Map<String, String> sourceColumns = new HashMap<>();
    source.parquetColumnTypes().forEach((name, type) -> sourceColumns.put(name.toLowerCase(Locale.ROOT), name));
    List<String> select = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema column = table.columns().get(i);
      MappingColumn m = mapped.get(column.name());
      String expr;
      if (mapping.isPresent() && m == null) {
        expr = nullOf(column.type());
      } else if (m != null && (m.constValue().isPresent() || m.transform().isPresent() && m.path().isEmpty())) {
        expr = mappedValue(column.type(), m, source, Optional.empty());
      } else {
        List<String> path = m == null ? List.of(column.name())
            : m.path().map(LoadSqlBuilder::parquetPath).orElse(List.of(column.name()));
        String field = path.get(0);
        String actual = source.parquetColumnTypes().containsKey(field) ? field : sourceColumns.get(field.toLowerCase(Locale.ROOT));
        if (actual == null) {
          expr = nullOf(column.type());
        } else if (path.size() > 1) {
          expr = nestedValue(column.type(), "\"" + actual.replace("\"", "\"\"") + "\"", path.subList(1, path.size()),
              m, source);
        } else {
          String ref = "\"" + actual.replace("\"", "\"\"") + "\"";
          String sourceType = source.parquetColumnTypes().get(actual);
          expr =
              m != null && m.transform().isPresent()
                  ? mappedValue(column.type(), m, source, Optional.of("CAST(" + ref + " AS VARCHAR)"))
                  : typedValue(column.type(), ref, sourceType);
        }
      }
      select.add(expr + " AS " + TableSchema.sqlColumn(i));
    }
    return "SELECT " + String.join(", ", select) + " FROM " + from;
  }

  /**
   * The field names along a Parquet mapping path: {@code $.a}, {@code $.a.b}, {@code $['a']['b']} (a nested group's
   * field), or a bare column name.
   */
  static List<String> parquetPath(String path) {
    String p = path.trim();
    if (!p.startsWith("$")) {
      return List.of(p);
    }
    List<String> names = new ArrayList<>();
    int i = 1;
    while (i < p.length()) {
      if (p.charAt(i) == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        names.add(p.substring(i + 1, end));
        i = end;
      } else if (p.startsWith("['", i) && p.indexOf("']", i + 2) > 0) {
        int end = p.indexOf("']", i + 2);
        names.add(p.substring(i + 2, end));
        i = end + 2;
      } else {
        throw KustoRequestException.badRequest("BadRequest_InvalidMapping",
            "Parquet mapping path '" + path + "' is not of the form $.field, $.group.field or $['field']");
      }
    }
    if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
      throw KustoRequestException.badRequest("BadRequest_InvalidMapping",
          "Parquet mapping path '" + path + "' names no field");
    }
    return names;
  }

  /** A field inside a nested group, read through its JSON form: dynamic as JSON, other types from its text. */
  private static String nestedValue(KustoType type, String column, List<String> fields, MappingColumn m,
      Source source) {
    StringBuilder jsonPath = new StringBuilder("$");
    for (String field : fields) {
      jsonPath.append(".\"").append(field.replace("\"", "\\\"")).append('"');
    }
    String json = "to_json(" + column + ")";
    String path = literal(jsonPath.toString());
    if (m != null && m.transform().isPresent()) {
      return mappedValue(type, m, source, Optional.of("json_extract_string(" + json + ", " + path + ")"));
    }
    if (type == KustoType.DYNAMIC) {
      return "json_extract(" + json + ", " + path + ")";
    }
    return KustoValueSql.fromText(type, "json_extract_string(" + json + ", " + path + ")");
  }

  /** Converts a typed (Parquet) column to the target type, directly when the types allow, else via text. */
  private static String typedValue(KustoType target, String ref, String sourceType) {
    String source = sourceType.toUpperCase(Locale.ROOT);
    boolean text = source.equals("VARCHAR");
    if (text) {
      return KustoValueSql.fromText(target, ref);
    }
    switch (target) {
      case BOOL:
      case INT:
      case LONG:
      case REAL:
      case DECIMAL:
      case GUID:
        return "TRY_CAST(" + ref + " AS " + target.duckDbType() + ")";
      case STRING:
        return source.equals("JSON") || source.startsWith("STRUCT") || source.endsWith("[]") || source.startsWith("MAP")
            ? "coalesce(CAST(to_json(" + ref + ") AS VARCHAR), '')"
            : "coalesce(CAST(" + ref + " AS VARCHAR), '')";
      case DATETIME:
        if (source.startsWith("TIMESTAMP WITH TIME ZONE")) {
          return "timezone('UTC', " + ref + ")";
        }
        if (source.startsWith("TIMESTAMP") || source.equals("DATE")) {
          return "CAST(" + ref + " AS TIMESTAMP)";
        }
        return KustoValueSql.fromText(target, "CAST(" + ref + " AS VARCHAR)");
      case TIMESPAN:
        if (source.equals("INTERVAL")) {
          return "CAST(epoch_us(TIMESTAMP '1970-01-01' + " + ref + ") * 10 AS BIGINT)";
        }
        return "TRY_CAST(" + ref + " AS BIGINT)";
      case DYNAMIC:
        return "CASE WHEN " + ref + " IS NULL THEN NULL ELSE to_json(" + ref + ") END";
      default:
        throw new IllegalStateException("unreachable: " + target);
    }
  }

  /** A mapped value with a constant or a transformation; {@code text} is the source value as VARCHAR. */
  private static String mappedValue(KustoType type, MappingColumn m, Source source, Optional<String> text) {
    if (m.constValue().isPresent()) {
      return KustoValueSql.fromText(type, literal(m.constValue().get()));
    }
    if (m.transform().isEmpty()) {
      return text.map(t -> KustoValueSql.fromText(type, t)).orElse(nullOf(type));
    }
    String transform = m.transform().get();
    switch (transform.toLowerCase(Locale.ROOT)) {
      case "sourcelocation":
        return KustoValueSql.fromText(type, literal(source.sourceLocation()));
      case "datetimefromunixseconds":
        return unixTime(type, text, m, 1_000_000d);
      case "datetimefromunixmilliseconds":
        return unixTime(type, text, m, 1_000d);
      case "datetimefromunixmicroseconds":
        return unixTime(type, text, m, 1d);
      case "datetimefromunixnanoseconds":
        return unixTime(type, text, m, 0.001d);
      default:
        throw KustoRequestException.unsupported(
            "ingestion mapping transformation '" + transform + "' (of column '" + m.column() + "')");
    }
  }

  private static String unixTime(KustoType type, Optional<String> text, MappingColumn m, double microsPerUnit) {
    if (type != KustoType.DATETIME || text.isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidMapping",
          "Transformation '" + m.transform().orElse("") + "' of column '" + m.column()
              + "' needs a datetime column and a source value (Ordinal or Path)");
    }
    return "make_timestamp(CAST(TRY_CAST(" + text.get() + " AS DOUBLE) * " + microsPerUnit + " AS BIGINT))";
  }

  private static String nullOf(KustoType type) {
    return type == KustoType.STRING ? "''" : "CAST(NULL AS " + type.duckDbType() + ")";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
