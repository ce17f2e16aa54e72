package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch write ({@code df.write}): the table is checked, created or staged on the driver when this object is built
 * (before any task runs), the tasks ingest, and {@link #commit} finalizes through {@link TransactionalCommit} — for
 * the Transactional mode, one move (append) or one extent replacement (overwrite) once every blob ingested. A failed
 * job drops the staging table and leaves the target unchanged.
 *
 * <p>With {@code writeEnableAsync} the commit runs in the background and {@code save()} returns as soon as the tasks
 * have queued their data; a failure of that commit is only logged.
 */
final class KustoBatchWrite implements BatchWrite {
  private static final Logger LOG = LoggerFactory.getLogger(KustoBatchWrite.class);
  private static final ExecutorService ASYNC_COMMITS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "kusto-async-commit");
    thread.setDaemon(true);
    return thread;
  });

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
    List<PartitionResult> results = KustoWriterCommitMessage.results(messages);
    if (!plan.config().isWriteEnableAsync()) {
      TransactionalCommit.forPlan(plan).commit(plan, results);
      return;
    }
    LOG.info("Write {}: the commit into '{}' continues in the background (writeEnableAsync)", plan.writeId(),
        plan.targetTable());
    TransactionalCommit.forPlan(plan).commitAsync(plan, results, ASYNC_COMMITS).whenComplete((done, error) -> {
      if (error != null) {
        LOG.error("Write {}: the background commit into '{}' failed", plan.writeId(), plan.targetTable(), error);
      } else {
        LOG.info("Write {}: background commit into '{}' done", plan.writeId(), plan.targetTable());
      }
    });
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    TransactionalCommit.forPlan(plan).abort(plan);
  }

  WritePlan plan() {
    return plan;
  }
}
