package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.kql.Predicate;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.read.PushedShape;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.read.PlannedRead;
import com.microsoft.kusto.spark.read.ReadSlice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * The V2 face of one {@link PlannedRead}: the final KQL (the user's query, pushed filters, projection) and, per
 * Spark action, its slices as input partitions. {@link #description()} shows the KQL with secrets removed, so
 * {@code explain()} does.
 */
class KustoScan implements Scan, Batch {
  private final StructType required;
  private final HashMap<String, KustoType> kustoTypes;
  private final PlannedRead plan;
  private transient InputPartition[] planned;

  /**
   * @param kustoTypes the Kusto types of the columns the scan returns (an aggregation's output, when aggregated)
   * @param relationTypes the Kusto types of the relation's columns, which the pushed predicates name
   */
  KustoScan(ReadConfig config, StructType schema, StructType required, Map<String, KustoType> kustoTypes,
      Map<String, KustoType> relationTypes, List<Predicate> predicates, PushedShape shape) {
    this.required = required;
    this.kustoTypes = new HashMap<>(kustoTypes);
    // Checks, on the driver, that every required column can be read as the Spark type asked for.
    this.plan = new PlannedRead(config, schema, required, kustoTypes, relationTypes, predicates, shape);
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "KustoScan(" + plan.describe() + ")";
  }

  @Override
  public String toString() {
    return description();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /**
   * Plans once per scan: Spark may ask again for copies of the same physical plan node, and one export per scan
   * keeps every copy reading the same blobs. The blobs live as long as this scan (see
   * {@link com.microsoft.kusto.spark.read.TransientExportCleaner}).
   */
  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (planned == null) {
      List<ReadSlice> slices = plan.slices(this);
      planned = new InputPartition[slices.size()];
      for (int i = 0; i < planned.length; i++) {
        planned[i] = new KustoSlicePartition(slices.get(i));
      }
    }
    return planned.clone();
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new KustoPartitionReaderFactory(required, kustoTypes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KustoScan && required.equals(((KustoScan) o).required) && plan.equals(((KustoScan) o).plan);
  }

  @Override
  public int hashCode() {
    return Objects.hash(required, plan);
  }
}
