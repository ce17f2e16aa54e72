package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.KustoReadOptions;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.read.ReadSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Kusto data source for Spark 3.x (Data Source V2), short name {@code kusto}. The options of a read are validated
 * into a {@link ReadConfig} once, on the driver, before any job; the schema is {@code customSchema} or the query's
 * result schema. A write ({@code df.write}, {@code writeStream}) has no {@code kustoQuery}: Spark passes the
 * DataFrame's schema ({@link #supportsExternalMetadata()}) and the table parses the write options itself.
 *
 * <p>Spark creates one provider per {@code load()} and calls {@link #inferSchema} and then {@link #getTable} on it
 * with the same options, so the provider keeps the config and the probed columns between the two calls (a second
 * parse would draw a second random request id).
 */
public class KustoTableProvider implements TableProvider, DataSourceRegister {
  private Map<String, String> parsedOptions;
  private ReadConfig config;
  private List<KustoColumn> probedColumns;

  @Override
  public String shortName() {
    return "kusto";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    ReadConfig read = config(options);
    if (read.getCustomSchema() != null) {
      return ReadSchemas.customSchema(read.getCustomSchema());
    }
    if (probedColumns == null) {
      probedColumns = ReadSchemas.probe(read);
    }
    return ReadSchemas.sparkSchema(read, probedColumns);
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    if (!hasQuery(properties)) {
      // A write (df.write / writeStream): its options name a table, not a query, and are parsed when building it.
      return new KustoTable(null, schema, null);
    }
    ReadConfig read = config(properties);
    return new KustoTable(read, schema, read.getCustomSchema() == null ? probedColumns : null);
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  private static boolean hasQuery(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (key.equalsIgnoreCase(KustoReadOptions.QUERY.key())) {
        return true;
      }
    }
    return false;
  }

  private synchronized ReadConfig config(Map<String, String> options) {
    // inferSchema gets a case-insensitive view (lower-cased keys), getTable the user's keys: compare the latter.
    Map<String, String> copy = new HashMap<>(
        options instanceof CaseInsensitiveStringMap ? ((CaseInsensitiveStringMap) options).asCaseSensitiveMap() : options);
    if (config == null || !copy.equals(parsedOptions)) {
      SparkSession session = SparkSession.active();
      Map<String, String> sessionConf = scala.collection.JavaConverters.mapAsJavaMap(session.conf().getAll());
      config = ReadConfig.from(copy, sessionConf);
      parsedOptions = copy;
      probedColumns = null;
    }
    return config;
  }
}
