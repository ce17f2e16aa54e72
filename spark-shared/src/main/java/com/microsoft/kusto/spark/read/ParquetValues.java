package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.OriginalType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decodes one field of a Parquet record exported by Kusto into the canonical form of {@link SparkValueConverter},
 * given the Kusto type of the column. Uses only the Parquet API present in Spark 2.4 (Parquet 1.10) through 3.5
 * (original types, not logical-type annotations).
 *
 * <p>Kusto's export writes timespans as ticks (int64), guid and dynamic as strings and datetimes as timestamps; a
 * few other physical layouts are accepted as well (text forms, INT96 timestamps, decimals in any physical type),
 * so files written by other Kusto versions read the same.
 */
final class ParquetValues {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private ParquetValues() {}

  static Object read(Group record, int field, KustoType type) {
    if (record.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    PrimitiveType parquet = record.getType().getType(field).asPrimitiveType();
    PrimitiveType.PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    switch (type) {
      case BOOL:
        return record.getBoolean(field, 0);
      case INT:
        return physical == PrimitiveType.PrimitiveTypeName.INT64
            ? Math.toIntExact(record.getLong(field, 0)) : record.getInteger(field, 0);
      case LONG:
        return physical == PrimitiveType.PrimitiveTypeName.INT32
            ? (long) record.getInteger(field, 0) : record.getLong(field, 0);
      case REAL:
        return physical == PrimitiveType.PrimitiveTypeName.FLOAT
            ? (double) record.getFloat(field, 0) : record.getDouble(field, 0);
      case DECIMAL:
        return decimal(record, field, parquet);
      case DATETIME:
        return datetimeMicros(record, field, parquet);
      case TIMESPAN:
        return isText(physical) ? KustoTimespan.parseToTicks(record.getString(field, 0)) : ticks(record, field, physical);
      case GUID:
        if (physical == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && parquet.getTypeLength() == 16) {
          ByteBuffer bytes = record.getBinary(field, 0).toByteBuffer();
          return new UUID(bytes.getLong(), bytes.getLong()).toString();
        }
        return record.getString(field, 0);
      case STRING:
      case DYNAMIC:
      default:
        return record.getBinary(field, 0).toStringUsingUTF8();
    }
  }

  private static boolean isText(PrimitiveType.PrimitiveTypeName physical) {
    return physical == PrimitiveType.PrimitiveTypeName.BINARY;
  }

  private static long ticks(Group record, int field, PrimitiveType.PrimitiveTypeName physical) {
    return physical == PrimitiveType.PrimitiveTypeName.INT32 ? record.getInteger(field, 0) : record.getLong(field, 0);
  }

  @SuppressWarnings("deprecation")
  private static BigDecimal decimal(Group record, int field, PrimitiveType parquet) {
    int scale = parquet.getOriginalType() == OriginalType.DECIMAL ? parquet.getDecimalMetadata().getScale() : 0;
    switch (parquet.getPrimitiveTypeName()) {
      case INT32:
        return BigDecimal.valueOf(record.getInteger(field, 0), scale);
      case INT64:
        return BigDecimal.valueOf(record.getLong(field, 0), scale);
      case DOUBLE:
        return BigDecimal.valueOf(record.getDouble(field, 0));
      case FLOAT:
        return new BigDecimal(Float.toString(record.getFloat(field, 0)));
      case BINARY:
        if (parquet.getOriginalType() != OriginalType.DECIMAL) {
          return new BigDecimal(record.getBinary(field, 0).toStringUsingUTF8().trim());
        }
        return new BigDecimal(new BigInteger(record.getBinary(field, 0).getBytes()), scale);
      case FIXED_LEN_BYTE_ARRAY:
      default:
        return new BigDecimal(new BigInteger(record.getBinary(field, 0).getBytes()), scale);
    }
  }

  @SuppressWarnings("deprecation")
  private static long datetimeMicros(Group record, int field, PrimitiveType parquet) {
    switch (parquet.getPrimitiveTypeName()) {
      case INT96:
        return int96Micros(record.getInt96(field, 0));
      case BINARY:
        return KustoDatetime.parseToMicros(record.getBinary(field, 0).toStringUsingUTF8());
      case INT64:
        long value = record.getLong(field, 0);
        OriginalType original = parquet.getOriginalType();
        if (original == OriginalType.TIMESTAMP_MILLIS) {
          return Math.multiplyExact(value, 1000L);
        }
        if (original == OriginalType.TIMESTAMP_MICROS) {
          return value;
        }
        // Parquet 1.11+ has nanosecond timestamps, which have no original type; older readers only see the text.
        if (parquet.toString().contains("NANOS")) {
          return Math.floorDiv(value, 1000L);
        }
        return value;
      case INT32:
        // DATE: days since the epoch.
        return record.getInteger(field, 0) * MICROS_PER_DAY;
      default:
        throw new IllegalArgumentException("Unsupported Parquet type for a Kusto datetime: " + parquet);
    }
  }

  /** INT96: 8 bytes nanoseconds of the day, then 4 bytes Julian day, both little-endian. */
  private static long int96Micros(Binary int96) {
    ByteBuffer buffer = int96.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    long julianDay = buffer.getInt();
    return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }
}
