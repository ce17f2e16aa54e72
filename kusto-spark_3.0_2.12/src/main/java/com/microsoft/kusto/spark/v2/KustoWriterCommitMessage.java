package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.WritePlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one successful write task sends back to the driver: its partition's {@link PartitionResult} when the commit
 * needs it. A plan without status reporting (Queued, KustoStreaming) is finished once its tasks queued or sent their
 * data, so only the row count travels: the SDK's result of a blob queued without status reporting is not
 * serializable.
 */
final class KustoWriterCommitMessage implements WriterCommitMessage {
  private static final long serialVersionUID = 1L;

  private final PartitionResult result;
  private final long rows;

  private KustoWriterCommitMessage(PartitionResult result, long rows) {
    this.result = result;
    this.rows = rows;
  }

  /** The message of a finished partition of {@code plan}. */
  static KustoWriterCommitMessage of(WritePlan plan, PartitionResult result) {
    return new KustoWriterCommitMessage(plan.reportStatus() ? result : null, result.rows());
  }

  /** The partition's result, or {@code null} when the commit does not need it. */
  PartitionResult result() {
    return result;
  }

  long rows() {
    return rows;
  }

  /** The partition results of a job's messages; Spark leaves a slot null for a task that sent none. */
  static List<PartitionResult> results(WriterCommitMessage[] messages) {
    List<PartitionResult> results = new ArrayList<>(messages.length);
    for (WriterCommitMessage message : messages) {
      if (message instanceof KustoWriterCommitMessage && ((KustoWriterCommitMessage) message).result() != null) {
        results.add(((KustoWriterCommitMessage) message).result());
      }
    }
    return results;
  }

  @Override
  public String toString() {
    return "KustoWriterCommitMessage{rows=" + rows + ", " + result + "}";
  }
}
