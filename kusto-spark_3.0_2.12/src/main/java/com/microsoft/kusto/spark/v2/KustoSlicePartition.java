package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.read.ReadSlice;
import org.apache.spark.sql.connector.read.InputPartition;

/** One task's share of a planned read (the whole single-mode query, or a group of exported blobs). */
final class KustoSlicePartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final ReadSlice slice;

  KustoSlicePartition(ReadSlice slice) {
    this.slice = slice;
  }
}
