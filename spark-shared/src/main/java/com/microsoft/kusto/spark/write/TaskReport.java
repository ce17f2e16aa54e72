package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.WritePlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished write task sends to the driver: its {@link PartitionResult} (the blobs it queued and its row
 * count), which serializes in every write mode ({@code QueuedBlob} keeps only the SDK results that do).
 */
public final class TaskReport implements Serializable {
  private static final long serialVersionUID = 2L;

  private final PartitionResult result;

  private TaskReport(PartitionResult result) {
    this.result = result;
  }

  /** The report of a partition of {@code plan} that finished with {@code result}. */
  public static TaskReport of(WritePlan plan, PartitionResult result) {
    return new TaskReport(result);
  }

  /** The rows the task wrote. */
  public long rows() {
    return result.rows();
  }

  /** The task's partition result. */
  public PartitionResult result() {
    return result;
  }

  /** The results of a job's reports (a null slot, from a task that sent none, is skipped). */
  public static List<PartitionResult> resultsOf(Iterable<TaskReport> reports) {
    List<PartitionResult> results = new ArrayList<>();
    for (TaskReport report : reports) {
      if (report != null) {
        results.add(report.result);
      }
    }
    return results;
  }

  @Override
  public String toString() {
    return "TaskReport{" + result + "}";
  }
}
