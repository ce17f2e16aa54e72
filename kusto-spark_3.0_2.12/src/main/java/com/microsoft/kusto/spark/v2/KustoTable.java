package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import com.microsoft.kusto.spark.read.ReadSchemas;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Kusto query as a Spark table. Reads only for now; the write side adds {@code SupportsWrite} and its
 * capabilities to {@link #capabilities()}.
 */
public class KustoTable implements SupportsRead {
  private final ReadConfig config;
  private final StructType schema;
  private List<KustoColumn> kustoColumns;

  /**
   * @param kustoColumns the query's result columns if already probed, else {@code null} (then probed when a scan
   *     first needs the Kusto types, for pushdown and decoding)
   */
  public KustoTable(ReadConfig config, StructType schema, List<KustoColumn> kustoColumns) {
    this.config = config;
    this.schema = schema;
    this.kustoColumns = kustoColumns;
  }

  @Override
  public String name() {
    return "kusto:" + config.getConnection().getDatabase() + ":" + Secrets.redactKql(config.getQuery().trim());
  }

  @SuppressWarnings("deprecation")
  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Collections.unmodifiableSet(EnumSet.of(TableCapability.BATCH_READ));
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new KustoScanBuilder(config, schema, kustoTypes());
  }

  public ReadConfig config() {
    return config;
  }

  /** The Kusto type of every result column (the probe runs at most once per table). */
  synchronized Map<String, KustoType> kustoTypes() {
    if (kustoColumns == null) {
      kustoColumns = ReadSchemas.probe(config);
    }
    return ReadSchemas.types(kustoColumns);
  }
}
