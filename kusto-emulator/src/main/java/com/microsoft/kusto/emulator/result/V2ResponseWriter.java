package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.IOException;
import java.io.OutputStream;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.UUID;

/**
 * Kusto's v2 query response: a JSON array of frames — DataSetHeader, the QueryProperties table, the
 * PrimaryResult table, QueryCompletionInformation and DataSetCompletion. Dynamic cells are embedded JSON.
 */
public final class V2ResponseWriter {
  private static final Logger LOG = LoggerFactory.getLogger(V2ResponseWriter.class);
  private V2ResponseWriter() {}

  public static void write(OutputStream stream, ResultTable primary, String clientRequestId, String activityId)
      throws IOException {
    write(stream, primary.columns(), primary.rows().iterator(), clientRequestId, activityId);
  }

  /**
   * Writes the response while the primary result's rows are read, so a large result never sits whole in memory.
   * Closes {@code stream}.
   */
  public static void write(OutputStream stream, List<ColumnSchema> columns, Iterator<List<Object>> rows,
      String clientRequestId, String activityId) throws IOException {
    try (JsonGenerator out = KustoValues.JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
      out.writeStartArray();
      out.writeStartObject();
      out.writeStringField("FrameType", "DataSetHeader");
      out.writeBooleanField("IsProgressive", false);
      out.writeStringField("Version", "v2.0");
      out.writeBooleanField("IsFragmented", false);
      out.writeStringField("ErrorReportingPlacement", "EndOfTable");
      out.writeEndObject();

      writeQueryProperties(out);

      out.writeStartObject();
      out.writeStringField("FrameType", "DataTable");
      out.writeNumberField("TableId", 1);
      out.writeStringField("TableKind", "PrimaryResult");
      out.writeStringField("TableName", "PrimaryResult");
      ResponseWriter.writeColumns(out, columns, false);
      // A failure after the answer started goes in band: in the table (EndOfTable placement, as the header announced)
      // and again in the completion frame.
      KustoRequestException failure =
          ResponseWriter.writeRowsReportingFailure(out, rows, true, clientRequestId, activityId);
      if (failure != null) {
        LOG.info("Query failed after its answer started; reported in band: {}", failure.getMessage());
      }
      out.writeEndObject();

      writeCompletionInformation(out, clientRequestId, activityId);

      out.writeStartObject();
      out.writeStringField("FrameType", "DataSetCompletion");
      out.writeBooleanField("HasErrors", failure != null);
      out.writeBooleanField("Cancelled", false);
      if (failure != null) {
        ResponseWriter.writeOneApiErrors(out, failure, clientRequestId, activityId);
      }
      out.writeEndObject();
      out.writeEndArray();
    }
  }

  private static void writeQueryProperties(JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("FrameType", "DataTable");
    out.writeNumberField("TableId", 0);
    out.writeStringField("TableKind", "QueryProperties");
    out.writeStringField("TableName", "@ExtendedProperties");
    out.writeArrayFieldStart("Columns");
    column(out, "TableId", "int");
    column(out, "Key", "string");
    column(out, "Value", "dynamic");
    out.writeEndArray();
    out.writeArrayFieldStart("Rows");
    out.writeStartArray();
    out.writeNumber(1);
    out.writeString("Visualization");
    out.writeStartObject();
    out.writeNullField("Visualization");
    out.writeEndObject();
    out.writeEndArray();
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void writeCompletionInformation(JsonGenerator out, String clientRequestId, String activityId)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("FrameType", "DataTable");
    out.writeNumberField("TableId", 2);
    out.writeStringField("TableKind", "QueryCompletionInformation");
    out.writeStringField("TableName", "QueryCompletionInformation");
    out.writeArrayFieldStart("Columns");
    column(out, "Timestamp", "datetime");
    column(out, "ClientRequestId", "string");
    column(out, "ActivityId", "guid");
    column(out, "SubActivityId", "guid");
    column(out, "ParentActivityId", "guid");
    column(out, "Level", "int");
    column(out, "LevelName", "string");
    column(out, "StatusCode", "int");
    column(out, "StatusCodeName", "string");
    column(out, "EventType", "int");
    column(out, "EventTypeName", "string");
    column(out, "Payload", "string");
    out.writeEndArray();
    out.writeArrayFieldStart("Rows");
    out.writeStartArray();
    out.writeString(KustoValues.formatDatetime(Instant.now()));
    out.writeString(clientRequestId);
    out.writeString(activityId);
    out.writeString(activityId);
    out.writeString(activityId);
    out.writeNumber(4);
    out.writeString("Info");
    out.writeNumber(0);
    out.writeString("S_OK (0)");
    out.writeNumber(4);
    out.writeString("QueryInfo");
    out.writeString("{\"Count\":1,\"Text\":\"Query completed successfully\"}");
    out.writeEndArray();
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void column(JsonGenerator out, String name, String type) throws IOException {
    out.writeStartObject();
    out.writeStringField("ColumnName", name);
    out.writeStringField("ColumnType", type);
    out.writeEndObject();
  }

  /** A fresh activity id. */
  public static String newActivityId() {
    return UUID.randomUUID().toString();
  }
}
