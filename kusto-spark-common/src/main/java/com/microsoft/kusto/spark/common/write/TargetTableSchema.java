package com.microsoft.kusto.spark.common.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KqlSyntax;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a table's columns on the driver. Existence is asked first ({@code .show tables | where TableName == 'T'})
 * so that a missing table is told apart from any other failure without parsing error texts.
 */
public final class TargetTableSchema {
  private TargetTableSchema() {}

  /** The table's columns in order, or {@code null} when the table does not exist. */
  public static List<KustoColumn> readOrNull(KustoRequestRunner runner, String table, long deadlineMillis) {
    KustoResultSetTable exists = runner.command("check table exists",
        ".show tables | where TableName == " + KqlSyntax.stringLiteral(table) + " | project TableName",
        deadlineMillis).getPrimaryResults();
    if (!exists.next()) {
      return null;
    }
    KustoResultSetTable schema = runner.command("read table schema", KustoCommands.showTableSchemaAsJson(table),
        deadlineMillis).getPrimaryResults();
    if (!schema.next()) {
      return null;
    }
    return parse(table, schema.getString("Schema"));
  }

  /** Parses Kusto's JSON schema ({@code {"OrderedColumns":[{"Name":..,"CslType":..}]}}). */
  static List<KustoColumn> parse(String table, String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw unexpected(table, json);
    }
    JsonNode ordered = root == null ? null : root.get("OrderedColumns");
    if (ordered == null || !ordered.isArray()) {
      throw unexpected(table, json);
    }
    List<KustoColumn> columns = new ArrayList<>();
    for (JsonNode column : ordered) {
      JsonNode name = column.get("Name");
      JsonNode type = column.get("CslType");
      if (name == null || type == null) {
        throw unexpected(table, json);
      }
      columns.add(KustoColumn.of(name.asText(), KustoType.parse(type.asText())));
    }
    return Collections.unmodifiableList(columns);
  }

  private static KustoConnectorException unexpected(String table, String json) {
    return new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
        "read the schema of table '" + table + "'", "the service answered with an unexpected schema document ["
            + json + "]", "Report this as a connector bug."));
  }
}
