package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.MicroBatch;
import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.TransactionalCommit;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.Sink;

/**
 * The Spark 2.4 streaming sink ({@code writeStream}, micro-batch triggers): every micro-batch is one write prepared
 * with {@code MicroBatch(queryId, batchId)}. The query id is stable across restarts from the same checkpoint, so
 * the batch's extents carry its tag, and a batch that Kusto already holds (the query failed after the commit but
 * before Spark recorded it) is skipped when Spark replays it instead of being written twice. The commit is
 * synchronous: Spark records the batch as done only after it.
 */
final class KustoSink implements Sink {
  /** Set by Spark 2.4's StreamExecution on the thread that runs the query's batches. */
  static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

  private final WriteConfig config;

  KustoSink(WriteConfig config) {
    this.config = config;
  }

  @Override
  public void addBatch(long batchId, Dataset<Row> data) {
    String queryId = data.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    if (queryId == null) {
      throw new KustoConnectorException(ErrorCode.INTERNAL_ERROR, KustoConnectorException.message(
          "write micro-batch " + batchId + " to table '" + config.getTable() + "'",
          "Spark did not set the streaming query id (" + QUERY_ID_PROPERTY + ")",
          "Report this as a bug with your Spark version."));
    }
    WritePlan plan = TableWritePreparation.forConfig(config)
        .prepare(config, SparkTypes.toNeutralFields(data.schema()), new MicroBatch(queryId, batchId), false);
    List<PartitionResult> results = WriteJob.write(plan, data);
    if (results != null) {
      TransactionalCommit.forPlan(plan).commit(plan, results);
    }
  }

  @Override
  public String toString() {
    return "KustoSink(table=" + config.getTable() + ", database=" + config.getConnection().getDatabase() + ")";
  }
}
