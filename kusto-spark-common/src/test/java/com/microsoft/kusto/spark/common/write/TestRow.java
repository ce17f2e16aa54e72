package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.schema.csv.ArrayAccessor;
import com.microsoft.kusto.spark.common.schema.csv.MapAccessor;
import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import java.math.BigDecimal;

/**
 * A reusable row of longs and strings, set field by field, so that tests can stream millions of rows through a
 * writer without holding them (the way an adapter wraps each InternalRow in turn).
 */
final class TestRow implements StructAccessor {
  private final Object[] values;

  TestRow(int fields) {
    this.values = new Object[fields];
  }

  TestRow set(Object... fieldValues) {
    System.arraycopy(fieldValues, 0, values, 0, fieldValues.length);
    return this;
  }

  @Override
  public boolean isNullAt(int ordinal) {
    return values[ordinal] == null;
  }

  @Override
  public long getLong(int ordinal) {
    return (Long) values[ordinal];
  }

  @Override
  public String getString(int ordinal) {
    return (String) values[ordinal];
  }

  @Override
  public int getInt(int ordinal) {
    return (Integer) values[ordinal];
  }

  @Override
  public boolean getBoolean(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte getByte(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public short getShort(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float getFloat(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double getDouble(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BigDecimal getDecimal(int ordinal, int precision, int scale) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] getBinary(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public StructAccessor getStruct(int ordinal, int numFields) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ArrayAccessor getArray(int ordinal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MapAccessor getMap(int ordinal) {
    throw new UnsupportedOperationException();
  }
}
