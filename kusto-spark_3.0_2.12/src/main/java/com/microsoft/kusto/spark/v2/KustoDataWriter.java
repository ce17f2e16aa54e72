package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.write.PartitionWriter;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.write.SparkRowAccessor;
import com.microsoft.kusto.spark.write.TaskReport;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * One task's writer: hands every row to the common {@link PartitionWriter} (which encodes, compresses and uploads),
 * and on commit (which Spark calls only for the attempt it lets commit) finishes the partition and reports its blobs
 * to the driver. In the Transactional mode the blobs are queued only then, so a failed or refused attempt ingests
 * nothing.
 */
final class KustoDataWriter implements DataWriter<InternalRow> {
  private final WritePlan plan;
  private final PartitionWriter writer;
  private final SparkRowAccessor row = new SparkRowAccessor();
  private boolean done;

  KustoDataWriter(WritePlan plan, PartitionWriter writer) {
    this.plan = plan;
    this.writer = writer;
  }

  @Override
  public void write(InternalRow record) {
    writer.write(row.wrap(record));
  }

  @Override
  public WriterCommitMessage commit() {
    KustoWriterCommitMessage message = new KustoWriterCommitMessage(TaskReport.of(plan, writer.finish()));
    done = true;
    return message;
  }

  @Override
  public void abort() {
    done = true;
    writer.abort();
  }

  @Override
  public void close() {
    // Spark calls close after commit or abort; a writer closed without either (an interrupted task) still frees
    // its upload buffer.
    if (!done) {
      abort();
    }
  }
}
