package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * A Spark {@link InternalRow} (a top-level row or a struct value) as the CSV encoder's {@link StructAccessor}. The
 * writer of a partition keeps one instance and {@link #wrap}s every row in turn, since Spark may reuse the row object
 * and the encoder consumes each row before the next arrives.
 */
public final class SparkRowAccessor extends SpecializedGettersValues implements StructAccessor {
  private InternalRow row;

  /** Points this view at {@code row}; returns {@code this}. */
  public SparkRowAccessor wrap(InternalRow row) {
    this.row = row;
    return this;
  }

  @Override
  SpecializedGetters values() {
    return row;
  }
}
