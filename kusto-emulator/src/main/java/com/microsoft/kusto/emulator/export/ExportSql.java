package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.kql.CompiledQuery;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SELECT an export writes: the compiled query's columns under their Kusto names, converted from the storage
 * representation to what Kusto writes. Parquet: datetime as a UTC-adjusted timestamp (Spark reads TimestampType),
 * guid and dynamic as strings, timespan as its ticks (int64). CSV: Kusto's text forms — datetime
 * {@code 2024-01-02T03:04:05.1234560Z}, timespan {@code [-][d.]hh:mm:ss[.fffffff]}, dynamic as JSON text.
 */
final class ExportSql {
  private ExportSql() {}

  static String select(CompiledQuery query, boolean parquet) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < query.columns().size(); i++) {
      ColumnSchema column = query.columns().get(i);
      String ref = "\"c" + i + "\"";
      columns.add((parquet ? parquetValue(column, ref) : csvValue(column, ref)) + " AS " + identifier(column.name()));
    }
    return "SELECT " + String.join(", ", columns) + " FROM (" + query.sql() + ")";
  }

  private static String parquetValue(ColumnSchema column, String ref) {
    switch (column.type()) {
      case DATETIME:
        return "timezone('UTC', " + ref + ")";
      case GUID:
      case DYNAMIC:
        return "CAST(" + ref + " AS VARCHAR)";
      default:
        return ref;
    }
  }

  private static String csvValue(ColumnSchema column, String ref) {
    switch (column.type()) {
      case DATETIME:
        return "strftime(" + ref + ", '%Y-%m-%dT%H:%M:%S.%f0Z')";
      case TIMESPAN:
        return timespanText(ref);
      case GUID:
      case DYNAMIC:
        return "CAST(" + ref + " AS VARCHAR)";
      default:
        return ref;
    }
  }

  /** Ticks to Kusto's timespan text. */
  static String timespanText(String t) {
    String a = "abs(" + t + ")";
    return "CASE WHEN " + t + " IS NULL THEN NULL ELSE (CASE WHEN " + t + " < 0 THEN '-' ELSE '' END)"
        + " || (CASE WHEN " + a + " >= 864000000000 THEN CAST(" + a + " // 864000000000 AS VARCHAR) || '.' ELSE '' END)"
        + " || lpad(CAST((" + a + " // 36000000000) % 24 AS VARCHAR), 2, '0')"
        + " || ':' || lpad(CAST((" + a + " // 600000000) % 60 AS VARCHAR), 2, '0')"
        + " || ':' || lpad(CAST((" + a + " // 10000000) % 60 AS VARCHAR), 2, '0')"
        + " || (CASE WHEN " + a + " % 10000000 <> 0 THEN '.' || lpad(CAST(" + a + " % 10000000 AS VARCHAR), 7, '0')"
        + " ELSE '' END) END";
  }

  /** A read_csv over an exported CSV file with the export's layout, for counting its records. */
  static String readCsv(Path file, CompiledQuery query, ExportSettings settings, boolean header) {
    StringBuilder columns = new StringBuilder("{");
    for (int i = 0; i < query.columns().size(); i++) {
      columns.append(i == 0 ? "" : ", ").append("'f").append(i).append("': 'VARCHAR'");
    }
    columns.append('}');
    return "read_csv(" + literal(file.toString()) + ", header=false, auto_detect=false, columns=" + columns
        + ", delim=',', quote='\"', escape='\"', null_padding=true, strict_mode=false, parallel=false, compression="
        + (settings.csvGzip() ? "'gzip'" : "'none'") + (header ? ", skip=1" : "") + ")";
  }

  /** Schema of the scratch tables a distributed export materializes its result in; no Kusto table lives there. */
  static final String SCRATCH_SCHEMA = "memory.\"$export\"";

  static String scratchTable(java.util.UUID id) {
    return SCRATCH_SCHEMA + "." + identifier("e" + id.toString().replace("-", ""));
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
