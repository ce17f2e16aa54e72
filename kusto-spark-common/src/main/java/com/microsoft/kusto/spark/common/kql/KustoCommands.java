package com.microsoft.kusto.spark.common.kql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Text of every management command the connector sends, one method per command. Table and column names are always
 * bracket-quoted and strings escaped by {@link KqlSyntax}; policy bodies are JSON built with Jackson (stable field
 * order). Every template is checked with Microsoft's KQL parser in the conformance test, except the data-management
 * commands ({@link #showExportContainers()}) that the engine grammar does not cover.
 *
 * <p>{@code .replace extents} is deliberately absent: its documented form ({@code <| {.show table ...}, {...}}) is
 * rejected by the engine grammar of the parser we verify against, and the write path needs only {@code .move extents}.
 */
public final class KustoCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KustoCommands() {}

  /** {@code .create table ['T'] (['a']:string, ...)}. */
  public static String createTable(String table, List<KustoColumn> columns) {
    return ".create table " + KqlSyntax.quoteIdentifier(table) + " " + columnList(columns);
  }

  /** {@code .create-merge table ['T'] (...)}: creates the table or adds missing columns. */
  public static String createMergeTable(String table, List<KustoColumn> columns) {
    return ".create-merge table " + KqlSyntax.quoteIdentifier(table) + " " + columnList(columns);
  }

  /**
   * A hidden table for a transactional write: {@code .create table ['T'] (...) with (hidden=true, folder='f')}.
   *
   * @param folder the UI folder, or null for none
   */
  public static String createHiddenTable(String table, List<KustoColumn> columns, String folder) {
    return createTable(table, columns)
        + " with (hidden=true"
        + (folder == null ? "" : ", folder=" + KqlSyntax.stringLiteral(folder))
        + ")";
  }

  /** {@code .drop table ['T'] ifexists}. */
  public static String dropTableIfExists(String table) {
    return ".drop table " + KqlSyntax.quoteIdentifier(table) + " ifexists";
  }

  /** {@code .show table ['T'] cslschema}. */
  public static String showTableCslSchema(String table) {
    return ".show table " + KqlSyntax.quoteIdentifier(table) + " cslschema";
  }

  /** {@code .show table ['T'] schema as json}. */
  public static String showTableSchemaAsJson(String table) {
    return ".show table " + KqlSyntax.quoteIdentifier(table) + " schema as json";
  }

  /** {@code .show table ['T'] policy <name>}. */
  public static String showTablePolicy(String table, TablePolicy policy) {
    return ".show table " + KqlSyntax.quoteIdentifier(table) + " policy " + policy.commandName();
  }

  /** {@code .alter table ['T'] policy <name> '<json>'} with any policy body (for example one copied from another table). */
  public static String alterTablePolicy(String table, TablePolicy policy, String policyJson) {
    return ".alter table "
        + KqlSyntax.quoteIdentifier(table)
        + " policy "
        + policy.commandName()
        + " "
        + KqlSyntax.stringLiteral(policyJson);
  }

  /** Retention: {@code {"SoftDeletePeriod":"d.hh:mm:ss","Recoverability":"Enabled|Disabled"}}. */
  public static String alterRetentionPolicy(String table, Duration softDeletePeriod, boolean recoverable) {
    ObjectNode body = JSON.createObjectNode();
    body.put("SoftDeletePeriod", KustoTimespan.format(toTicks(softDeletePeriod)));
    body.put("Recoverability", recoverable ? "Enabled" : "Disabled");
    return alterTablePolicy(table, TablePolicy.RETENTION, json(body));
  }

  /** Auto delete: {@code {"ExpiryDate":"<UTC>","DeleteIfNotEmpty":true}}. */
  public static String alterAutoDeletePolicy(String table, Instant expiry, boolean deleteIfNotEmpty) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ExpiryDate", KustoDatetime.formatTicksPrecision(KustoDatetime.toMicros(expiry)));
    body.put("DeleteIfNotEmpty", deleteIfNotEmpty);
    return alterTablePolicy(table, TablePolicy.AUTO_DELETE, json(body));
  }

  /** Merge: {@code {"AllowMerge":false,"AllowRebuild":false}} freezes a temp table's extents before moving them. */
  public static String alterMergePolicy(String table, boolean allowMerge, boolean allowRebuild) {
    ObjectNode body = JSON.createObjectNode();
    body.put("AllowMerge", allowMerge);
    body.put("AllowRebuild", allowRebuild);
    return alterTablePolicy(table, TablePolicy.MERGE, json(body));
  }

  /** {@code .alter table ['T'] policy streamingingestion enable|disable}. */
  public static String alterStreamingIngestionPolicy(String table, boolean enable) {
    return ".alter table "
        + KqlSyntax.quoteIdentifier(table)
        + " policy streamingingestion "
        + (enable ? "enable" : "disable");
  }

  /** {@code .clear table ['T'] cache streamingingestion schema}, after a schema change on a streaming table. */
  public static String clearStreamingIngestionSchemaCache(String table) {
    return ".clear table " + KqlSyntax.quoteIdentifier(table) + " cache streamingingestion schema";
  }

  /** {@code .refresh database 'db' table 'T' cache ingestionbatchingpolicy} (sent to the ingestion endpoint). */
  public static String refreshIngestionBatchingPolicyCache(String database, String table) {
    return ".refresh database "
        + KqlSyntax.stringLiteral(database)
        + " table "
        + KqlSyntax.stringLiteral(table)
        + " cache ingestionbatchingpolicy";
  }

  /** {@code .show table ['T'] extents}. */
  public static String showTableExtents(String table) {
    return ".show table " + KqlSyntax.quoteIdentifier(table) + " extents";
  }

  /** {@code .show table ['T'] extents (id1, id2, ...)}: these extents of the table. */
  public static String showTableExtents(String table, java.util.List<String> extentIds) {
    return showTableExtents(table) + " (" + String.join(", ", extentIds) + ")";
  }

  /**
   * {@code .move async extents to table ['B'] [with (SetNewIngestionTime=true)] <| .show table ['A'] extents (ids)}:
   * moves exactly these extents, in one transaction.
   */
  public static String moveExtents(String sourceTable, String targetTable, boolean setNewIngestionTime,
      java.util.List<String> extentIds) {
    return ".move async extents to table " + KqlSyntax.quoteIdentifier(targetTable)
        + (setNewIngestionTime ? " with (SetNewIngestionTime=true)" : "") + " <| "
        + showTableExtents(sourceTable, extentIds);
  }

  /** {@code .show table ['T'] extents | count}. */
  public static String countTableExtents(String table) {
    return showTableExtents(table) + " | count";
  }

  /** {@code .move [async] extents all from table ['A'] to table ['B']}. */
  public static String moveAllExtents(String sourceTable, String targetTable, boolean async) {
    return ".move "
        + (async ? "async " : "")
        + "extents all from table "
        + KqlSyntax.quoteIdentifier(sourceTable)
        + " to table "
        + KqlSyntax.quoteIdentifier(targetTable);
  }

  /**
   * {@code .move [async] extents to table ['B'] [with (...)] <| .show table ['A'] extents [with(...)]}: moves the
   * source's extents, optionally only those created in a time range and at most {@code maxExtents} of them.
   *
   * @param createdOnFrom lower bound of extent creation time, or null
   * @param createdOnTo upper bound of extent creation time, or null
   * @param maxExtents the most extents to move in this call, or 0 for all
   */
  public static String moveExtents(
      String sourceTable,
      String targetTable,
      boolean async,
      boolean setNewIngestionTime,
      Instant createdOnFrom,
      Instant createdOnTo,
      int maxExtents) {
    StringBuilder properties = new StringBuilder();
    if (setNewIngestionTime) {
      properties.append("SetNewIngestionTime=true");
    }
    if (createdOnFrom != null) {
      properties.append(properties.length() == 0 ? "" : ", ").append("extentCreatedOnFrom=").append(datetimeString(createdOnFrom));
    }
    if (createdOnTo != null) {
      properties.append(properties.length() == 0 ? "" : ", ").append("extentCreatedOnTo=").append(datetimeString(createdOnTo));
    }
    StringBuilder out = new StringBuilder(".move ");
    out.append(async ? "async " : "").append("extents to table ").append(KqlSyntax.quoteIdentifier(targetTable));
    if (properties.length() > 0) {
      out.append(" with (").append(properties).append(")");
    }
    out.append(" <| ").append(showTableExtents(sourceTable));
    if (maxExtents > 0) {
      ObjectNode policy = JSON.createObjectNode().put("MaximumResultsCount", maxExtents);
      out.append(" with (extentsShowFilteringRuntimePolicy=").append(KqlSyntax.stringLiteral(json(policy))).append(")");
    } else if (maxExtents < 0) {
      throw new IllegalArgumentException("maxExtents must be >= 0 (0 = all), got " + maxExtents);
    }
    return out.toString();
  }

  /** {@code .drop extents <| .show table ['T'] extents}: drops all of the table's data, keeping the table. */
  public static String dropAllExtents(String table) {
    return ".drop extents <| " + showTableExtents(table);
  }

  /** {@code .show operations <id>}: the state of an async command. */
  public static String showOperation(UUID operationId) {
    return ".show operations " + operationId;
  }

  /** {@code .show operation <id> details}: the result table of a finished async command. */
  public static String showOperationDetails(UUID operationId) {
    return ".show operation " + operationId + " details";
  }

  /**
   * {@code .export async [compressed] to parquet (h@"uri", ...) with (sizeLimit=..., namePrefix='...', ...) <| query}.
   * The query (for example from {@link KqlQueryBuilder}) is appended as is, so it may span lines and hold comments.
   */
  public static String exportToParquet(ParquetExport export, String query) {
    StringBuilder out = new StringBuilder(".export async ");
    if (export.compressed()) {
      out.append("compressed ");
    }
    out.append("to parquet (");
    for (int i = 0; i < export.storageUris().size(); i++) {
      // Verbatim (no escapes) and obfuscated: Kusto masks h-literals in its logs; no URI holds '"' (checked).
      out.append(i == 0 ? "" : ", ").append("h@\"").append(export.storageUris().get(i)).append('"');
    }
    out.append(")");
    StringBuilder with = new StringBuilder();
    if (export.sizeLimitBytes() > 0) {
      with.append("sizeLimit=").append(export.sizeLimitBytes());
    }
    appendProperty(with, "namePrefix", export.namePrefix());
    appendProperty(with, "compressionType", export.compressionType());
    if (export.useNativeParquetWriter() != null) {
      with.append(with.length() == 0 ? "" : ", ").append("useNativeParquetWriter=").append(export.useNativeParquetWriter());
    }
    for (Map.Entry<String, String> property : export.extraProperties().entrySet()) {
      appendProperty(with, property.getKey(), property.getValue());
    }
    if (with.length() > 0) {
      out.append(" with (").append(with).append(")");
    }
    return out.append(" <| ").append(KqlQueryBuilder.normalize(query)).toString();
  }

  /**
   * {@code .show export containers}: Kusto-managed export storage. A data-management command, sent to the ingestion
   * endpoint; the engine grammar does not know it.
   */
  public static String showExportContainers() {
    return ".show export containers";
  }

  /**
   * {@code .ingest inline into table ['T'] <| <data>}: small test and sample loads; the data (CSV rows) runs to the
   * end of the command text.
   */
  public static String ingestInline(String table, String csvData) {
    return ".ingest inline into table " + KqlSyntax.quoteIdentifier(table) + " <|\n" + csvData;
  }

  private static void appendProperty(StringBuilder with, String name, String value) {
    if (value != null) {
      with.append(with.length() == 0 ? "" : ", ").append(name).append('=').append(KqlSyntax.stringLiteral(value));
    }
  }

  private static String columnList(List<KustoColumn> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A Kusto table needs at least one column");
    }
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < columns.size(); i++) {
      KustoColumn column = columns.get(i);
      out.append(i == 0 ? "" : ", ").append(KqlSyntax.quoteIdentifier(column.name())).append(':').append(column.type().cslName());
    }
    return out.append(')').toString();
  }

  private static String datetimeString(Instant instant) {
    return KqlSyntax.stringLiteral(KustoDatetime.formatTicksPrecision(KustoDatetime.toMicros(instant)));
  }

  private static long toTicks(Duration duration) {
    return Math.addExact(Math.multiplyExact(duration.getSeconds(), KustoTimespan.TICKS_PER_SECOND), duration.getNano() / 100);
  }

  private static String json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a policy as JSON", e);
    }
  }
}
