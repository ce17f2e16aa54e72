package com.microsoft.kusto.spark.common.schema.csv;

/** An array value: elements by index, {@code 0 <= i < numElements()}. */
public interface ArrayAccessor extends IndexedValues {
  int numElements();
}
