package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.write.PartitionWriter;
import com.microsoft.kusto.spark.common.write.PartitionWriters;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import com.microsoft.kusto.spark.write.SparkRowAccessor;
import com.microsoft.kusto.spark.write.TaskReport;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * One write task on an executor: hands every row of its partition to the common {@link PartitionWriter} (which
 * encodes, compresses, uploads and queues) and reports the result to the driver. Blobs are handed to Kusto only by
 * the attempt Spark's commit coordinator picks ({@link CommitPermission}), so a speculative copy adds nothing. A
 * failing or refused task aborts its writer, which frees its upload buffer and deletes the blobs it did not queue.
 */
final class WritePartition implements Function2<Integer, Iterator<InternalRow>, Iterator<TaskReport>> {
  private static final long serialVersionUID = 1L;

  private final WritePlan plan;
  /** The neutral schema is not serializable: each task converts Spark's. */
  private final StructType schema;

  WritePartition(WritePlan plan, StructType schema) {
    this.plan = plan;
    this.schema = schema;
  }

  @Override
  public Iterator<TaskReport> call(Integer partitionId, Iterator<InternalRow> rows) throws Exception {
    PartitionWriter writer = PartitionWriters.open(plan, SparkTypes.toNeutralFields(schema), partitionId);
    SparkRowAccessor row = new SparkRowAccessor();
    try {
      while (rows.hasNext()) {
        writer.write(row.wrap(rows.next()));
      }
      CommitPermission.require();
      return Collections.singletonList(TaskReport.of(plan, writer.finish())).iterator();
    } catch (Throwable e) {
      // Whatever the upstream rows throw, Scala's undeclared checked exceptions included.
      writer.abort();
      throw e;
    }
  }
}
