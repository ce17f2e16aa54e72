package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import com.microsoft.kusto.spark.read.PlannedRead;
import com.microsoft.kusto.spark.read.ReadSchemas;
import com.microsoft.kusto.spark.sql.PushableColumns;
import com.microsoft.kusto.spark.sql.PushdownPlan;
import java.util.List;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.PrunedFilteredScan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Kusto query as a Spark 2.4 relation (Data Source V1). The options are validated into a {@link ReadConfig} once,
 * on the driver, when the DataFrame is loaded; the schema is the user's ({@code .schema(...)}), else
 * {@code customSchema}, else the query's result schema.
 *
 * <p>Pushdown: {@link PushdownPlan} decides; pushed filters translate to KQL exactly, so {@link #unhandledFilters}
 * returns only the others and Spark does not evaluate the pushed ones again. Rows are produced as Spark's internal
 * rows by the shared readers ({@link #needConversion()} is false).
 */
public final class KustoRelation extends BaseRelation implements PrunedFilteredScan {
  private final SQLContext sqlContext;
  private final ReadConfig config;
  private final StructType schema;
  private List<KustoColumn> kustoColumns;
  /** The last scan planned, for {@link #toString()} (see there). */
  private volatile String lastScan;

  private KustoRelation(SQLContext sqlContext, ReadConfig config, StructType schema, List<KustoColumn> columns) {
    this.sqlContext = sqlContext;
    this.config = config;
    this.schema = schema;
    this.kustoColumns = columns;
  }

  /**
   * @param userSchema the schema given with {@code .schema(...)}, or {@code null}
   */
  public static KustoRelation open(SQLContext sqlContext, ReadConfig config, StructType userSchema) {
    if (userSchema != null) {
      return new KustoRelation(sqlContext, config, userSchema, null);
    }
    if (config.getCustomSchema() != null) {
      return new KustoRelation(sqlContext, config, ReadSchemas.customSchema(config.getCustomSchema()), null);
    }
    List<KustoColumn> probed = ReadSchemas.probe(config);
    return new KustoRelation(sqlContext, config, ReadSchemas.sparkSchema(config, probed), probed);
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean needConversion() {
    return false;
  }

  @Override
  public Filter[] unhandledFilters(Filter[] filters) {
    return pushdown(filters).unhandledArray();
  }

  @Override
  @SuppressWarnings("unchecked")
  public RDD<Row> buildScan(String[] requiredColumns, Filter[] filters) {
    StructField[] fields = new StructField[requiredColumns.length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = schema.apply(requiredColumns[i]);
    }
    StructType required = new StructType(fields);
    Map<String, KustoType> types = kustoTypes();
    PlannedRead plan = new PlannedRead(config, schema, required, types, pushdown(filters).predicates());
    lastScan = plan.describe();
    // With needConversion() false, Spark takes the RDD's elements as InternalRows (its own V1 sources do the same).
    return (RDD<Row>) (RDD<?>) new KustoScanRDD(sqlContext.sparkContext(), plan, required, types);
  }

  private PushdownPlan pushdown(Filter[] filters) {
    return PushdownPlan.of(filters, PushableColumns.of(schema, kustoTypes()), config.isQueryFilterPushDown());
  }

  /** The Kusto type of every result column; probed at most once, when a scan first needs them. */
  private synchronized Map<String, KustoType> kustoTypes() {
    if (kustoColumns == null) {
      kustoColumns = ReadSchemas.probe(config);
    }
    return ReadSchemas.types(kustoColumns);
  }

  public ReadConfig config() {
    return config;
  }

  /**
   * Spark 2.4 names the physical scan node after its relation right after {@link #buildScan}, so showing the scan
   * planned last puts the KQL that runs, with secrets removed, into {@code explain()}.
   */
  @Override
  public String toString() {
    String scan = lastScan;
    if (scan != null) {
      return "KustoRelation(" + scan + ")";
    }
    return "KustoRelation(cluster=" + config.getConnection().getClusterUrl() + ", database="
        + config.getConnection().getDatabase() + ", query=" + Secrets.redactKql(config.getQuery().trim()) + ")";
  }
}
