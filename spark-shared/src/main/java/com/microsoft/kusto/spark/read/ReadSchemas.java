package com.microsoft.kusto.spark.read;

import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/** The schema of a read: the Kusto result's columns (from a schema probe) and the Spark schema shown to users. */
public final class ReadSchemas {
  private ReadSchemas() {}

  /** The query's result columns, from {@code <query> | take 0} (no rows are read). */
  public static List<KustoColumn> probe(ReadConfig config) {
    String kql = KqlQueryBuilder.forQuery(config.getQuery()).buildSchemaProbe();
    KustoResultSetTable result = KustoClients.engineRunner(config.getConnection())
        .query("read schema", kql, deadline(config))
        .getPrimaryResults();
    List<KustoColumn> columns = new ArrayList<>();
    for (KustoResultColumn column : result.getColumns()) {
      columns.add(KustoColumn.of(column.getColumnName(), KustoType.parse(column.getColumnType())));
    }
    return columns;
  }

  /** The Spark schema: {@code customSchema} when given, else the probed columns mapped by {@link SparkTypes}. */
  public static StructType sparkSchema(ReadConfig config, List<KustoColumn> probed) {
    if (config.getCustomSchema() != null) {
      return customSchema(config.getCustomSchema());
    }
    return SparkTypes.readSchema(probed);
  }

  /** Parses {@code customSchema} (Spark DDL such as {@code a INT, b STRING}). */
  public static StructType customSchema(String ddl) {
    try {
      return StructType.fromDDL(ddl);
    } catch (Exception e) {
      // Spark's ParseException is a checked exception in Java's eyes, thrown undeclared from Scala.
      throw new KustoConnectorException(ErrorCode.INVALID_OPTION_VALUE, KustoConnectorException.message(
          "parse option 'customSchema' ('" + ddl + "')", "it is not a Spark DDL column list: " + e.getMessage(),
          "Write it as 'name TYPE, ...', for example 'id LONG, name STRING'; quote odd names with backquotes."));
    }
  }

  /** Column name to Kusto type, in result order. */
  public static Map<String, KustoType> types(List<KustoColumn> columns) {
    Map<String, KustoType> types = new LinkedHashMap<>();
    for (KustoColumn column : columns) {
      types.put(column.name(), column.type());
    }
    return types;
  }

  static long deadline(ReadConfig config) {
    return System.currentTimeMillis() + config.getConnection().getTimeoutSeconds() * 1000L;
  }
}
