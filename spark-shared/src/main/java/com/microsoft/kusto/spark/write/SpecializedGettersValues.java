package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.schema.csv.ArrayAccessor;
import com.microsoft.kusto.spark.common.schema.csv.IndexedValues;
import com.microsoft.kusto.spark.common.schema.csv.MapAccessor;
import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import java.math.BigDecimal;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * {@link IndexedValues} over Spark's {@link SpecializedGetters} (an {@code InternalRow} or {@code ArrayData}),
 * reading Spark's internal representation without copying: Spark already keeps dates as epoch days and timestamps as
 * microseconds since the epoch UTC, the units the CSV encoder expects, so no time zone is involved. Nested values are
 * wrapped in new small views; the top-level row view is reused per row by {@link SparkRowAccessor}.
 */
abstract class SpecializedGettersValues implements IndexedValues {
  /** The wrapped row or array. */
  abstract SpecializedGetters values();

  @Override
  public boolean isNullAt(int ordinal) {
    return values().isNullAt(ordinal);
  }

  @Override
  public boolean getBoolean(int ordinal) {
    return values().getBoolean(ordinal);
  }

  @Override
  public byte getByte(int ordinal) {
    return values().getByte(ordinal);
  }

  @Override
  public short getShort(int ordinal) {
    return values().getShort(ordinal);
  }

  @Override
  public int getInt(int ordinal) {
    return values().getInt(ordinal);
  }

  @Override
  public long getLong(int ordinal) {
    return values().getLong(ordinal);
  }

  @Override
  public float getFloat(int ordinal) {
    return values().getFloat(ordinal);
  }

  @Override
  public double getDouble(int ordinal) {
    return values().getDouble(ordinal);
  }

  @Override
  public BigDecimal getDecimal(int ordinal, int precision, int scale) {
    return values().getDecimal(ordinal, precision, scale).toJavaBigDecimal();
  }

  @Override
  public long getDecimalUnscaledLong(int ordinal, int precision, int scale) {
    // Spark keeps decimals of precision <= 18 as an unscaled long: no BigDecimal per value.
    return values().getDecimal(ordinal, precision, scale).toUnscaledLong();
  }

  @Override
  public String getString(int ordinal) {
    return values().getUTF8String(ordinal).toString();
  }

  @Override
  public byte[] getBinary(int ordinal) {
    return values().getBinary(ordinal);
  }

  @Override
  public StructAccessor getStruct(int ordinal, int numFields) {
    return new SparkRowAccessor().wrap(values().getStruct(ordinal, numFields));
  }

  @Override
  public ArrayAccessor getArray(int ordinal) {
    return new SparkArrayAccessor(values().getArray(ordinal));
  }

  @Override
  public MapAccessor getMap(int ordinal) {
    return new SparkMapAccessor(values().getMap(ordinal));
  }
}
