package com.microsoft.kusto.emulator.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * A query that fails after its answer has started (status 200, rows already out) ends with the protocol's in-band
 * error instead of a cut-off body, so the SDK reports Kusto's message rather than a parse error (the SDK's own
 * parser reads the answers here; its client turns this error into a DataServiceException).
 */
class InBandErrorTest {
  private static final List<ColumnSchema> COLUMNS = List.of(new ColumnSchema("n", KustoType.LONG));

  /** Two rows, then the store fails, as a cursor that breaks while being read does. */
  private static Iterator<List<Object>> failingAfterTwoRows() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        if (next == 2) {
          throw new IllegalStateException("Reading the query result from the store failed: Overflow in multiplication");
        }
        return true;
      }

      @Override
      public List<Object> next() {
        if (next == 2) {
          throw new NoSuchElementException();
        }
        return List.of((long) next++);
      }
    };
  }

  @Test
  void v2EndsWithTheErrorRowAndACompletionThatHasErrors() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    V2ResponseWriter.write(body, COLUMNS, failingAfterTwoRows(), "crid", "00000000-0000-0000-0000-000000000001");
    String json = body.toString(StandardCharsets.UTF_8);

    assertThat(json).contains("\"HasErrors\":true").endsWith("]");
    assertThatThrownBy(() -> new KustoOperationResult(json, "v2"))
        .isInstanceOfSatisfying(KustoServiceQueryError.class, e -> {
          assertThat(e.isPermanent()).isTrue();
          assertThat(e.getExceptions()).singleElement().satisfies(
              cause -> assertThat(cause.getMessage()).contains("Overflow in multiplication"));
        });
  }

  @Test
  void v1QueryAnswerCarriesTheErrorRowToo() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    V1ResponseWriter.writeQuery(body, COLUMNS, failingAfterTwoRows(), "crid", "00000000-0000-0000-0000-000000000001");
    String json = body.toString(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new KustoOperationResult(json, "v1"))
        .isInstanceOfSatisfying(KustoServiceQueryError.class, e -> assertThat(e.getExceptions()).singleElement()
            .satisfies(cause -> assertThat(cause.getMessage()).contains("Overflow in multiplication")));
  }

  @Test
  void aCompleteAnswerHasNoErrors() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    V2ResponseWriter.write(body, COLUMNS, List.<List<Object>>of(List.of(1L)).iterator(), "crid",
        "00000000-0000-0000-0000-000000000001");
    assertThat(new KustoOperationResult(body.toString(StandardCharsets.UTF_8), "v2").getPrimaryResults().count())
        .isEqualTo(1);
  }
}
