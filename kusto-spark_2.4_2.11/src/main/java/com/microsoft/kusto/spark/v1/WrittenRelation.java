package com.microsoft.kusto.spark.v1;

import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.types.StructType;

/**
 * What {@code CreatableRelationProvider} must return after a save: the written data's schema. Spark 2.4 does not
 * scan it ({@code save()} returns nothing); a read of the table is a new {@code load()} with {@code kustoQuery}.
 */
final class WrittenRelation extends BaseRelation {
  private final SQLContext sqlContext;
  private final StructType schema;

  WrittenRelation(SQLContext sqlContext, StructType schema) {
    this.sqlContext = sqlContext;
    this.schema = schema;
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return schema;
  }
}
