package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/** Writes cell values the way Kusto does on the wire (shared by the v1 and v2 formats). */
final class ResponseWriter {
  private ResponseWriter() {}

  static void writeColumns(JsonGenerator out, List<ColumnSchema> columns, boolean withDataType) throws IOException {
    out.writeArrayFieldStart("Columns");
    for (ColumnSchema c : columns) {
      out.writeStartObject();
      out.writeStringField("ColumnName", c.name());
      if (withDataType) {
        out.writeStringField("DataType", c.type().clrName());
      }
      out.writeStringField("ColumnType", c.type().kustoName());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  static void writeRows(JsonGenerator out, ResultTable table, boolean dynamicAsJson) throws IOException {
    writeRows(out, table.rows().iterator(), dynamicAsJson);
  }

  /** Rows as they come: each is written (and can be forgotten) before the next is asked for. */
  static void writeRows(JsonGenerator out, Iterator<List<Object>> rows, boolean dynamicAsJson) throws IOException {
    out.writeArrayFieldStart("Rows");
    while (rows.hasNext()) {
      writeRow(out, rows.next(), dynamicAsJson);
    }
    out.writeEndArray();
  }

  /**
   * The {@code Rows} of a streamed table: rows as they come, until reading one fails. The response has started by
   * then (status 200, earlier rows out), so the failure goes in band, as Kusto reports it: a row that is an object,
   * {@code {"OneApiErrors":[...]}}. Returns that failure (null when every row was read), for the caller to repeat
   * where its protocol wants it.
   */
  static KustoRequestException writeRowsReportingFailure(JsonGenerator out, Iterator<List<Object>> rows,
      boolean dynamicAsJson, String clientRequestId, String activityId) throws IOException {
    out.writeArrayFieldStart("Rows");
    KustoRequestException failure = asKustoError(writeRowsUntilFailure(out, rows, dynamicAsJson));
    if (failure != null) {
      out.writeStartObject();
      writeOneApiErrors(out, failure, clientRequestId, activityId);
      out.writeEndObject();
    }
    out.writeEndArray();
    return failure;
  }

  /** {@code "OneApiErrors":[{"error":{...}}]}, the in-band form of one failure. */
  static void writeOneApiErrors(JsonGenerator out, KustoRequestException failure, String clientRequestId,
      String activityId) throws IOException {
    out.writeArrayFieldStart("OneApiErrors");
    out.writeTree(OneApiError.node(failure, clientRequestId, activityId, true));
    out.writeEndArray();
  }

  /** A failure while reading rows as Kusto would report it; null stays null. */
  private static KustoRequestException asKustoError(RuntimeException e) {
    if (e == null || e instanceof KustoRequestException) {
      return (KustoRequestException) e;
    }
    if (e.getCause() instanceof KustoRequestException k) {
      return k;
    }
    return new KustoRequestException(400, "General_BadRequest",
        "Query execution failed after the first rows were sent: " + e.getMessage(), true);
  }

  /** Rows as they come, until reading one fails: returns that failure, or null when every row was read. */
  private static RuntimeException writeRowsUntilFailure(JsonGenerator out, Iterator<List<Object>> rows,
      boolean dynamicAsJson) throws IOException {
    while (true) {
      List<Object> row;
      try {
        if (!rows.hasNext()) {
          return null;
        }
        row = rows.next();
      } catch (RuntimeException e) {
        return e;
      }
      writeRow(out, row, dynamicAsJson);
    }
  }

  private static void writeRow(JsonGenerator out, List<Object> row, boolean dynamicAsJson) throws IOException {
    out.writeStartArray();
    for (int i = 0; i < row.size(); i++) {
      writeCell(out, row.get(i), dynamicAsJson);
    }
    out.writeEndArray();
  }

  /** One cell. Reals always carry a decimal point or exponent, since the SDK reads integer tokens as ints. */
  static void writeCell(JsonGenerator out, Object value, boolean dynamicAsJson) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Double d) {
      writeReal(out, d);
    } else if (value instanceof BigDecimal d) {
      out.writeString(plain(d));
    } else if (value instanceof Instant t) {
      out.writeString(KustoValues.formatDatetime(t));
    } else if (value instanceof Duration d) {
      out.writeString(KustoValues.formatTimespan(d));
    } else if (value instanceof JsonNode node) {
      if (dynamicAsJson) {
        out.writeTree(node);
      } else {
        out.writeString(node.isTextual() ? node.textValue() : node.toString());
      }
    } else {
      out.writeString(value.toString());
    }
  }

  private static void writeReal(JsonGenerator out, double d) throws IOException {
    if (Double.isNaN(d)) {
      out.writeString("NaN");
    } else if (Double.isInfinite(d)) {
      out.writeString(d > 0 ? "Infinity" : "-Infinity");
    } else {
      // Double.toString always has '.' or 'E' ("2.0", "1.0E300").
      out.writeNumber(Double.toString(d));
    }
  }

  private static String plain(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }
}
