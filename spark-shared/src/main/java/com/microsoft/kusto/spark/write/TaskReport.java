package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.WritePlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished write task sends to the driver: its {@link PartitionResult} when the commit needs it, else only
 * the row count. A plan without status reporting (Queued, KustoStreaming) is done once its tasks queued or sent
 * their data, and the SDK's result of a blob queued without status reporting is not serializable.
 */
public final class TaskReport implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartitionResult result;
  private final long rows;

  private TaskReport(PartitionResult result, long rows) {
    this.result = result;
    this.rows = rows;
  }

  /** The report of a partition of {@code plan} that finished with {@code result}. */
  public static TaskReport of(WritePlan plan, PartitionResult result) {
    return new TaskReport(plan.reportStatus() ? result : null, result.rows());
  }

  /** The rows the task wrote. */
  public long rows() {
    return rows;
  }

  /** The results the commit needs, from a job's reports (a null slot, from a task that sent none, is skipped). */
  public static List<PartitionResult> resultsOf(Iterable<TaskReport> reports) {
    List<PartitionResult> results = new ArrayList<>();
    for (TaskReport report : reports) {
      if (report != null && report.result != null) {
        results.add(report.result);
      }
    }
    return results;
  }

  @Override
  public String toString() {
    return "TaskReport{rows=" + rows + (result == null ? "" : ", " + result) + "}";
  }
}
