package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.read.ExportedBlob;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** Distributed mode: a size-balanced group of exported Parquet blobs, read one after the other. */
final class KustoBlobsPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final ArrayList<ExportedBlob> blobs;

  KustoBlobsPartition(List<ExportedBlob> blobs) {
    this.blobs = new ArrayList<>(blobs);
  }
}
