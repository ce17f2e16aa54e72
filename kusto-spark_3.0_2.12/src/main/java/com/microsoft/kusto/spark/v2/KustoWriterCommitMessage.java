package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.write.TaskReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What one successful write task sends back to the driver: its {@link TaskReport}. */
final class KustoWriterCommitMessage implements WriterCommitMessage {
  private static final long serialVersionUID = 2L;

  private final TaskReport report;

  KustoWriterCommitMessage(TaskReport report) {
    this.report = report;
  }

  TaskReport report() {
    return report;
  }

  /** The partition results of a job's messages; Spark leaves a slot null for a task that sent none. */
  static List<PartitionResult> results(WriterCommitMessage[] messages) {
    List<TaskReport> reports = new ArrayList<>(messages.length);
    for (WriterCommitMessage message : messages) {
      if (message instanceof KustoWriterCommitMessage) {
        reports.add(((KustoWriterCommitMessage) message).report);
      }
    }
    return TaskReport.resultsOf(reports);
  }

  @Override
  public String toString() {
    return "KustoWriterCommitMessage{" + report + "}";
  }
}
