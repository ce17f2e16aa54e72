package com.microsoft.kusto.spark.common.kql;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a filter value as Spark hands it over (Boolean, Integer, Long, Double, BigDecimal, String, Timestamp,
 * Instant, or null) into the literal for a column of a known Kusto type, or empty when no literal of that type
 * compares exactly as Spark would. Shared by both adapters' filter converters.
 */
public final class KqlLiterals {
  private KqlLiterals() {}

  /**
   * The literal for comparing a {@code columnType} column with {@code value}.
   *
   * <ul>
   *   <li>null: the typed null of the column (SQL NULL; not for string columns, which Kusto cannot hold null);
   *   <li>integers widen to int/long columns when in range; Float/Double to real; BigDecimal to decimal;
   *   <li>Timestamp/Instant to datetime (an instant, so the JVM time zone plays no part), if within 0001-9999;
   *   <li>String only for string columns, and for guid columns when the text is the canonical lower-case guid form
   *       (the form Spark reads), so the string comparison and the guid comparison agree;
   *   <li>anything else (timespan and dynamic columns, which Spark reads as text; dates; byte arrays): empty.
   * </ul>
   */
  public static Optional<KqlLiteral> forColumn(KustoType columnType, Object value) {
    if (value == null) {
      return columnType == KustoType.STRING || columnType == KustoType.DYNAMIC
          ? Optional.<KqlLiteral>empty()
          : Optional.of(KqlLiteral.nullOf(columnType));
    }
    switch (columnType) {
      case BOOL:
        return value instanceof Boolean ? Optional.of(KqlLiteral.ofBoolean((Boolean) value)) : Optional.<KqlLiteral>empty();
      case INT:
        if (isIntegral(value) && fitsInt(((Number) value).longValue())) {
          return Optional.of(KqlLiteral.ofInt(((Number) value).intValue()));
        }
        return Optional.empty();
      case LONG:
        return isIntegral(value) ? Optional.of(KqlLiteral.ofLong(((Number) value).longValue())) : Optional.<KqlLiteral>empty();
      case REAL:
        return value instanceof Double || value instanceof Float
            ? Optional.of(KqlLiteral.ofDouble(((Number) value).doubleValue()))
            : Optional.<KqlLiteral>empty();
      case DECIMAL:
        return value instanceof BigDecimal ? Optional.of(KqlLiteral.ofDecimal((BigDecimal) value)) : Optional.<KqlLiteral>empty();
      case STRING:
        return value instanceof String ? Optional.of(KqlLiteral.ofString((String) value)) : Optional.<KqlLiteral>empty();
      case DATETIME:
        return datetime(value);
      case GUID:
        return guid(value);
      default:
        return Optional.empty();
    }
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
  }

  private static boolean fitsInt(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  private static Optional<KqlLiteral> datetime(Object value) {
    long micros;
    if (value instanceof Timestamp) {
      Timestamp ts = (Timestamp) value;
      // getTime() holds the millis, getNanos() the whole fraction of the second.
      micros = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000L + ts.getNanos() / 1000;
    } else if (value instanceof Instant) {
      micros = KustoDatetime.toMicros((Instant) value);
    } else {
      return Optional.empty();
    }
    if (micros < KustoDatetime.MIN_MICROS || micros > KustoDatetime.MAX_MICROS) {
      return Optional.empty();
    }
    return Optional.of(KqlLiteral.ofDatetimeMicros(micros));
  }

  private static Optional<KqlLiteral> guid(Object value) {
    if (!(value instanceof String)) {
      return Optional.empty();
    }
    String text = (String) value;
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equals(text) ? Optional.of(KqlLiteral.ofGuid(uuid)) : Optional.<KqlLiteral>empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
