package com.microsoft.kusto.spark.common.schema.csv;

/** A row or struct value: fields by ordinal, in the order of the struct type's fields. */
public interface StructAccessor extends IndexedValues {}
