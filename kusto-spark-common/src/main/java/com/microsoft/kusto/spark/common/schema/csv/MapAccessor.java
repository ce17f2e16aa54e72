package com.microsoft.kusto.spark.common.schema.csv;

/** A map value as two parallel arrays, like Spark's {@code MapData}. Keys are never null. */
public interface MapAccessor {
  int numElements();

  ArrayAccessor keyArray();

  ArrayAccessor valueArray();
}
