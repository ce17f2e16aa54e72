package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import com.microsoft.kusto.spark.write.DriverCommit;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A batch write ({@code df.write}): the table is checked, created or staged on the driver when this object is built
 * (before any task runs), the tasks ingest, and {@link #commit} finalizes through {@link DriverCommit} — for the
 * Transactional mode, one move (append) or one extent replacement (overwrite) once every blob ingested. A failed
 * job drops the staging table and leaves the target unchanged.
 *
 * <p>With {@code writeEnableAsync} the commit runs in the background and {@code save()} returns as soon as the tasks
 * have queued their data; a failure of that commit is only logged, and a JVM exit waits for it.
 */
final class KustoBatchWrite implements BatchWrite {
  private final WritePlan plan;
  private final StructType schema;

  KustoBatchWrite(WriteConfig config, StructType schema, boolean overwrite) {
    this.schema = schema;
    this.plan = TableWritePreparation.forConfig(config)
        .prepare(config, SparkTypes.toNeutralFields(schema), null, overwrite);
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return new KustoDataWriterFactory(plan, schema, -1);
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    DriverCommit.commit(plan, KustoWriterCommitMessage.results(messages));
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    DriverCommit.abort(plan);
  }

  WritePlan plan() {
    return plan;
  }
}
