package com.microsoft.kusto.emulator.command;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static com.microsoft.kusto.emulator.EmulatorTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Database, table, schema, policy and cluster commands, sent with the official SDK in strict mode. */
class ManagementCommandsTest {
  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).storage(false).database("db"));

  private static Client client;

  @BeforeAll
  static void connect() {
    client = EmulatorTestSupport.client(KUSTO.emulator());
  }

  private static KustoResultSetTable mgmt(String db, String command) throws Exception {
    return client.executeMgmt(db, command).getPrimaryResults();
  }

  @Test
  void createsShowsAndDropsVolatileDatabases() throws Exception {
    KustoResultSetTable created = mgmt("db", ".create database Sales volatile");
    assertThat(column(created, "DatabaseName")).containsExactly("Sales");
    assertThat(column(mgmt("db", ".show databases"), "DatabaseName")).contains("db", "Sales");

    assertThatThrownBy(() -> mgmt("db", ".create database Sales volatile"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("already exists");
    assertThat(column(mgmt("db", ".create database Sales volatile ifnotexists"), "DatabaseName"))
        .containsExactly("Sales");

    mgmt("db", ".drop database Sales");
    assertThat(column(mgmt("db", ".show databases"), "DatabaseName")).doesNotContain("Sales");
    mgmt("db", ".drop database Sales ifexists");
    assertThatThrownBy(() -> mgmt("db", ".drop database Sales")).isInstanceOf(DataServiceException.class)
        .hasMessageContaining("'Sales'");
  }

  @Test
  void showDatabasesHasKustoColumnsAndMarksTheCurrentOne() throws Exception {
    KustoResultSetTable table = mgmt("db", ".show databases");
    assertThat(List.of(table.getColumns())).extracting(c -> c.getColumnName()).containsExactly("DatabaseName",
        "PersistentStorage", "Version", "IsCurrent", "DatabaseAccessMode", "PrettyName", "ReservedSlot1",
        "DatabaseId", "InTransitionTo");
    while (table.next()) {
      if (table.getString("DatabaseName").equals("db")) {
        assertThat(table.getBoolean("IsCurrent")).isTrue();
        assertThat(table.getString("DatabaseAccessMode")).isEqualTo("ReadWrite");
      }
    }
  }

  @Test
  void createsTablesAndReportsTheirSchemaAsKustoDoes() throws Exception {
    mgmt("db", ".create table Events (Id:long, ['Event Name']:string, At:datetime, Payload:dynamic)"
        + " with (folder='raw', docstring='events')");
    KustoResultSetTable json = mgmt("db", ".show table Events schema as json");
    json.next();
    assertThat(json.getString("TableName")).isEqualTo("Events");
    assertThat(json.getString("Folder")).isEqualTo("raw");
    var schema = new ObjectMapper().readTree(json.getString("Schema"));
    assertThat(schema.path("Name").asText()).isEqualTo("Events");
    assertThat(schema.path("OrderedColumns").get(1).path("Name").asText()).isEqualTo("Event Name");
    assertThat(schema.path("OrderedColumns").get(2).path("CslType").asText()).isEqualTo("datetime");
    assertThat(schema.path("OrderedColumns").get(2).path("Type").asText()).isEqualTo("System.DateTime");

    KustoResultSetTable csl = mgmt("db", ".show table Events cslschema");
    csl.next();
    assertThat(csl.getString("Schema")).isEqualTo("Id:long,Event Name:string,At:datetime,Payload:dynamic");

    assertThat(column(mgmt("db", ".show tables"), "TableName")).contains("Events");
  }

  @Test
  void aMissingTableHasAnEmptySchemaAnswerThatClientsReadAsMissing() throws Exception {
    // The established connector's CreateIfNotExist probe: no row means "create the table".
    KustoResultSetTable probe = mgmt("db", ".show table ['NoSuchTable'] schema as json"
        + " | project ColumnsJson=todynamic(Schema).OrderedColumns | mv-expand ColumnsJson");
    assertThat(probe.next()).isFalse();
    assertThat(mgmt("db", ".show table NoSuchTable cslschema").next()).isFalse();
    // Commands about a table's contents still name the missing table, as Kusto does.
    assertThatThrownBy(() -> mgmt("db", ".show table NoSuchTable extents"))
        .hasMessageContaining("'NoSuchTable' of kind 'Table' was not found");
    assertThatThrownBy(() -> mgmt("nodb", ".show table NoSuchTable schema as json"))
        .hasMessageContaining("nodb");
  }

  @Test
  void createMergeAddsColumnsButNeverChangesTypes() throws Exception {
    mgmt("db", ".create table Merged (a:int)");
    mgmt("db", ".create-merge table Merged (a:int, b:string)");
    KustoResultSetTable csl = mgmt("db", ".show table Merged cslschema");
    csl.next();
    assertThat(csl.getString("Schema")).isEqualTo("a:int,b:string");

    assertThatThrownBy(() -> mgmt("db", ".create-merge table Merged (a:long)"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("'a'").hasMessageContaining("long");
    assertThatThrownBy(() -> mgmt("db", ".create table Merged (x:int)"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("different schema");
    // Same schema again is accepted, as Kusto does.
    mgmt("db", ".create table Merged (a:int, b:string)");
  }

  @Test
  void dropsTablesWithIfExists() throws Exception {
    mgmt("db", ".create table Doomed (a:int)");
    KustoResultSetTable remaining = mgmt("db", ".drop table Doomed");
    assertThat(column(remaining, "TableName")).doesNotContain("Doomed");
    mgmt("db", ".drop table Doomed ifexists");
    DataServiceException e = org.junit.jupiter.api.Assertions.assertThrows(DataServiceException.class,
        () -> mgmt("db", ".drop table Doomed"));
    assertThat(e.getMessage()).contains("'Doomed'").contains("ActivityId=");
    assertThat(e.isPermanent()).isTrue();
    assertThat(e.getStatusCode()).isEqualTo(400);
  }

  @Test
  void storesAndShowsTheConnectorsTablePolicies() throws Exception {
    mgmt("db", ".create table Pol (a:int)");
    mgmt("db", ".alter table Pol policy ingestionbatching @'{\"MaximumBatchingTimeSpan\":\"00:00:10\"}'");
    mgmt("db", ".alter table Pol policy retention '{\"SoftDeletePeriod\":\"1.00:00:00\",\"Recoverability\":\"Disabled\"}'");
    mgmt("db", ".alter table Pol policy auto_delete @'{\"ExpiryDate\":\"2030-01-01\",\"DeleteIfNotEmpty\":true}'");
    mgmt("db", ".alter table Pol policy merge @'{\"AllowMerge\":\"false\",\"AllowRebuild\":\"false\"}'");
    mgmt("db", ".alter table Pol policy streamingingestion enable");

    KustoResultSetTable batching = mgmt("db", ".show table Pol policy ingestionbatching");
    batching.next();
    assertThat(batching.getString("PolicyName")).isEqualTo("IngestionBatchingPolicy");
    assertThat(batching.getString("EntityName")).isEqualTo("[db].[Pol]");
    assertThat(batching.getString("Policy")).isEqualTo("{\"MaximumBatchingTimeSpan\":\"00:00:10\"}");
    assertThat(policy("retention")).contains("\"Recoverability\":\"Disabled\"");
    assertThat(policy("auto_delete")).contains("\"DeleteIfNotEmpty\":true");
    assertThat(policy("merge")).contains("\"AllowRebuild\":\"false\"");
    assertThat(policy("streamingingestion")).contains("\"IsEnabled\":true");

    mgmt("db", ".alter-merge table Pol policy merge @'{\"AllowMerge\":\"true\"}'");
    assertThat(policy("merge")).contains("\"AllowMerge\":\"true\"").contains("\"AllowRebuild\":\"false\"");
    mgmt("db", ".delete table Pol policy retention");
    assertThat(policy("retention")).isEqualTo("null");

    assertThatThrownBy(() -> mgmt("db", ".alter table Pol policy retention 'not json'"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("JSON object");
  }

  private static String policy(String kind) throws Exception {
    KustoResultSetTable table = mgmt("db", ".show table Pol policy " + kind);
    table.next();
    return table.getString("Policy");
  }

  @Test
  void showsClusterAndVersion() throws Exception {
    KustoResultSetTable cluster = mgmt("db", ".show cluster");
    assertThat(rows(cluster)).hasSize(1);
    KustoResultSetTable version = mgmt("db", ".show version");
    version.next();
    assertThat(version.getString("BuildVersion")).isEqualTo(ClusterCommands.VERSION);
    assertThat(version.getString("ServiceType")).isEqualTo("Engine");
  }

  @Test
  void unknownTableIsAPermanentBadRequestNamingIt() {
    DataServiceException e = org.junit.jupiter.api.Assertions.assertThrows(DataServiceException.class,
        () -> mgmt("db", ".show table Nope extents"));
    assertThat(e.getMessage()).contains("'Nope'").contains("'db'");
    assertThat(e.isPermanent()).isTrue();
    assertThat(e.getStatusCode()).isEqualTo(400);
  }

  @Test
  void unknownDatabaseIsReported() {
    assertThatThrownBy(() -> mgmt("nodb", ".show tables")).isInstanceOf(DataServiceException.class)
        .hasMessageContaining("'nodb'").hasMessageContaining(".create database");
  }

  @Test
  void strictModeAnswersInvalidCommandsWithTheParsersDiagnostic() {
    DataServiceException e = org.junit.jupiter.api.Assertions.assertThrows(DataServiceException.class,
        () -> mgmt("db", ".create table Bad (a:nosuchtype)"));
    assertThat(e.getMessage()).contains("strict mode").contains("nosuchtype");
    assertThat(e.isPermanent()).isTrue();
  }

  @Test
  void commandsOutsideTheSupportedSetNameThemselves() {
    assertThatThrownBy(() -> mgmt("db", ".show functions")).isInstanceOf(DataServiceException.class)
        .hasMessageContaining("does not support").hasMessageContaining(".show functions");
  }

  @Test
  void hiddenTablesWorkButAreListedOnlyWhenIncluded() throws Exception {
    mgmt("db", ".create table StagingX (a:long) with (hidden=true)");
    mgmt("db", ".create table VisibleX (a:long)");
    mgmt("db", ".ingest inline into table StagingX <| 7");

    assertThat(column(mgmt("db", ".show tables"), "TableName")).contains("VisibleX").doesNotContain("StagingX");
    assertThat(column(mgmt("db", ".show tables with (IncludeHiddenTables=true)"), "TableName"))
        .contains("VisibleX", "StagingX");
    assertThat(column(client.executeQuery("db", "StagingX").getPrimaryResults(), "a")).containsExactly("7");
    assertThatThrownBy(() -> mgmt("db", ".create table StagingY (a:long) with (hidden=\"maybe\")"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("hidden='maybe'");
    mgmt("db", ".drop tables (StagingX, VisibleX)");
  }
}
