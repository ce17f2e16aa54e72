package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.read.CloseableRows;
import java.util.HashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Creates, on executors, the reader of a partition of either mode; decoding lives in the shared read code. */
final class KustoPartitionReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final StructType schema;
  private final HashMap<String, KustoType> kustoTypes;

  KustoPartitionReaderFactory(StructType schema, HashMap<String, KustoType> kustoTypes) {
    this.schema = schema;
    this.kustoTypes = kustoTypes;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    TaskContext task = TaskContext.get();
    int attempt = task == null ? 0 : task.attemptNumber();
    CloseableRows rows = ((KustoSlicePartition) partition).slice.open(schema, kustoTypes, attempt);
    return new IteratorPartitionReader<>(rows);
  }
}
