package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.write.PartitionWriters;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Shipped to the executors with the driver's {@link WritePlan} and the DataFrame's Spark schema (the neutral schema
 * is not serializable, so each task converts it). For a streaming micro-batch the plan belongs to one epoch, and a
 * task of another epoch is refused rather than written with the wrong batch tag.
 */
final class KustoDataWriterFactory implements DataWriterFactory, StreamingDataWriterFactory {
  private static final long serialVersionUID = 1L;

  private final WritePlan plan;
  private final StructType schema;
  private final long epochId;

  /** @param epochId the micro-batch the plan was prepared for, or -1 for a batch write */
  KustoDataWriterFactory(WritePlan plan, StructType schema, long epochId) {
    this.plan = plan;
    this.schema = schema;
    this.epochId = epochId;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new KustoDataWriter(plan, PartitionWriters.open(plan, SparkTypes.toNeutralFields(schema), partitionId));
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
    if (epochId != this.epochId) {
      throw new KustoConnectorException(ErrorCode.INTERNAL_ERROR, KustoConnectorException.message(
          "write micro-batch " + epochId + " to table '" + plan.targetTable() + "'",
          "the driver prepared the write for micro-batch " + this.epochId,
          "Report this as a bug; restart the query from its checkpoint."));
    }
    return createWriter(partitionId, taskId);
  }
}
