package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.schema.csv.ArrayAccessor;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;

/** A Spark {@link ArrayData} (an array value, or a map's keys or values) as an {@link ArrayAccessor}. */
public final class SparkArrayAccessor extends SpecializedGettersValues implements ArrayAccessor {
  private final ArrayData array;

  public SparkArrayAccessor(ArrayData array) {
    this.array = array;
  }

  @Override
  SpecializedGetters values() {
    return array;
  }

  @Override
  public int numElements() {
    return array.numElements();
  }
}
