package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.kql.KqlPredicateCompiler;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.kql.Predicate;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.ReadMode;
import com.microsoft.kusto.spark.common.read.BlobGroups;
import com.microsoft.kusto.spark.common.read.ExportedBlob;
import com.microsoft.kusto.spark.common.read.PushedShape;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read after pushdown, independent of the Data Source API that asked for it: the KQL that runs (the user's
 * query, the pushed predicates, the projection of the required columns) and, when a Spark action needs partitions,
 * the read mode and the {@link ReadSlice}s. Lives on the driver only.
 *
 * <p>Building it checks, before any job, that every required column can be read as the Spark type asked for
 * ({@code customSchema}).
 */
public final class PlannedRead {
  private static final Logger LOG = LoggerFactory.getLogger(PlannedRead.class);
  /** Most bytes of exported Parquet per Spark partition (Spark's default maxPartitionBytes). */
  private static final long SLICE_MAX_BYTES = 128L * 1024 * 1024;

  private final ReadConfig config;
  private final String firstColumn;
  private final List<String> requiredNames;
  private final Map<String, KustoType> kustoTypes;
  /** The relation's column types, which the pushed predicates name (an aggregation's output has others). */
  private final Map<String, KustoType> relationTypes;
  private final List<Predicate> predicates;
  private final PushedShape shape;
  private final String kql;

  /**
   * @param schema the relation's full Spark schema
   * @param required the columns the action needs, in order
   * @param kustoTypes the Kusto type of every result column
   * @param predicates the pushed filters' predicates (see {@link com.microsoft.kusto.spark.sql.PushdownPlan})
   */
  public PlannedRead(ReadConfig config, StructType schema, StructType required, Map<String, KustoType> kustoTypes,
      List<Predicate> predicates) {
    this(config, schema, required, kustoTypes, kustoTypes, predicates, PushedShape.none());
  }

  /**
   * A read with an aggregation, sort or limit pushed into it as well.
   *
   * @param required the columns the scan produces: with an aggregation, the group columns and the aggregates
   * @param kustoTypes the Kusto type of every column the query returns, aggregates included
   * @param relationTypes the Kusto type of every column of the relation, which predicates and sort keys name
   */
  public PlannedRead(ReadConfig config, StructType schema, StructType required, Map<String, KustoType> kustoTypes,
      Map<String, KustoType> relationTypes, List<Predicate> predicates, PushedShape shape) {
    this.config = config;
    this.shape = shape;
    this.relationTypes = Collections.unmodifiableMap(new LinkedHashMap<>(relationTypes));
    this.firstColumn = schema.fields()[0].name();
    this.kustoTypes = Collections.unmodifiableMap(new LinkedHashMap<>(kustoTypes));
    this.predicates = Collections.unmodifiableList(new ArrayList<>(predicates));
    List<String> names = new ArrayList<>();
    for (StructField field : required.fields()) {
      names.add(field.name());
      KustoType type = kustoTypes.get(field.name());
      if (type != null) {
        SparkValueConverter.forColumn(field.name(), type, field.dataType());
      }
    }
    this.requiredNames = Collections.unmodifiableList(names);
    this.kql = withPredicates(projectedNames(false)).build();
  }

  /** The KQL a single-mode read runs. */
  public String kql() {
    return kql;
  }

  /** For {@code explain()} and logs: where the read goes and its KQL, with secrets removed. */
  public String describe() {
    return "cluster=" + config.getConnection().getClusterUrl() + ", database=" + config.getConnection().getDatabase()
        + ", readMode=" + (config.getReadMode() == null ? "automatic" : config.getReadMode()) + ", kql="
        + Secrets.redactKql(kql);
  }

  /**
   * Chooses the read mode (the configured one, or by a row count) and returns what the tasks read. In distributed
   * mode this exports the query now, on the calling (driver) thread.
   *
   * @param owner the driver-side object that keeps the slices for reuse; transient blobs in the user's storage are
   *     deleted once it is garbage collected ({@link TransientExportCleaner})
   */
  public List<ReadSlice> slices(Object owner) {
    ReadMode mode = config.getReadMode() == null && shape.isSmall(ReadModeChooser.SINGLE_MODE_MAX_ROWS)
        ? ReadMode.ForceSingleMode
        : ReadModeChooser.choose(config, withPredicates(projectedNames(false)).buildCount());
    if (mode == ReadMode.ForceSingleMode) {
      return Collections.singletonList(ReadSlice.query(config.getConnection(), kql));
    }
    int exports = exportCount();
    String hashColumn = config.getPartitionColumn() == null ? firstColumn : config.getPartitionColumn();
    List<ExportedBlob> blobs = DistributedReads.export(owner, config, exportedQuery(exports > 1), hashColumn, exports);
    List<ReadSlice> slices = new ArrayList<>();
    int cores = SparkSession.active().sparkContext().defaultParallelism();
    for (List<ExportedBlob> group : BlobGroups.balance(blobs, SLICE_MAX_BYTES, cores)) {
      slices.add(ReadSlice.blobs(group));
    }
    LOG.info("Distributed read: {} blobs in {} Spark partitions", blobs.size(), slices.size());
    return slices;
  }

  /** {@code numPartitions}, else with {@code partitionMode} the session's shuffle partitions, else one export. */
  private int exportCount() {
    if (!shape.isNone()) {
      // An aggregated or limited result is small, and a hash slice would need a column it may not have.
      return 1;
    }
    if (config.getNumPartitions() != null) {
      return config.getNumPartitions();
    }
    if (config.getPartitionMode() == null) {
      return 1;
    }
    return Integer.parseInt(SparkSession.active().conf().get("spark.sql.shuffle.partitions"));
  }

  /**
   * The query to export. With the transient cache and no pushdown, the user's query unchanged, so one export serves
   * every projection of it (readers pick columns by name); a hash-sliced export also carries the hashed column.
   */
  private String exportedQuery(boolean sliced) {
    if (config.isDistributedReadModeTransientCache() && !config.isQueryFilterPushDown() && shape.isNone()) {
      return KqlQueryBuilder.forQuery(config.getQuery()).build();
    }
    return withPredicates(projectedNames(sliced)).build();
  }

  /**
   * The projection: the required columns (with none, as for {@code count()}, the first column: a projection needs
   * one), plus the hash column of a sliced export when it is not among them.
   */
  private List<String> projectedNames(boolean withHashColumn) {
    List<String> names = new ArrayList<>(requiredNames);
    if (names.isEmpty()) {
      names.add(firstColumn);
    }
    String hashColumn = config.getPartitionColumn() == null ? firstColumn : config.getPartitionColumn();
    if (withHashColumn && !names.contains(hashColumn)) {
      names.add(hashColumn);
    }
    return names;
  }

  /** The query with the pushed filters, the projection, and the pushed aggregation, sort and limit. */
  private KqlQueryBuilder withPredicates(List<String> projection) {
    return shape.applyTo(KqlQueryBuilder.forQuery(config.getQuery())
        .compiler(KqlPredicateCompiler.forColumns(relationTypes)).filter(predicates).projectNames(projection));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlannedRead && config.equals(((PlannedRead) o).config) && kql.equals(((PlannedRead) o).kql)
        && requiredNames.equals(((PlannedRead) o).requiredNames);
  }

  @Override
  public int hashCode() {
    return kql.hashCode() * 31 + requiredNames.hashCode();
  }
}
