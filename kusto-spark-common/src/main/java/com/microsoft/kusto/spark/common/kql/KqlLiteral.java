package com.microsoft.kusto.spark.common.kql;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable, typed constant of the predicate model, rendered to KQL by {@link #toKql()}.
 *
 * <p>Each value carries its Kusto type so the rendered literal has exactly that type: {@code int(5)}, {@code 5} (long),
 * {@code real(1.5)}, {@code real(nan)}, {@code decimal(1.50)}, {@code datetime(2024-01-02T03:04:05.1234560Z)},
 * {@code timespan(1.02:03:04)}, {@code guid(...)}, {@code 'text'}. Datetimes are microseconds since the epoch in UTC
 * (Spark's unit) and must lie in Kusto's range (years 0001-9999); timespans are 100 ns ticks.
 */
public final class KqlLiteral {
  private final KustoType type;
  private final Object value;

  private KqlLiteral(KustoType type, Object value) {
    this.type = type;
    this.value = value;
  }

  /** A typed null (SQL NULL). Comparisons with it are never true; see {@link KqlPredicateCompiler}. */
  public static KqlLiteral nullOf(KustoType type) {
    return new KqlLiteral(Objects.requireNonNull(type, "type"), null);
  }

  public static KqlLiteral ofBoolean(boolean value) {
    return new KqlLiteral(KustoType.BOOL, value);
  }

  public static KqlLiteral ofInt(int value) {
    return new KqlLiteral(KustoType.INT, value);
  }

  public static KqlLiteral ofLong(long value) {
    return new KqlLiteral(KustoType.LONG, value);
  }

  /** A {@code real}; NaN and infinities are allowed and rendered as {@code real(nan)}, {@code real(+inf)}, ... */
  public static KqlLiteral ofDouble(double value) {
    return new KqlLiteral(KustoType.REAL, value);
  }

  public static KqlLiteral ofDecimal(BigDecimal value) {
    return new KqlLiteral(KustoType.DECIMAL, Objects.requireNonNull(value, "value"));
  }

  public static KqlLiteral ofString(String value) {
    return new KqlLiteral(KustoType.STRING, Objects.requireNonNull(value, "value"));
  }

  /**
   * A {@code datetime} from microseconds since 1970-01-01T00:00:00Z.
   *
   * @throws IllegalArgumentException when outside 0001-01-01..9999-12-31
   */
  public static KqlLiteral ofDatetimeMicros(long epochMicros) {
    KustoDatetime.checkMicros(epochMicros);
    return new KqlLiteral(KustoType.DATETIME, epochMicros);
  }

  /** A {@code datetime} from an instant, truncated to microseconds. */
  public static KqlLiteral ofDatetime(Instant instant) {
    return ofDatetimeMicros(KustoDatetime.toMicros(instant));
  }

  /** A {@code timespan} from 100 ns ticks (the whole {@code long} range is valid). */
  public static KqlLiteral ofTimespanTicks(long ticks) {
    return new KqlLiteral(KustoType.TIMESPAN, ticks);
  }

  public static KqlLiteral ofGuid(UUID value) {
    return new KqlLiteral(KustoType.GUID, Objects.requireNonNull(value, "value"));
  }

  public KustoType type() {
    return type;
  }

  public boolean isNull() {
    return value == null;
  }

  /**
   * The Java value: Boolean, Integer, Long (long, datetime micros, timespan ticks), Double, BigDecimal, String or
   * UUID; null for a null literal.
   */
  public Object value() {
    return value;
  }

  /** True for a {@code real} NaN. */
  public boolean isNaN() {
    return type == KustoType.REAL && value != null && Double.isNaN((Double) value);
  }

  /**
   * The KQL text of this literal.
   *
   * @throws IllegalArgumentException for a null string (Kusto strings are never null, so no such literal exists)
   */
  public String toKql() {
    if (value == null) {
      if (type == KustoType.STRING) {
        throw new IllegalArgumentException(
            "Kusto has no null string literal (empty and null strings are the same in Kusto): compare with '' or"
                + " use isempty() instead");
      }
      return type.cslName() + "(null)";
    }
    switch (type) {
      case BOOL:
        return value.toString();
      case INT:
        return "int(" + value + ")";
      case LONG:
        long l = (Long) value;
        // -9223372036854775808 would parse as negation of an out-of-range literal.
        return l == Long.MIN_VALUE ? "long(" + l + ")" : Long.toString(l);
      case REAL:
        return realLiteral((Double) value);
      case DECIMAL:
        return "decimal(" + ((BigDecimal) value).toPlainString() + ")";
      case STRING:
        return KqlSyntax.stringLiteral((String) value);
      case DATETIME:
        return "datetime(" + KustoDatetime.formatTicksPrecision((Long) value) + ")";
      case TIMESPAN:
        return "timespan(" + KustoTimespan.format((Long) value) + ")";
      case GUID:
        return "guid(" + value + ")";
      default:
        throw new IllegalStateException("No literal form for Kusto type " + type);
    }
  }

  private static String realLiteral(double d) {
    if (Double.isNaN(d)) {
      return "real(nan)";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "real(+inf)" : "real(-inf)";
    }
    // Double.toString is the shortest text that parses back to the same double.
    return "real(" + Double.toString(d) + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KqlLiteral)) {
      return false;
    }
    KqlLiteral other = (KqlLiteral) o;
    return type == other.type && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, value);
  }

  @Override
  public String toString() {
    return value == null ? type.cslName() + "(null)" : toKql();
  }
}
