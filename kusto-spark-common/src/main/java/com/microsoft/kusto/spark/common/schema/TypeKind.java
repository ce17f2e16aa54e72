package com.microsoft.kusto.spark.common.schema;

/** The kinds of the neutral (Spark-free) column type model; mirrors Spark's SQL types that the connector maps. */
public enum TypeKind {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  DECIMAL,
  STRING,
  BINARY,
  DATE,
  TIMESTAMP,
  STRUCT,
  ARRAY,
  MAP,
  NULL
}
