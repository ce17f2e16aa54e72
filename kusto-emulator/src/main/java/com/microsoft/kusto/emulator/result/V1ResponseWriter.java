package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Kusto's v1 response ({@code /v1/rest/mgmt}, {@code /v1/rest/query}, streaming-ingest answers):
 * {@code {"Tables":[...]}}, columns with both the CLR {@code DataType} and the Kusto {@code ColumnType}; dynamic
 * cells as JSON text. Commands answer one table per result; a query answers as the service does, with its primary
 * result, the query properties, the query status and a table of contents naming them (the last table).
 */
public final class V1ResponseWriter {
  private V1ResponseWriter() {}

  /**
   * A query's v1 answer; rows are written as they come.
   *
   * @param clientRequestId echoed in the status table, as the service does
   */
  public static void writeQuery(OutputStream stream, List<ColumnSchema> columns, Iterator<List<Object>> rows,
      String clientRequestId, String activityId) throws IOException {
    try (JsonGenerator out = KustoValues.JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeArrayFieldStart("Tables");
      out.writeStartObject();
      out.writeStringField("TableName", "Table_0");
      ResponseWriter.writeColumns(out, columns, true);
      ResponseWriter.writeRowsReportingFailure(out, rows, false, clientRequestId, activityId);
      out.writeEndObject();
      writeTable(out, 1, ResultTable.of(List.of(new ColumnSchema("Value", KustoType.STRING)),
          List.of(List.of("{\"Visualization\":null,\"Title\":null,\"XColumn\":null,\"Series\":null}"))));
      writeTable(out, 2, ResultTable.of(
          List.of(new ColumnSchema("Timestamp", KustoType.DATETIME), new ColumnSchema("Severity", KustoType.INT),
              new ColumnSchema("SeverityName", KustoType.STRING), new ColumnSchema("StatusCode", KustoType.INT),
              new ColumnSchema("StatusDescription", KustoType.STRING), new ColumnSchema("Count", KustoType.INT),
              new ColumnSchema("RequestId", KustoType.GUID), new ColumnSchema("ActivityId", KustoType.GUID),
              new ColumnSchema("SubActivityId", KustoType.GUID), new ColumnSchema("ClientActivityId", KustoType.STRING)),
          List.of(Arrays.asList(Instant.now(), 4, "Info", 0, "Query completed successfully", 1, UUID.randomUUID(),
              UUID.fromString(activityId), UUID.randomUUID(), clientRequestId))));
      String[][] contents = {{"QueryResult", "PrimaryResult"}, {"QueryProperties", "@ExtendedProperties"},
          {"QueryStatus", "QueryStatus"}};
      List<List<Object>> toc = new ArrayList<>();
      for (int i = 0; i < contents.length; i++) {
        toc.add(Arrays.asList((long) i, contents[i][0], contents[i][1], UUID.randomUUID().toString(), ""));
      }
      writeTable(out, 3, ResultTable.of(
          List.of(new ColumnSchema("Ordinal", KustoType.LONG), new ColumnSchema("Kind", KustoType.STRING),
              new ColumnSchema("Name", KustoType.STRING), new ColumnSchema("Id", KustoType.STRING),
              new ColumnSchema("PrettyName", KustoType.STRING)), toc));
      out.writeEndArray();
      out.writeEndObject();
    }
  }

  private static void writeTable(JsonGenerator out, int index, ResultTable table) throws IOException {
    out.writeStartObject();
    out.writeStringField("TableName", "Table_" + index);
    ResponseWriter.writeColumns(out, table.columns(), true);
    ResponseWriter.writeRows(out, table, false);
    out.writeEndObject();
  }

  public static void write(OutputStream stream, List<ResultTable> tables) throws IOException {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("A v1 answer needs at least one table: the SDK fails on zero tables");
    }
    try (JsonGenerator out = KustoValues.JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeArrayFieldStart("Tables");
      for (int i = 0; i < tables.size(); i++) {
        writeTable(out, i, tables.get(i));
      }
      out.writeEndArray();
      out.writeEndObject();
    }
  }
}
