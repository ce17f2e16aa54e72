package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.read.ReadSlice;
import org.apache.spark.Partition;

/** One partition of a {@link KustoScanRDD}: the {@link ReadSlice} its task reads. */
final class KustoSlicePartition implements Partition {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final ReadSlice slice;

  KustoSlicePartition(int index, ReadSlice slice) {
    this.index = index;
    this.slice = slice;
  }

  @Override
  public int index() {
    return index;
  }

  ReadSlice slice() {
    return slice;
  }

  @Override
  public int hashCode() {
    return index;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }
}
