package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.OriginalType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Receives one column's values from Parquet's record assembly and stores each, as Spark's internal value, in the
 * current row ({@link ParquetRowConverter#values}). Values are decoded into the canonical form of
 * {@link SparkValueConverter} given the column's Kusto type, then converted, so distributed mode gives exactly the
 * rows single mode gives; the common layouts (strings, numbers, microsecond timestamps read as their natural Spark
 * type) skip the canonical detour. Uses only Parquet API present in Spark 2.4 (Parquet 1.10) through 4.0 (original
 * types, not logical-type annotations).
 *
 * <p>Kusto's export writes timespans as ticks (int64), guid and dynamic as strings and datetimes as timestamps; a
 * few other physical layouts are accepted as well (text forms, INT96 timestamps, decimals in any physical type),
 * so files written by other Kusto versions read the same.
 */
final class ParquetFieldConverter extends PrimitiveConverter {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private final ParquetRowConverter row;
  private final int index;
  private final KustoType type;
  private final PrimitiveType parquet;
  private final SparkValueConverter converter;
  /** The value needs no conversion beyond boxing: the Spark type is the Kusto type's natural one. */
  private final boolean natural;
  /** A text column (string, dynamic, text guid) read as a Spark string: UTF-8 bytes go straight into the row. */
  private final boolean utf8;
  private final int decimalScale;
  private final boolean nanos;
  /** The current column chunk's dictionary, for dictionary-encoded pages. */
  private Dictionary dictionary;
  /** Its entries already converted; {@code null} where the value is mutable and so converted for every row. */
  private Object[] decodedDictionary;

  @SuppressWarnings("deprecation")
  ParquetFieldConverter(ParquetRowConverter row, int index, KustoType type, PrimitiveType parquet,
      SparkValueConverter converter) {
    this.row = row;
    this.index = index;
    this.type = type;
    this.parquet = parquet;
    this.converter = converter;
    this.natural = converter.isNatural();
    PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    this.utf8 = converter.isStringTarget() && physical == PrimitiveTypeName.BINARY
        && (type == KustoType.STRING || type == KustoType.DYNAMIC || type == KustoType.GUID);
    this.decimalScale = parquet.getOriginalType() == OriginalType.DECIMAL ? parquet.getDecimalMetadata().getScale() : 0;
    // Parquet 1.11+ has nanosecond timestamps, which have no original type; older readers only see the text.
    this.nanos = physical == PrimitiveTypeName.INT64 && parquet.getOriginalType() == null
        && parquet.toString().contains("NANOS");
  }

  private void set(Object canonical) {
    row.values[index] = converter.convert(canonical);
  }

  @Override
  public void addBoolean(boolean value) {
    row.values[index] = natural ? (Object) value : converter.convert(value);
  }

  @Override
  public void addInt(int value) {
    switch (type) {
      case INT:
        row.values[index] = natural ? (Object) value : converter.convert(value);
        return;
      case LONG:
      case TIMESPAN:
        set((long) value);
        return;
      case REAL:
        set((double) value);
        return;
      case DECIMAL:
        set(BigDecimal.valueOf(value, decimalScale));
        return;
      case DATETIME:
        // DATE: days since the epoch.
        set(value * MICROS_PER_DAY);
        return;
      default:
        throw unsupported();
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public void addLong(long value) {
    switch (type) {
      case LONG:
        row.values[index] = natural ? (Object) value : converter.convert(value);
        return;
      case INT:
        set(Math.toIntExact(value));
        return;
      case TIMESPAN:
        set(value);
        return;
      case REAL:
        set((double) value);
        return;
      case DECIMAL:
        set(BigDecimal.valueOf(value, decimalScale));
        return;
      case DATETIME:
        long micros;
        if (parquet.getOriginalType() == OriginalType.TIMESTAMP_MILLIS) {
          micros = Math.multiplyExact(value, 1000L);
        } else if (nanos) {
          micros = Math.floorDiv(value, 1000L);
        } else {
          micros = value;
        }
        row.values[index] = natural ? (Object) micros : converter.convert(micros);
        return;
      default:
        throw unsupported();
    }
  }

  @Override
  public void addFloat(float value) {
    switch (type) {
      case REAL:
        set((double) value);
        return;
      case DECIMAL:
        set(new BigDecimal(Float.toString(value)));
        return;
      default:
        throw unsupported();
    }
  }

  @Override
  public void addDouble(double value) {
    switch (type) {
      case REAL:
        row.values[index] = natural ? (Object) value : converter.convert(value);
        return;
      case DECIMAL:
        set(BigDecimal.valueOf(value));
        return;
      default:
        throw unsupported();
    }
  }

  @Override
  public void addBinary(Binary value) {
    row.values[index] = fromBinary(value);
  }

  @Override
  public boolean hasDictionarySupport() {
    PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    return physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
  }

  @Override
  public void setDictionary(Dictionary source) {
    Object[] decoded = new Object[source.getMaxId() + 1];
    for (int id = 0; id < decoded.length; id++) {
      Object value = fromBinary(source.decodeToBinary(id));
      // Spark's Decimal is mutable; such values are converted again for every row rather than shared.
      decoded[id] = value instanceof Decimal ? null : value;
    }
    dictionary = source;
    decodedDictionary = decoded;
  }

  @Override
  public void addValueFromDictionary(int id) {
    Object value = decodedDictionary[id];
    row.values[index] = value != null ? value : fromBinary(dictionary.decodeToBinary(id));
  }

  @SuppressWarnings("deprecation")
  private Object fromBinary(Binary value) {
    if (utf8) {
      return UTF8String.fromBytes(value.getBytes());
    }
    PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    switch (type) {
      case DECIMAL:
        if (physical == PrimitiveTypeName.BINARY && parquet.getOriginalType() != OriginalType.DECIMAL) {
          return converter.convert(new BigDecimal(value.toStringUsingUTF8().trim()));
        }
        return converter.convert(new BigDecimal(new BigInteger(value.getBytes()), decimalScale));
      case DATETIME:
        if (physical == PrimitiveTypeName.INT96) {
          return converter.convert(int96Micros(value));
        }
        return converter.convert(KustoDatetime.parseToMicros(value.toStringUsingUTF8()));
      case TIMESPAN:
        return converter.convert(KustoTimespan.parseToTicks(value.toStringUsingUTF8()));
      case GUID:
        if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && parquet.getTypeLength() == 16) {
          ByteBuffer bytes = value.toByteBuffer();
          return converter.convert(new UUID(bytes.getLong(), bytes.getLong()).toString());
        }
        return converter.convert(value.toStringUsingUTF8());
      case STRING:
      case DYNAMIC:
        return converter.convert(value.toStringUsingUTF8());
      default:
        throw unsupported();
    }
  }

  /** INT96: 8 bytes nanoseconds of the day, then 4 bytes Julian day, both little-endian. */
  private static long int96Micros(Binary int96) {
    ByteBuffer buffer = int96.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    long julianDay = buffer.getInt();
    return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }

  private IllegalArgumentException unsupported() {
    return new IllegalArgumentException("Unsupported Parquet type " + parquet + " for a Kusto " + type.cslName()
        + " column");
  }
}
