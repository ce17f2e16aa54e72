package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions between Kusto's text forms, the canonical Java cell values of {@link ResultTable} and DuckDB SQL
 * literals in the storage representation of {@link KustoType}.
 */
public final class KustoValues {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final DateTimeFormatter DATETIME_OUT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
          .appendLiteral('Z')
          .toFormatter(Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Pattern TIMESPAN =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");

  private KustoValues() {}

  /** Kusto's datetime text: ISO-8601 UTC with 7 fraction digits and {@code Z}. */
  public static String formatDatetime(Instant instant) {
    return DATETIME_OUT.format(instant);
  }

  /** Kusto's timespan text: {@code [-][d.]hh:mm:ss.fffffff}. */
  public static String formatTimespan(Duration duration) {
    long ticks = toTicks(duration);
    boolean negative = ticks < 0;
    long abs = Math.abs(ticks);
    long totalSeconds = abs / TICKS_PER_SECOND;
    long fraction = abs % TICKS_PER_SECOND;
    long days = totalSeconds / 86_400;
    long hours = (totalSeconds / 3600) % 24;
    long minutes = (totalSeconds / 60) % 60;
    long seconds = totalSeconds % 60;
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    if (days > 0) {
      out.append(days).append('.');
    }
    out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, seconds));
    if (fraction != 0) {
      out.append(String.format(Locale.ROOT, ".%07d", fraction));
    }
    return out.toString();
  }

  public static long toTicks(Duration duration) {
    return duration.getSeconds() * TICKS_PER_SECOND + duration.getNano() / 100;
  }

  public static Duration fromTicks(long ticks) {
    return Duration.ofSeconds(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
  }

  /** Parses Kusto's datetime text (ISO with or without zone; no zone means UTC). */
  public static Instant parseDatetime(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return java.time.LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          throw KustoRequestException.badRequest(
              "General_BadRequest", "Cannot parse '" + text + "' as a datetime: use ISO-8601, e.g. 2024-01-02T03:04:05Z");
        }
      }
    }
  }

  /** Parses Kusto's timespan text {@code [-][d.]hh:mm[:ss[.fffffff]]}. */
  public static Duration parseTimespan(String text) {
    Matcher m = TIMESPAN.matcher(text.trim());
    if (!m.matches()) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "Cannot parse '" + text + "' as a timespan: use [d.]hh:mm:ss[.fffffff]");
    }
    long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long seconds = days * 86_400 + Long.parseLong(m.group(3)) * 3600 + Long.parseLong(m.group(4)) * 60;
    if (m.group(5) != null) {
      seconds += Long.parseLong(m.group(5));
    }
    long ticks = seconds * TICKS_PER_SECOND;
    if (m.group(6) != null) {
      ticks += Long.parseLong((m.group(6) + "0000000").substring(0, 7));
    }
    return fromTicks(m.group(1) != null ? -ticks : ticks);
  }

  /**
   * Parses one value as it appears in CSV (inline ingestion, ingestion sources) into the canonical Java value;
   * an empty field is null, except for strings.
   */
  public static Object parseText(KustoType type, String text) {
    if (text == null) {
      return null;
    }
    if (type == KustoType.STRING) {
      return text;
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return switch (type) {
        case BOOL -> parseBool(t);
        case INT -> Integer.valueOf(t);
        case LONG -> Long.valueOf(t);
        case REAL -> Double.valueOf(t);
        case DECIMAL -> new BigDecimal(t);
        case DATETIME -> parseDatetime(t);
        case TIMESPAN -> parseTimespan(t);
        case GUID -> UUID.fromString(t);
        case DYNAMIC -> parseDynamic(t);
        case STRING -> t;
      };
    } catch (NumberFormatException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidCsvValue", "Cannot convert '" + text + "' to " + type.kustoName());
    }
  }

  private static Boolean parseBool(String t) {
    if (t.equalsIgnoreCase("true") || t.equals("1")) {
      return true;
    }
    if (t.equalsIgnoreCase("false") || t.equals("0")) {
      return false;
    }
    throw KustoRequestException.badRequest("BadRequest_InvalidCsvValue", "Cannot convert '" + t + "' to bool");
  }

  private static JsonNode parseDynamic(String t) {
    try {
      return JSON.readTree(t);
    } catch (Exception e) {
      // Kusto keeps a non-JSON value of a dynamic column as a JSON string.
      return JSON.getNodeFactory().textNode(t);
    }
  }

  /** A DuckDB SQL literal holding {@code value} (canonical Java value) in the storage representation of type. */
  public static String sqlLiteral(KustoType type, Object value) {
    if (value == null) {
      return "CAST(NULL AS " + type.duckDbType() + ")";
    }
    return switch (type) {
      case BOOL -> ((Boolean) value) ? "TRUE" : "FALSE";
      case INT -> "CAST(" + ((Number) value).intValue() + " AS INTEGER)";
      case LONG -> "CAST(" + ((Number) value).longValue() + " AS BIGINT)";
      case REAL -> realLiteral(((Number) value).doubleValue());
      case DECIMAL -> "CAST('" + ((BigDecimal) value).toPlainString() + "' AS DECIMAL(38,18))";
      case DATETIME -> "CAST('" + LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC) + "' AS TIMESTAMP)";
      case TIMESPAN -> "CAST(" + toTicks((Duration) value) + " AS BIGINT)";
      case STRING -> quote(value.toString());
      case GUID -> "CAST('" + value + "' AS UUID)";
      case DYNAMIC -> "CAST(" + quote(value instanceof JsonNode n ? n.toString() : value.toString()) + " AS JSON)";
    };
  }

  private static String realLiteral(double d) {
    if (Double.isNaN(d)) {
      return "CAST('NaN' AS DOUBLE)";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
    }
    return "CAST(" + Double.toString(d) + " AS DOUBLE)";
  }

  /** A SQL string literal. */
  public static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
