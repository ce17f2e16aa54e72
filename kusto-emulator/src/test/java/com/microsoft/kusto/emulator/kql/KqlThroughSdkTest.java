package com.microsoft.kusto.emulator.kql;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The KQL front end end to end: the official SDK's {@code executeQuery} against the emulator on
 * http://localhost:PORT, for a representative set of constructs (the engine-level tests cover each one).
 */
class KqlThroughSdkTest {
  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).storage(false).database("db"));

  private static Client client;

  @BeforeAll
  static void load() throws Exception {
    client = EmulatorTestSupport.client(KUSTO.emulator());
    client.executeMgmt("db", ".create table Events (Name:string, Qty:int, At:datetime, Took:timespan)");
    client.executeMgmt("db", ".ingest inline into table Events <|\n"
        + "North America,1,2024-01-01T00:30:00Z,00:00:01\n"
        + "south-america,2,2024-01-01T01:15:00Z,00:00:03\n"
        + "Europe,3,2024-01-02T00:00:00Z,01:00:00");
  }

  @Test
  void summarizeByBinWithKustoNamesAndTypes() throws Exception {
    KustoResultSetTable t = client.executeQuery("db",
        "Events | where Name has 'america' | summarize count(), total = sum(Qty), avg(Took) by bin(At, 1d)")
        .getPrimaryResults();
    assertThat(schema(t)).containsExactly("At:datetime", "count_:long", "total:long", "avg_Took:timespan");
    assertThat(t.next()).isTrue();
    assertThat(t.getKustoDateTime("At")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(t.getLong("count_")).isEqualTo(2L);
    assertThat(t.getLong("total")).isEqualTo(3L);
    assertThat(t.getString("avg_Took")).isEqualTo("00:00:02");
    assertThat(t.next()).isFalse();
  }

  @Test
  void otherConnectorsSchemaProbeAndTagQueryRunThroughTheSdkInStrictMode() throws Exception {
    KustoResultSetTable schema = client.executeMgmt("db", ".show table Events schema as json"
        + " | project ColumnsJson = todynamic(Schema).OrderedColumns | mv-expand ColumnsJson"
        + " | project ColumnName = tostring(ColumnsJson.Name), ColumnType = tostring(ColumnsJson.CslType)")
        .getPrimaryResults();
    assertThat(column(schema, "ColumnName")).containsExactlyInAnyOrder("Name", "Qty", "At", "Took");

    client.executeMgmt("db", ".create table Tagged (a:int)");
    client.executeMgmt("db", ".ingest inline into table Tagged with (tags='[\"ingest-by:t1\", \"drop-by:d\"]') <| 1");
    KustoResultSetTable tags = client.executeMgmt("db", ".show table Tagged extents"
        + " | mv-apply Tag = split(Tags, \"\\r\\n\") to typeof(string) on (where Tag startswith \"ingest-by:\")"
        + " | project Tag").getPrimaryResults();
    assertThat(column(tags, "Tag")).containsExactly("ingest-by:t1");
  }

  @Test
  void sortDefaultsToDescendingAndProjectDerivesNames() throws Exception {
    KustoResultSetTable t = client.executeQuery("db", "Events | sort by Qty | project Name, strlen(Name), Qty + 1")
        .getPrimaryResults();
    assertThat(schema(t)).containsExactly("Name:string", "strlen_Name:long", "Column1:long");
    assertThat(column(t, "Name")).containsExactly("Europe", "south-america", "North America");
  }

  @Test
  void getschemaDescribesTheTable() throws Exception {
    KustoResultSetTable t = client.executeQuery("db", "Events | getschema | project ColumnName, ColumnType")
        .getPrimaryResults();
    List<String> rows = new ArrayList<>();
    while (t.next()) {
      rows.add(t.getString("ColumnName") + ":" + t.getString("ColumnType"));
    }
    assertThat(rows).containsExactly("Name:string", "Qty:int", "At:datetime", "Took:timespan");
  }

  @Test
  void hashSplitsRowsIntoDisjointPartsAsTheConnectorsExportDoes() throws Exception {
    long total = 0;
    for (int i = 0; i < 4; i++) {
      KustoResultSetTable t = client.executeQuery("db", "Events | where hash(Name, 4) == " + i + " | count")
          .getPrimaryResults();
      assertThat(t.next()).isTrue();
      total += t.getLong("Count");
    }
    assertThat(total).isEqualTo(3L);
  }

  @Test
  void queryParametersFromClientRequestProperties() throws Exception {
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setParameter("since", LocalDateTime.of(2024, 1, 1, 1, 0));
    crp.setParameter("slow", Duration.ofSeconds(2));
    crp.setParameter("pattern", "EUROPE");
    KustoResultSetTable t = client.executeQuery("db",
        "declare query_parameters(since:datetime, slow:timespan, pattern:string);"
            + " Events | where At > since and Took > slow and Name =~ pattern | project Name", crp)
        .getPrimaryResults();
    assertThat(column(t, "Name")).containsExactly("Europe");
  }

  @Test
  void unsupportedConstructIsAPermanentErrorNamingIt() {
    assertThatThrownBy(() -> client.executeQuery("db", "Events | lookup (Events) on Name"))
        .isInstanceOf(DataServiceException.class)
        .hasMessageContaining("the 'lookup' operator")
        .matches(e -> ((DataServiceException) e).isPermanent());
  }

  private static List<String> schema(KustoResultSetTable t) {
    List<String> out = new ArrayList<>();
    for (KustoResultColumn c : t.getColumns()) {
      out.add(c.getColumnName() + ":" + c.getColumnType());
    }
    return out;
  }
}
