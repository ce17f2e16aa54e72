package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Converts one column's values from their canonical Java form to Spark's internal form for the column's Spark type.
 * Both read modes decode into the same canonical form first ({@link KustoJsonValues} for single mode,
 * {@link ParquetValues} for distributed mode), so the two modes produce identical rows by construction.
 *
 * <p>Canonical forms by Kusto type: bool {@code Boolean}, int {@code Integer}, long {@code Long}, real {@code Double},
 * decimal {@code BigDecimal}, datetime {@code Long} epoch microseconds (UTC), timespan {@code Long} ticks, string and
 * guid {@code String}, dynamic {@code String} holding compact JSON text.
 *
 * <p>The Spark type is normally the one {@code SparkTypes.readSchema} derives; with {@code customSchema} it is the
 * user's, so a few widenings and any conversion to string are accepted too. Anything else is refused when the read
 * is planned, naming the column.
 */
public final class SparkValueConverter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private enum Target {
    STRING, BOOLEAN, INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, DECIMAL, TIMESTAMP, DATE
  }

  private final String column;
  private final KustoType source;
  private final Target target;
  private final int precision;
  private final int scale;

  private SparkValueConverter(String column, KustoType source, Target target, int precision, int scale) {
    this.column = column;
    this.source = source;
    this.target = target;
    this.precision = precision;
    this.scale = scale;
  }

  /**
   * @throws KustoConnectorException ({@link ErrorCode#SCHEMA_MISMATCH}) when the Kusto type cannot be read as the
   *     Spark type
   */
  public static SparkValueConverter forColumn(String column, KustoType source, DataType sparkType) {
    Target target = target(sparkType);
    if (target == null || !compatible(source, target)) {
      throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
          "read Kusto column '" + column + "' of type " + source.cslName() + " as Spark type "
              + sparkType.simpleString(),
          "the connector has no exact conversion between these types",
          "Change the column's type in 'customSchema' (string accepts every Kusto type), or convert it in the"
              + " query."));
    }
    int precision = sparkType instanceof DecimalType ? ((DecimalType) sparkType).precision() : 0;
    int scale = sparkType instanceof DecimalType ? ((DecimalType) sparkType).scale() : 0;
    return new SparkValueConverter(column, source, target, precision, scale);
  }

  private static Target target(DataType type) {
    if (type instanceof DecimalType) {
      return Target.DECIMAL;
    }
    if (type.equals(DataTypes.StringType)) {
      return Target.STRING;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return Target.BOOLEAN;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return Target.INT;
    }
    if (type.equals(DataTypes.LongType)) {
      return Target.LONG;
    }
    if (type.equals(DataTypes.ShortType)) {
      return Target.SHORT;
    }
    if (type.equals(DataTypes.ByteType)) {
      return Target.BYTE;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Target.DOUBLE;
    }
    if (type.equals(DataTypes.FloatType)) {
      return Target.FLOAT;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Target.TIMESTAMP;
    }
    if (type.equals(DataTypes.DateType)) {
      return Target.DATE;
    }
    return null;
  }

  private static boolean compatible(KustoType source, Target target) {
    switch (target) {
      case STRING:
        return true;
      case BOOLEAN:
        return source == KustoType.BOOL;
      case INT:
      case LONG:
      case SHORT:
      case BYTE:
        return source == KustoType.INT || source == KustoType.LONG;
      case DOUBLE:
      case FLOAT:
        return source == KustoType.INT || source == KustoType.LONG || source == KustoType.REAL;
      case DECIMAL:
        return source == KustoType.INT || source == KustoType.LONG || source == KustoType.DECIMAL;
      case TIMESTAMP:
      case DATE:
        return source == KustoType.DATETIME;
      default:
        return false;
    }
  }

  public KustoType source() {
    return source;
  }

  /**
   * Whether the Spark type is the Kusto type's natural one, whose internal value is the canonical value itself
   * (bool, int, long, real, datetime as microseconds): {@link #convert} would return its argument.
   */
  public boolean isNatural() {
    switch (source) {
      case BOOL:
        return target == Target.BOOLEAN;
      case INT:
        return target == Target.INT;
      case LONG:
        return target == Target.LONG;
      case REAL:
        return target == Target.DOUBLE;
      case DATETIME:
        return target == Target.TIMESTAMP;
      default:
        return false;
    }
  }

  /** Whether values are read as Spark strings. */
  public boolean isStringTarget() {
    return target == Target.STRING;
  }

  /** Spark's internal value for a canonical value ({@code null} stays {@code null}). */
  public Object convert(Object value) {
    if (value == null) {
      return null;
    }
    switch (target) {
      case STRING:
        return UTF8String.fromString(text(value));
      case BOOLEAN:
        return value;
      case INT:
        return Math.toIntExact(((Number) value).longValue());
      case LONG:
        return ((Number) value).longValue();
      case SHORT:
        return (short) checkedRange(((Number) value).longValue(), Short.MIN_VALUE, Short.MAX_VALUE);
      case BYTE:
        return (byte) checkedRange(((Number) value).longValue(), Byte.MIN_VALUE, Byte.MAX_VALUE);
      case DOUBLE:
        return ((Number) value).doubleValue();
      case FLOAT:
        return ((Number) value).floatValue();
      case DECIMAL:
        return decimal(value);
      case TIMESTAMP:
        return value;
      case DATE:
        return (int) Math.floorDiv((Long) value, MICROS_PER_DAY);
      default:
        throw new IllegalStateException("Unhandled target " + target);
    }
  }

  private long checkedRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw overflow(Long.toString(value));
    }
    return value;
  }

  private Decimal decimal(Object value) {
    BigDecimal big = value instanceof BigDecimal ? (BigDecimal) value : BigDecimal.valueOf(((Number) value).longValue());
    Decimal decimal = Decimal.apply(big);
    // Rounding only drops digits beyond the target scale; a value too large for the precision is an error, not null.
    if (!decimal.changePrecision(precision, scale)) {
      throw overflow(big.toPlainString());
    }
    return decimal;
  }

  private KustoConnectorException overflow(String value) {
    return new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
        "read value " + value + " of Kusto column '" + column + "'",
        "it does not fit the column's Spark type",
        "Use a wider type for the column in 'customSchema', or string."));
  }

  /** The Kusto text form of a canonical value, as {@code tostring()} would render it. */
  private String text(Object value) {
    switch (source) {
      case DATETIME:
        return KustoDatetime.formatTicksPrecision((Long) value);
      case TIMESPAN:
        return KustoTimespan.format((Long) value);
      case DECIMAL:
        return ((BigDecimal) value).toPlainString();
      case REAL:
        return realText((Double) value);
      default:
        return value.toString();
    }
  }

  private static String realText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(d);
  }
}
