package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.read.PushedShape;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import com.microsoft.kusto.spark.sql.PushdownPlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Collects Spark's filters and pruned columns for one scan, the pushdown every Spark 3 line offers. Which filters are
 * pushed is decided by {@link PushdownPlan} alone: pushed filters translate to KQL exactly, so only the others are
 * returned to Spark. Limits, top-N and aggregates (Spark 3.3+) are added by {@link KustoPushdownScanBuilder}, which
 * {@link ScanBuilders} picks only where the running Spark has those interfaces.
 */
class KustoScanBuilder implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns {
  protected final ReadConfig config;
  protected final StructType schema;
  protected final Map<String, KustoType> kustoTypes;
  private StructType required;
  private PushdownPlan pushdown;
  /** What else was pushed, and (when aggregated) the scan's output columns and their Kusto types. */
  protected PushedShape shape = PushedShape.none();
  protected StructType aggregatedSchema;
  protected Map<String, KustoType> aggregatedTypes;

  KustoScanBuilder(ReadConfig config, StructType schema, Map<String, KustoType> kustoTypes) {
    this.config = config;
    this.schema = schema;
    this.kustoTypes = kustoTypes;
    this.required = schema;
    this.pushdown = PushdownPlan.of(new Filter[0], Collections.<String, KustoType>emptyMap(), false);
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    pushdown = PushdownPlan.of(filters, pushableColumns(), config.isQueryFilterPushDown());
    return pushdown.unhandledArray();
  }

  /**
   * Columns whose Spark values equal Kusto's: those read with the default type of their Kusto type. A column given
   * another type in {@code customSchema} (say decimal(10,2) for a decimal, rounding values) keeps its filters in
   * Spark, where they see the converted values.
   */
  protected Map<String, KustoType> pushableColumns() {
    Map<String, KustoType> columns = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      KustoType type = kustoTypes.get(field.name());
      if (type != null && SparkTypes.toSpark(TypeMapping.toColumnType(type)).equals(field.dataType())) {
        columns.put(field.name(), type);
      }
    }
    return columns;
  }

  @Override
  public Filter[] pushedFilters() {
    return pushdown.pushedArray();
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    // An aggregated scan produces exactly the aggregation's columns.
    if (aggregatedSchema == null) {
      this.required = requiredSchema;
    }
  }

  @Override
  public Scan build() {
    if (aggregatedSchema != null) {
      return new KustoScan(config, schema, aggregatedSchema, aggregatedTypes, kustoTypes, pushdown.predicates(),
          shape);
    }
    return new KustoScan(config, schema, required, kustoTypes, kustoTypes, pushdown.predicates(), shape);
  }
}
