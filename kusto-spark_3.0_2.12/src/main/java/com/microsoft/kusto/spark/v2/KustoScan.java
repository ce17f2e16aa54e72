package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.kql.KqlPredicateCompiler;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.kql.Predicate;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.ReadMode;
import com.microsoft.kusto.spark.common.read.BlobGroups;
import com.microsoft.kusto.spark.common.read.ExportedBlob;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import com.microsoft.kusto.spark.read.DistributedReads;
import com.microsoft.kusto.spark.read.ReadModeChooser;
import com.microsoft.kusto.spark.read.SparkValueConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planned read: the final KQL (the user's query, pushed filters, projection) and, per Spark action, the read
 * mode and input partitions. {@link #description()} shows the KQL with secrets removed, so {@code explain()} does.
 */
class KustoScan implements Scan, Batch {
  private static final Logger LOG = LoggerFactory.getLogger(KustoScan.class);
  /** Most bytes of exported Parquet per Spark partition (Spark's default maxPartitionBytes). */
  private static final long PARTITION_TARGET_BYTES = 128L * 1024 * 1024;

  private final ReadConfig config;
  private final StructType schema;
  private final StructType required;
  private final HashMap<String, KustoType> kustoTypes;
  private final List<Predicate> predicates;
  private final String kql;
  private transient InputPartition[] planned;

  KustoScan(ReadConfig config, StructType schema, StructType required, Map<String, KustoType> kustoTypes,
      List<Predicate> predicates) {
    this.config = config;
    this.schema = schema;
    this.required = required;
    this.kustoTypes = new HashMap<>(kustoTypes);
    this.predicates = predicates;
    this.kql = query(projection(required)).build();
    // Fail while planning, on the driver, for a customSchema type the Kusto column cannot be read as.
    for (StructField field : required.fields()) {
      KustoType type = kustoTypes.get(field.name());
      if (type != null) {
        SparkValueConverter.forColumn(field.name(), type, field.dataType());
      }
    }
  }

  private KqlQueryBuilder query(List<String> projection) {
    return KqlQueryBuilder.forQuery(config.getQuery()).compiler(KqlPredicateCompiler.forColumns(kustoTypes))
        .filter(predicates).projectNames(projection);
  }

  /** The required columns; with none (e.g. {@code count()}), the first column, since a projection needs one. */
  private List<String> projection(StructType columns) {
    List<String> names = new ArrayList<>();
    for (StructField field : columns.fields()) {
      names.add(field.name());
    }
    if (names.isEmpty()) {
      names.add(schema.fields()[0].name());
    }
    return names;
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "KustoScan(cluster=" + config.getConnection().getClusterUrl() + ", database="
        + config.getConnection().getDatabase() + ", readMode="
        + (config.getReadMode() == null ? "automatic" : config.getReadMode()) + ", kql=" + Secrets.redactKql(kql) + ")";
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
      planned = plan();
    }
    return planned.clone();
  }

  private InputPartition[] plan() {
    ReadMode mode = ReadModeChooser.choose(config, query(projection(required)).buildCount());
    if (mode == ReadMode.ForceSingleMode) {
      return new InputPartition[] {new KustoQueryPartition(config.getConnection(), kql)};
    }
    int partitions = exportPartitions();
    String partitionColumn = config.getPartitionColumn() != null ? config.getPartitionColumn()
        : schema.fields()[0].name();
    List<ExportedBlob> blobs = DistributedReads.export(this, config,
        exportQuery(partitions, partitionColumn), partitionColumn, partitions);
    List<List<ExportedBlob>> groups = BlobGroups.balance(blobs, PARTITION_TARGET_BYTES,
        SparkSession.active().sparkContext().defaultParallelism());
    LOG.info("Distributed read: {} blobs in {} Spark partitions", blobs.size(), groups.size());
    InputPartition[] result = new InputPartition[groups.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = new KustoBlobsPartition(groups.get(i));
    }
    return result;
  }

  private int exportPartitions() {
    if (config.getNumPartitions() != null) {
      return config.getNumPartitions();
    }
    if (config.getPartitionMode() != null) {
      return Integer.parseInt(SparkSession.active().conf().get("spark.sql.shuffle.partitions"));
    }
    return 1;
  }

  /**
   * The exported query. With the transient cache and without pushdown it is the user's query as is, so one export
   * serves every projection of it (readers pick their columns by name). A hash-sliced export needs the partition
   * column in the result, so it is added to the projection when missing (readers ignore it).
   */
  private String exportQuery(int partitions, String partitionColumn) {
    if (config.isDistributedReadModeTransientCache() && !config.isQueryFilterPushDown()) {
      return KqlQueryBuilder.forQuery(config.getQuery()).build();
    }
    List<String> projection = projection(required);
    if (partitions > 1 && !projection.contains(partitionColumn)) {
      projection.add(partitionColumn);
    }
    return query(projection).build();
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new KustoPartitionReaderFactory(required, kustoTypes);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KustoScan)) {
      return false;
    }
    KustoScan other = (KustoScan) o;
    return config.equals(other.config) && required.equals(other.required) && kql.equals(other.kql);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, required, kql);
  }
}
