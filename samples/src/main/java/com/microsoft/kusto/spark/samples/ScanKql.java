package com.microsoft.kusto.spark.samples;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import scala.collection.JavaConverters;

/**
 * The KQL a Kusto read sends, as the connector reports it in its scan description (the text {@code explain()}
 * prints, secrets removed): the user's query followed by the pushed {@code where} and {@code project}.
 */
final class ScanKql {
  private static final String KQL = "kql=";

  private ScanKql() {}

  /** The KQL of each Kusto scan in {@code df}'s physical plan. */
  static List<String> of(Dataset<?> df) {
    List<String> queries = new ArrayList<>();
    SparkPlan plan = df.queryExecution().sparkPlan();
    for (SparkPlan leaf : JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      if (leaf instanceof BatchScanExec) {
        String description = ((BatchScanExec) leaf).scan().description();
        int start = description.indexOf(KQL);
        if (description.startsWith("KustoScan(") && start >= 0 && description.endsWith(")")) {
          queries.add(description.substring(start + KQL.length(), description.length() - 1));
        }
      }
    }
    return queries;
  }
}
