package com.microsoft.kusto.spark.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of the primary result of a Kusto v2 query response, decoded while the response is read: frames are
 * walked with Jackson's streaming parser and only the current row is held in memory, so a large result is never
 * buffered whole. Handles both the plain ({@code DataTable}) and the progressive ({@code TableHeader} +
 * {@code TableFragment}) frame layouts. Errors that Kusto reports inside the stream (an error object among the rows,
 * or a {@code DataSetCompletion} with errors) fail the read.
 *
 * <p>Columns are matched to the Spark schema by name; result columns the schema does not name are skipped.
 */
public final class V2ResultRows implements Iterator<InternalRow>, Closeable {
  private static final String PRIMARY = "PrimaryResult";

  private final JsonParser parser;
  private final JsonFactory factory;
  private final StructType schema;
  private final String action;
  /** Progressive responses: the primary table's id and columns, from its TableHeader frame. */
  private Long primaryTableId;
  private List<String[]> primaryColumns;
  /** Per result column: the output position, or -1 to skip. Set when the primary table's columns are known. */
  private int[] positions;
  private KustoType[] types;
  private SparkValueConverter[] converters;
  private boolean inPrimaryRows;
  private boolean primarySeen;
  private boolean finished;
  private InternalRow next;
  private long rowsHandedOn;

  /**
   * @param action what is being done, naming cluster, database and client request id, for error messages
   */
  public V2ResultRows(InputStream response, StructType schema, String action) {
    this.factory = new JsonFactory();
    this.schema = schema;
    this.action = action;
    try {
      this.parser = factory.createParser(response);
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw malformed("the response is not a JSON array of frames");
      }
    } catch (IOException e) {
      throw failure("the response could not be read: " + e.getMessage());
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = advance();
      } catch (IOException e) {
        throw brokenOff(e);
      }
    }
    return next != null;
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    InternalRow row = next;
    next = null;
    rowsHandedOn++;
    return row;
  }

  private InternalRow advance() throws IOException {
    while (true) {
      if (inPrimaryRows) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          return readRow();
        }
        if (token == JsonToken.START_OBJECT) {
          throw failure("Kusto reported an error in the result: " + errorText());
        }
        // End of Rows: finish the rest of the frame object.
        inPrimaryRows = false;
        finishFrame();
        continue;
      }
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) {
        finished = true;
        if (!primarySeen) {
          throw malformed("the response has no primary result");
        }
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw malformed("a frame is not a JSON object");
      }
      readFrameUntilRows();
    }
  }

  /** Reads a frame's fields up to its primary-result {@code Rows} array (then streams), or to its end. */
  private void readFrameUntilRows() throws IOException {
    String frameType = null;
    String tableKind = null;
    Long tableId = null;
    List<String[]> columns = null;
    boolean hasErrors = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.getCurrentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "FrameType":
          frameType = parser.getText();
          break;
        case "TableKind":
          tableKind = parser.getText();
          break;
        case "TableId":
          tableId = parser.getLongValue();
          break;
        case "HasErrors":
          hasErrors = value == JsonToken.VALUE_TRUE;
          break;
        case "OneApiErrors":
          if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
            throw failure("Kusto reported an error: " + errorText());
          }
          break;
        case "Columns":
          columns = readColumns();
          if ("TableHeader".equals(frameType) && PRIMARY.equals(tableKind) && primaryTableId == null) {
            primaryTableId = tableId;
            primaryColumns = columns;
          }
          break;
        case "Rows":
          boolean primaryTable = "DataTable".equals(frameType) && PRIMARY.equals(tableKind) && !primarySeen;
          boolean primaryFragment =
              "TableFragment".equals(frameType) && tableId != null && tableId.equals(primaryTableId);
          if (value == JsonToken.START_ARRAY && (primaryTable || primaryFragment)) {
            startPrimary(primaryTable ? columns : primaryColumns);
            inPrimaryRows = true;
            return;
          }
          parser.skipChildren();
          break;
        default:
          parser.skipChildren();
      }
    }
    if ("DataSetCompletion".equals(frameType) && hasErrors) {
      throw failure("Kusto reported that the query failed");
    }
  }

  private void finishFrame() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
  }

  private List<String[]> readColumns() throws IOException {
    List<String[]> columns = new ArrayList<>();
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return columns;
    }
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      String type = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        parser.nextToken();
        if (field.equals("ColumnName")) {
          name = parser.getText();
        } else if (field.equals("ColumnType") || (field.equals("DataType") && type == null)) {
          type = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      columns.add(new String[] {name, type});
    }
    return columns;
  }

  private void startPrimary(List<String[]> columns) {
    if (positions != null) {
      return;
    }
    if (columns == null) {
      throw malformed("the primary result has rows before its columns");
    }
    primarySeen = true;
    positions = new int[columns.size()];
    types = new KustoType[columns.size()];
    converters = new SparkValueConverter[schema.size()];
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      byName.put(columns.get(i)[0], i);
      positions[i] = -1;
      types[i] = KustoType.parse(columns.get(i)[1]);
    }
    StructField[] fields = schema.fields();
    for (int p = 0; p < fields.length; p++) {
      Integer index = byName.get(fields[p].name());
      if (index == null) {
        throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(action,
            "the result has no column '" + fields[p].name() + "' (it has " + names(columns) + ")",
            "Make 'customSchema' name only columns the query returns (names are case-sensitive)."));
      }
      positions[index] = p;
      converters[p] = SparkValueConverter.forColumn(fields[p].name(), types[index], fields[p].dataType());
    }
  }

  private static String names(List<String[]> columns) {
    List<String> names = new ArrayList<>();
    for (String[] column : columns) {
      names.add(column[0]);
    }
    return names.toString();
  }

  private InternalRow readRow() throws IOException {
    Object[] values = new Object[schema.size()];
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int position = index < positions.length ? positions[index] : -1;
      if (position < 0) {
        parser.skipChildren();
      } else {
        values[position] = converters[position].convert(KustoJsonValues.read(parser, types[index], factory));
      }
      index++;
    }
    return new GenericInternalRow(values);
  }

  /** The error object or array at the current token, as text (secrets removed). */
  private String errorText() throws IOException {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      } else if (token == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        if (name.equals("message") || name.equals("@message") || name.equals("code")) {
          parser.nextToken();
          text.append(text.length() == 0 ? "" : "; ").append(name).append(": ").append(parser.getText());
        }
      }
      if (depth > 0) {
        parser.nextToken();
      }
    } while (depth > 0);
    return text.length() == 0 ? "(no message)" : Secrets.redact(text.toString());
  }

  /**
   * The stream broke (a dropped connection, a timeout) while rows were being read. Not resumed here: rows already
   * handed to Spark cannot be taken back, so the task fails and Spark's task retry starts the read over.
   */
  private KustoConnectorException brokenOff(IOException e) {
    return new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(action,
        "the response broke off after " + rowsHandedOn + " rows had been read (" + e.getClass().getSimpleName()
            + ": " + Secrets.redact(String.valueOf(e.getMessage())) + ")",
        "The task fails so that Spark's task retry reads the query again from the start (never resuming, so no"
            + " row is repeated); if it keeps failing, check the network to the cluster, or use 'readMode'="
            + "ForceDistributedMode for large results."));
  }

  private KustoConnectorException malformed(String reason) {
    return new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED,
        KustoConnectorException.message(action, reason, "This is unexpected from Kusto; retry, and report it if it"
            + " persists."));
  }

  private KustoConnectorException failure(String reason) {
    return new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED,
        KustoConnectorException.message(action, reason, "Check the query, the table and column names."));
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
