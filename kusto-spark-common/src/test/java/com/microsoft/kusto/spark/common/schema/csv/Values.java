package com.microsoft.kusto.spark.common.schema.csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test accessors over plain Java objects, the way the Spark adapters wrap InternalRow/ArrayData/MapData. Dates are
 * Integer epoch days, timestamps Long epoch micros, structs Values, arrays List, maps Map (insertion order).
 */
final class Values implements StructAccessor, ArrayAccessor {
  private final Object[] values;

  Values(Object... values) {
    this.values = values;
  }

  static Values of(List<?> list) {
    return new Values(list.toArray());
  }

  @Override
  public int numElements() {
    return values.length;
  }

  @Override
  public boolean isNullAt(int i) {
    return values[i] == null;
  }

  @Override
  public boolean getBoolean(int i) {
    return (Boolean) values[i];
  }

  @Override
  public byte getByte(int i) {
    return (Byte) values[i];
  }

  @Override
  public short getShort(int i) {
    return (Short) values[i];
  }

  @Override
  public int getInt(int i) {
    return (Integer) values[i];
  }

  @Override
  public long getLong(int i) {
    return (Long) values[i];
  }

  @Override
  public float getFloat(int i) {
    return (Float) values[i];
  }

  @Override
  public double getDouble(int i) {
    return (Double) values[i];
  }

  @Override
  public BigDecimal getDecimal(int i, int precision, int scale) {
    return (BigDecimal) values[i];
  }

  @Override
  public String getString(int i) {
    return (String) values[i];
  }

  @Override
  public byte[] getBinary(int i) {
    return (byte[]) values[i];
  }

  @Override
  public StructAccessor getStruct(int i, int numFields) {
    return (Values) values[i];
  }

  @Override
  public ArrayAccessor getArray(int i) {
    return of((List<?>) values[i]);
  }

  @Override
  public MapAccessor getMap(int i) {
    Map<?, ?> map = (Map<?, ?>) values[i];
    return new MapAccessor() {
      @Override
      public int numElements() {
        return map.size();
      }

      @Override
      public ArrayAccessor keyArray() {
        return new Values(map.keySet().toArray());
      }

      @Override
      public ArrayAccessor valueArray() {
        return new Values(map.values().toArray());
      }
    };
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
