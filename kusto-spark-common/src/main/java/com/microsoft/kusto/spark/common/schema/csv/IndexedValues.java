package com.microsoft.kusto.spark.common.schema.csv;

import java.math.BigDecimal;

/**
 * Typed, index-based read access to a row, struct or array, shaped like Spark's {@code SpecializedGetters} so the
 * adapters can wrap {@code InternalRow}/{@code ArrayData} without copying. Units follow Spark: dates are days since
 * the epoch ({@link #getInt}), timestamps microseconds since the epoch UTC ({@link #getLong}).
 */
public interface IndexedValues {
  boolean isNullAt(int ordinal);

  boolean getBoolean(int ordinal);

  byte getByte(int ordinal);

  short getShort(int ordinal);

  int getInt(int ordinal);

  long getLong(int ordinal);

  float getFloat(int ordinal);

  double getDouble(int ordinal);

  BigDecimal getDecimal(int ordinal, int precision, int scale);

  /**
   * The unscaled value of a decimal with precision at most 18, which fits a {@code long}; lets an adapter avoid
   * creating a {@link BigDecimal} per value (Spark keeps such decimals as a long).
   */
  default long getDecimalUnscaledLong(int ordinal, int precision, int scale) {
    return getDecimal(ordinal, precision, scale).setScale(scale).unscaledValue().longValueExact();
  }

  String getString(int ordinal);

  byte[] getBinary(int ordinal);

  StructAccessor getStruct(int ordinal, int numFields);

  ArrayAccessor getArray(int ordinal);

  MapAccessor getMap(int ordinal);
}
