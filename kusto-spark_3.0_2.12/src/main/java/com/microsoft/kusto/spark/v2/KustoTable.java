package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import com.microsoft.kusto.spark.read.ReadSchemas;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Kusto query (read) or table (write) as a Spark table. A write's options have no query, so such a table has no
 * {@link ReadConfig}; the write's own options are parsed into a {@link WriteConfig} by {@link #newWriteBuilder}.
 */
public class KustoTable implements SupportsRead, SupportsWrite {
  private final ReadConfig config;
  private final StructType schema;
  private List<KustoColumn> kustoColumns;

  /**
   * @param config the read's options, or {@code null} for a table that is only written to
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
    if (config == null) {
      return "kusto:write";
    }
    return "kusto:" + config.getConnection().getDatabase() + ":" + Secrets.redactKql(config.getQuery().trim());
  }

  @SuppressWarnings("deprecation")
  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Collections.unmodifiableSet(EnumSet.of(TableCapability.BATCH_READ,
        TableCapability.BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.STREAMING_WRITE));
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    if (config == null) {
      throw new KustoConnectorException(ErrorCode.MISSING_REQUIRED_OPTION, KustoConnectorException.message(
          "read from Kusto", "option 'kustoQuery' is not set", "Set 'kustoQuery' to the query or table to read."));
    }
    return ScanBuilders.create(config, schema, kustoTypes());
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    Map<String, String> sessionConf =
        scala.collection.JavaConverters.mapAsJavaMap(SparkSession.active().conf().getAll());
    return new KustoWriteBuilder(WriteConfig.from(info.options().asCaseSensitiveMap(), sessionConf), info);
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
