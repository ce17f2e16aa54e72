package com.microsoft.kusto.spark.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Frame layouts, in-band errors and incremental decoding of v2 query responses. */
class V2ResultRowsTest {
  private static final StructType SCHEMA =
      new StructType().add("name", DataTypes.StringType).add("id", DataTypes.LongType);
  private static final String HEADER = "{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
      + "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\",\"TableName\":\"@Ext\","
      + "\"Columns\":[{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],\"Rows\":[[{\"x\":1}]]},";
  private static final String COLUMNS = "\"Columns\":[{\"ColumnName\":\"id\",\"ColumnType\":\"long\"},"
      + "{\"ColumnName\":\"skipped\",\"ColumnType\":\"dynamic\"},{\"ColumnName\":\"name\",\"ColumnType\":\"string\"}]";

  private static List<String> rows(String json) {
    List<String> out = new ArrayList<>();
    try (V2ResultRows rows = new V2ResultRows(stream(json), SCHEMA, "read test")) {
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        out.add((row.isNullAt(0) ? "null" : row.getUTF8String(0).toString()) + "/"
            + (row.isNullAt(1) ? "null" : Long.toString(row.getLong(1))));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsThePrimaryResultByColumnNameSkippingOtherColumnsAndTables() {
    String json = "[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + "\"TableName\":\"PrimaryResult\"," + COLUMNS + ",\"Rows\":[[1,{\"a\":[1,2]},\"x\"],[null,[],null]]},"
        + "{\"FrameType\":\"DataTable\",\"TableId\":2,\"TableKind\":\"QueryCompletionInformation\",\"Columns\":[],"
        + "\"Rows\":[]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
    assertThat(rows(json)).containsExactly("x/1", "null/null");
  }

  @Test
  void readsProgressiveFragmentsOfThePrimaryTable() {
    String json = "[" + HEADER
        + "{\"FrameType\":\"TableHeader\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"P\"," + COLUMNS
        + "},{\"FrameType\":\"TableFragment\",\"TableId\":1,\"Rows\":[[1,null,\"a\"]]},"
        + "{\"FrameType\":\"TableProgress\",\"TableId\":1,\"TableProgress\":50.0},"
        + "{\"FrameType\":\"TableFragment\",\"TableId\":1,\"Rows\":[[2,null,\"b\"],[3,null,\"c\"]]},"
        + "{\"FrameType\":\"TableCompletion\",\"TableId\":1,\"RowCount\":3},"
        + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
    assertThat(rows(json)).containsExactly("a/1", "b/2", "c/3");
  }

  @Test
  void onlyTheFirstPrimaryResultIsRead() {
    String table = "{\"FrameType\":\"DataTable\",\"TableId\":%d,\"TableKind\":\"PrimaryResult\"," + COLUMNS
        + ",\"Rows\":[[%d,null,\"t%d\"]]},";
    String json = "[" + HEADER + String.format(table, 1, 1, 1) + String.format(table, 2, 2, 2)
        + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false}]";
    assertThat(rows(json)).containsExactly("t1/1");
  }

  @Test
  void anErrorAmongTheRowsFailsTheReadWithKustosMessage() {
    String json = "[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + COLUMNS + ",\"Rows\":[[1,null,\"a\"],{\"OneApiErrors\":[{\"error\":{\"code\":\"LimitsExceeded\","
        + "\"message\":\"Request is invalid and cannot be executed.\"}}]}]},"
        + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":true}]";
    assertThatThrownBy(() -> rows(json)).isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("read test").hasMessageContaining("LimitsExceeded")
        .hasMessageContaining("Request is invalid");
  }

  @Test
  void aFailedCompletionFailsTheRead() {
    String json = "[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + COLUMNS + ",\"Rows\":[]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":true,\"Cancelled\":false,"
        + "\"OneApiErrors\":[{\"error\":{\"code\":\"General_InternalServerError\",\"message\":\"boom\"}}]}]";
    assertThatThrownBy(() -> rows(json)).isInstanceOf(KustoConnectorException.class).hasMessageContaining("boom");
  }

  @Test
  void aSchemaColumnMissingFromTheResultIsNamed() {
    String json = "[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + "\"Columns\":[{\"ColumnName\":\"id\",\"ColumnType\":\"long\"}],\"Rows\":[[1]]}]";
    assertThatThrownBy(() -> rows(json)).isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("no column 'name'");
  }

  /** A response of a million rows is produced lazily; the first rows arrive after only a small prefix is read. */
  @Test
  void rowsAreDecodedWhileTheResponseArrives() {
    LazyResponse response = new LazyResponse(1_000_000);
    try (V2ResultRows rows = new V2ResultRows(response, SCHEMA, "read test")) {
      for (int i = 0; i < 10; i++) {
        assertThat(rows.hasNext()).isTrue();
        assertThat(rows.next().getLong(1)).isEqualTo(i);
      }
      assertThat(response.produced).isLessThan(64 * 1024);
      long count = 10;
      while (rows.hasNext()) {
        rows.next();
        count++;
      }
      assertThat(count).isEqualTo(1_000_000);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Generates a v2 response row by row, counting the bytes handed out. */
  private static final class LazyResponse extends InputStream {
    private final int rows;
    private int nextRow;
    private byte[] chunk = ("[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + COLUMNS + ",\"Rows\":[").getBytes(StandardCharsets.UTF_8);
    private int position;
    long produced;

    LazyResponse(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (chunk == null) {
        return -1;
      }
      if (position == chunk.length) {
        chunk = nextChunk();
        position = 0;
        if (chunk == null) {
          return -1;
        }
      }
      int n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      produced += n;
      return n;
    }

    private byte[] nextChunk() {
      if (nextRow > rows) {
        return null;
      }
      String text = nextRow == rows ? "]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false}]"
          : (nextRow == 0 ? "" : ",") + "[" + nextRow + ",null,\"n" + nextRow + "\"]";
      nextRow++;
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aResponseThatBreaksOffMidStreamFailsSayingSparkRetriesTheTaskNotResuming() {
    byte[] start = ("[" + HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + COLUMNS + ",\"Rows\":[[1,null,\"a\"],[2,null,\"b\"],").getBytes(StandardCharsets.UTF_8);
    // The connection drops after two rows (with the next one underway): the stream throws, as a reset socket does.
    InputStream broken = new java.io.SequenceInputStream(new ByteArrayInputStream(start), new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.net.SocketException("Connection reset");
      }
    });
    List<String> seen = new ArrayList<>();
    V2ResultRows rows = new V2ResultRows(broken, SCHEMA, "read query results (test)");
    assertThatThrownBy(() -> {
      while (rows.hasNext()) {
        seen.add(rows.next().getUTF8String(0).toString());
      }
    }).isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("Cannot read query results (test): the response broke off after 2 rows had been read"
            + " (SocketException: Connection reset)")
        .hasMessageContaining("Spark's task retry reads the query again from the start")
        .hasMessageNotContaining("Check the query");
    assertThat(seen).containsExactly("a", "b");
  }
}
