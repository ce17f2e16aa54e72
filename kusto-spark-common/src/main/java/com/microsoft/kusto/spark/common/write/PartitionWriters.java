package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.kusto.spark.common.options.WriteMode;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import java.util.Collections;
import java.util.List;

/** Opens the row sink of one partition on an executor, as the plan's write mode requires. */
public final class PartitionWriters {
  private PartitionWriters() {}

  /**
   * @param schema the DataFrame's neutral schema (the adapter converts Spark's on the executor)
   * @param partitionId the Spark partition id, for blob names and logs
   */
  public static PartitionWriter open(WritePlan plan, List<TypedField> schema, int partitionId) {
    if (plan.skipped()) {
      return new SkippedWriter(partitionId);
    }
    WriteClients clients = WriteClients.of(plan.config().getConnection());
    if (plan.mode() == WriteMode.KustoStreaming) {
      return new StreamingPartitionWriter(plan, schema, partitionId, clients.managedStreaming());
    }
    QueuedIngestClient ingest = clients.queued();
    return new BlobPartitionWriter(plan, schema, partitionId, ingest,
        StagingContainers.resolve(plan.config(), ingest));
  }

  /** A write the driver decided to skip: rows are counted and dropped. */
  private static final class SkippedWriter implements PartitionWriter {
    private final int partitionId;
    private long rows;

    SkippedWriter(int partitionId) {
      this.partitionId = partitionId;
    }

    @Override
    public void write(StructAccessor row) {
      rows++;
    }

    @Override
    public PartitionResult finish() {
      return new PartitionResult(partitionId, rows, Collections.<QueuedBlob>emptyList());
    }

    @Override
    public void abort() {}
  }
}
