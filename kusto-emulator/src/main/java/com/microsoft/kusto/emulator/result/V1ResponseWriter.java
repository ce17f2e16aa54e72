package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Kusto's v1 response ({@code /v1/rest/mgmt}, streaming-ingest answers): {@code {"Tables":[...]}}, one table per
 * result, columns with both the CLR {@code DataType} and the Kusto {@code ColumnType}; dynamic cells as JSON text.
 */
public final class V1ResponseWriter {
  private V1ResponseWriter() {}

  public static void write(OutputStream stream, List<ResultTable> tables) throws IOException {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("A v1 answer needs at least one table: the SDK fails on zero tables");
    }
    try (JsonGenerator out = KustoValues.JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeArrayFieldStart("Tables");
      for (int i = 0; i < tables.size(); i++) {
        ResultTable table = tables.get(i);
        out.writeStartObject();
        out.writeStringField("TableName", "Table_" + i);
        ResponseWriter.writeColumns(out, table.columns(), true);
        ResponseWriter.writeRows(out, table, false);
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
  }
}
