package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.MicroBatch;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.types.StructType;

/**
 * The streaming sink ({@code writeStream}, append output mode, micro-batch triggers): every micro-batch is one write,
 * prepared on the driver with {@code MicroBatch(queryId, batchId)} — the query id is stable across restarts from the
 * same checkpoint — so its extents carry the batch's tag and a batch that Kusto already holds (the query failed after
 * the commit but before Spark recorded it) is skipped when replayed instead of written twice.
 *
 * <p>{@link #createStreamingWriterFactory} does not receive the batch id; Spark's micro-batch engine runs it on the
 * query's thread with the id in the local property {@value #BATCH_ID_PROPERTY}, and the writers and the commit check
 * that the epoch they get is the one prepared.
 */
final class KustoStreamingWrite implements StreamingWrite {
  /** Set by Spark's MicroBatchExecution for each batch (all 3.x versions). */
  static final String BATCH_ID_PROPERTY = "streaming.sql.batchId";

  private final WriteConfig config;
  private final StructType schema;
  private final String queryId;
  private final Map<Long, WritePlan> plans = new ConcurrentHashMap<>();

  KustoStreamingWrite(WriteConfig config, StructType schema, String queryId) {
    this.config = config;
    this.schema = schema;
    this.queryId = queryId;
  }

  @Override
  public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
    String batchId = SparkSession.active().sparkContext().getLocalProperty(BATCH_ID_PROPERTY);
    if (batchId == null) {
      throw new KustoConnectorException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
          "write a stream to table '" + config.getTable() + "'", "the query is not a micro-batch query (continuous"
              + " processing is not supported)", "Use a micro-batch trigger (the default, or Trigger.ProcessingTime)."));
    }
    long epochId = Long.parseLong(batchId);
    WritePlan plan = TableWritePreparation.forConfig(config)
        .prepare(config, SparkTypes.toNeutralFields(schema), new MicroBatch(queryId, epochId), false);
    plans.put(epochId, plan);
    return new KustoDataWriterFactory(plan, schema, epochId);
  }

  @Override
  public void commit(long epochId, WriterCommitMessage[] messages) {
    WritePlan plan = plans.remove(epochId);
    if (plan == null) {
      throw new KustoConnectorException(ErrorCode.INTERNAL_ERROR, KustoConnectorException.message(
          "commit micro-batch " + epochId + " to table '" + config.getTable() + "'",
          "no write was prepared for it (prepared: " + plans.keySet() + ")",
          "Report this as a bug; restart the query from its checkpoint."));
    }
    TransactionalCommit.forPlan(plan).commit(plan, KustoWriterCommitMessage.results(messages));
  }

  @Override
  public void abort(long epochId, WriterCommitMessage[] messages) {
    WritePlan plan = plans.remove(epochId);
    if (plan != null) {
      TransactionalCommit.forPlan(plan).abort(plan);
    }
  }
}
