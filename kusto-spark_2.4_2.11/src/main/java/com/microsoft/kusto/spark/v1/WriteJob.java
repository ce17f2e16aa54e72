package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.write.DriverCommit;
import com.microsoft.kusto.spark.write.TaskReport;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a prepared write: one Spark job whose tasks stream their partitions into Kusto, then the commit on the driver.
 * A failed job drops the staging table and leaves the target unchanged. Only the successful attempt of each
 * partition reports to the driver, so a retried or speculative task's result is never counted twice.
 */
final class WriteJob {
  private static final Logger LOG = LoggerFactory.getLogger(WriteJob.class);

  private WriteJob() {}

  /**
   * Writes {@code data} under {@code plan} and returns the results for the commit; {@code null} when the plan is
   * skipped (nothing is computed then).
   */
  static List<PartitionResult> write(WritePlan plan, Dataset<Row> data) {
    if (plan.skipped()) {
      LOG.info("Write {} to table '{}' skipped: {}", plan.writeId(), plan.targetTable(), plan.skipReason());
      return null;
    }
    List<TaskReport> reports;
    try {
      // The physical plan's internal rows, as Spark's own V1 sinks write them: no conversion to external Rows.
      reports = data.queryExecution().toRdd().toJavaRDD()
          .mapPartitionsWithIndex(new WritePartition(plan, data.schema()), false).collect();
    } catch (Throwable e) {
      // Also Spark's SparkException, a checked exception that Scala code throws undeclared.
      DriverCommit.abort(plan);
      throw e;
    }
    return TaskReport.resultsOf(reports);
  }
}
