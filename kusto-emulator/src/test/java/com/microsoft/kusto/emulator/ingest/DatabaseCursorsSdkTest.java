package com.microsoft.kusto.emulator.ingest;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Database cursors through the SDK, as a streaming reader uses them: {@code cursor_current()} after each commit,
 * {@code cursor_after} / {@code cursor_before_or_at} splitting the rows exactly there, whatever the ingestion path;
 * moved extents keep their ingestion time unless {@code setNewIngestionTime} asks for a new one.
 */
class DatabaseCursorsSdkTest {
  private static final String DB = "db";

  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).database(DB));

  private static Client client;

  @BeforeAll
  static void connect() throws Exception {
    client = EmulatorTestSupport.client(KUSTO.emulator());
  }

  private static String cursor() throws Exception {
    KustoResultSetTable t = client.executeQuery(DB, "print c = cursor_current()").getPrimaryResults();
    assertThat(t.next()).isTrue();
    return t.getString("c");
  }

  private static List<String> values(String query) throws Exception {
    return column(client.executeQuery(DB, query + " | order by a asc | project a = tostring(a)").getPrimaryResults(),
        "a");
  }

  @Test
  void cursorsSplitRowsExactlyWhateverTheIngestionPath() throws Exception {
    client.executeMgmt(DB, ".create table Cur (a:int)");
    client.executeMgmt(DB, ".ingest inline into table Cur <| 1");
    String afterFirst = cursor();
    try (StreamingIngestClient streaming = IngestClientFactory.createStreamingIngestClient(
        new ConnectionStringBuilder("Data Source=" + KUSTO.emulator().engineUrl()))) {
      IngestionProperties props = new IngestionProperties(DB, "Cur");
      props.setDataFormat(DataFormat.CSV);
      streaming.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream("2\n".getBytes(StandardCharsets.UTF_8))),
          props);
    }
    String afterSecond = cursor();
    client.executeMgmt(DB, ".ingest inline into table Cur <| 3");

    assertThat(Long.parseLong(afterSecond)).isGreaterThan(Long.parseLong(afterFirst));
    assertThat(values("Cur | where cursor_after('" + afterFirst + "')")).containsExactly("2", "3");
    assertThat(values("Cur | where cursor_before_or_at('" + afterSecond + "')")).containsExactly("1", "2");
    assertThat(values("Cur | where cursor_after('" + afterFirst + "') and cursor_before_or_at('" + afterSecond + "')"))
        .containsExactly("2");
    assertThat(values("Cur | where cursor_after('')")).containsExactly("1", "2", "3");

    KustoResultSetTable times = client.executeQuery(DB, "Cur | extend t = ingestion_time() | order by a asc")
        .getPrimaryResults();
    List<String> seen = new ArrayList<>();
    while (times.next()) {
      seen.add(times.getString("t"));
    }
    assertThat(seen).hasSize(3).doesNotContainNull().isSorted().doesNotHaveDuplicates();
    // Rows that an operator made anew have no ingestion time, as in Kusto.
    assertThat(column(client.executeQuery(DB, "Cur | project a | extend t = ingestion_time() | project s ="
        + " tostring(isnull(t))").getPrimaryResults(), "s")).containsOnly("true");
  }

  @Test
  void movedExtentsKeepTheirIngestionTimeUnlessANewOneIsAskedFor() throws Exception {
    client.executeMgmt(DB, ".create table MoveSrc (a:int)");
    client.executeMgmt(DB, ".create table MoveDst (a:int)");
    client.executeMgmt(DB, ".ingest inline into table MoveSrc <| 10");
    String beforeMove = cursor();
    client.executeMgmt(DB, ".move extents all from table MoveSrc to table MoveDst");
    assertThat(values("MoveDst | where cursor_after('" + beforeMove + "')")).isEmpty();
    assertThat(values("MoveDst | where cursor_before_or_at('" + beforeMove + "')")).containsExactly("10");

    client.executeMgmt(DB, ".ingest inline into table MoveSrc <| 11");
    String beforeSecondMove = cursor();
    client.executeMgmt(DB, ".move extents all from table MoveSrc to table MoveDst with (setNewIngestionTime=true)");
    assertThat(values("MoveDst | where cursor_after('" + beforeSecondMove + "')")).containsExactly("11");
  }

  @Test
  void withoutTheIngestionTimePolicyRowsHaveNoIngestionTimeAndCursorsAreRefused() throws Exception {
    client.executeMgmt(DB, ".create table NoTime (a:int)");
    client.executeMgmt(DB, ".alter table NoTime policy ingestiontime true");
    client.executeMgmt(DB, ".delete table NoTime policy ingestiontime");
    client.executeMgmt(DB, ".ingest inline into table NoTime <| 1");
    assertThat(column(client.executeQuery(DB, "NoTime | extend t = ingestion_time() | project s = tostring(isnull(t))")
        .getPrimaryResults(), "s")).containsExactly("true");
    assertThatThrownBy(() -> client.executeQuery(DB, "NoTime | where cursor_after('')"))
        .hasMessageContaining("IngestionTime policy");
    assertThatThrownBy(() -> client.executeQuery(DB, "NoTime | where cursor_after('yesterday')"))
        .hasMessageContaining("not a database cursor");
  }
}
