package com.microsoft.kusto.spark.v2;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/** Adapts the shared row iterators to Spark 3's {@link PartitionReader}. */
final class IteratorPartitionReader<T extends Iterator<InternalRow> & Closeable> implements PartitionReader<InternalRow> {
  private final T rows;
  private InternalRow current;

  IteratorPartitionReader(T rows) {
    this.rows = rows;
  }

  @Override
  public boolean next() {
    if (!rows.hasNext()) {
      return false;
    }
    current = rows.next();
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
