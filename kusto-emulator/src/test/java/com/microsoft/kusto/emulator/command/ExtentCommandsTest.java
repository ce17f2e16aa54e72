package com.microsoft.kusto.emulator.command;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inline ingestion, extents with tags, move/replace/drop of extents and async operations, through the SDK. */
class ExtentCommandsTest {
  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).storage(false).database("db"));

  private static Client client;

  @BeforeAll
  static void connect() {
    client = EmulatorTestSupport.client(KUSTO.emulator());
  }

  private static KustoResultSetTable mgmt(String command) throws Exception {
    return client.executeMgmt("db", command).getPrimaryResults();
  }

  private static String ingest(String table, String withClause, String data) throws Exception {
    KustoResultSetTable result = mgmt(".ingest inline into table " + table + " " + withClause + " <|\n" + data);
    result.next();
    assertThat(result.getBoolean("HasErrors")).isFalse();
    return result.getString("ExtentId");
  }

  private static long rowCount(String table) throws Exception {
    long total = 0;
    KustoResultSetTable extents = mgmt(".show table " + table + " extents");
    while (extents.next()) {
      total += extents.getLong("RowCount");
    }
    return total;
  }

  @Test
  void inlineIngestionMakesOneExtentWithTagsAndCreationTime() throws Exception {
    mgmt(".create table Inl (a:int, s:string, t:datetime, d:dynamic)");
    String id = ingest("Inl",
        "with (tags='[\"k1\"]', ingestByTags='[\"batch-7\"]', creationTime='2024-05-06T07:08:09Z')",
        "1,\"x, y\",2024-01-02T03:04:05Z,\"{\"\"a\"\":1}\"\n2,z,,");
    KustoResultSetTable extents = mgmt(".show table Inl extents");
    extents.next();
    assertThat(extents.getString("ExtentId")).isEqualTo(id);
    assertThat(extents.getLong("RowCount")).isEqualTo(2);
    assertThat(extents.getString("Tags")).isEqualTo("k1\r\ningest-by:batch-7");
    assertThat(extents.getKustoDateTime("MinCreatedOn").toString()).startsWith("2024-05-06T07:08:09");
    assertThat(extents.getString("TableName")).isEqualTo("Inl");
    assertThat(extents.next()).isFalse();

    assertThat(column(mgmt(".show table Inl extents where tags has 'ingest-by:batch-7'"), "ExtentId"))
        .containsExactly(id);
    assertThat(column(mgmt(".show table Inl extents where tags !has 'ingest-by:batch-7'"), "ExtentId")).isEmpty();
    assertThat(column(mgmt(".show table Inl extents where tags contains 'batch'"), "ExtentId")).containsExactly(id);
  }

  @Test
  void inlineIngestionRejectsValuesOfTheWrongType() throws Exception {
    mgmt(".create table Typed (a:int)");
    assertThatThrownBy(() -> ingest("Typed", "", "notanumber"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("'notanumber'").hasMessageContaining("int");
    assertThat(rowCount("Typed")).isZero();
  }

  /** Kusto (and Microsoft's parser, in strict mode here) accepts a statement separator ending the command. */
  @Test
  void aSubCommandEndingWithASemicolonIsAccepted() throws Exception {
    mgmt(".create table SemiA (a:int)");
    mgmt(".create table SemiB (a:int)");
    ingest("SemiA", "", "1");
    ingest("SemiA", "", "2");
    mgmt(".move extents to table SemiB <| .show table SemiA extents ;");
    assertThat(rowCount("SemiB")).isEqualTo(2);
    assertThat(rowCount("SemiA")).isZero();
    assertThat(column(mgmt(".show table SemiB extents;"), "ExtentId")).hasSize(2);
    assertThat(client.executeQuery("db", "SemiB | count;").getPrimaryResults().next()).isTrue();
  }

  @Test
  void movesAllExtentsById() throws Exception {
    mgmt(".create table MvA (a:int, b:string)");
    mgmt(".create table MvB (b:string, a:int, extra:long)");
    String first = ingest("MvA", "", "1,one");
    ingest("MvA", "", "2,two\n3,three");

    KustoResultSetTable moved = mgmt(".move extents from table MvA to table MvB (" + first + ")");
    assertThat(column(moved, "OriginalExtentId")).containsExactly(first);
    assertThat(rowCount("MvA")).isEqualTo(2);
    assertThat(rowCount("MvB")).isEqualTo(1);

    mgmt(".move extents all from table MvA to table MvB");
    assertThat(rowCount("MvA")).isZero();
    assertThat(rowCount("MvB")).isEqualTo(3);
    assertThat(column(mgmt(".show table MvA extents"), "ExtentId")).isEmpty();
  }

  @Test
  void moveChecksSchemasAsKustoDoes() throws Exception {
    mgmt(".create table SchA (a:int, b:string)");
    mgmt(".create table SchB (a:long)");
    ingest("SchA", "", "1,x");
    assertThatThrownBy(() -> mgmt(".move extents all from table SchA to table SchB"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("a:int").hasMessageContaining("SchB");
    assertThat(rowCount("SchA")).isEqualTo(1);
  }

  @Test
  void asyncMoveByQueryReportsItsOperation() throws Exception {
    mgmt(".create table Tmp1 (a:int)");
    mgmt(".create table Target1 (a:int)");
    ingest("Tmp1", "", "1\n2");
    ingest("Tmp1", "", "3");
    // The connector's shape, batching with extentsShowFilteringRuntimePolicy.
    KustoResultSetTable started = mgmt(".move async extents to table Target1 with(SetNewIngestionTime=true)"
        + " <| .show table Tmp1 extents with(extentsShowFilteringRuntimePolicy='{\"MaximumResultsCount\":1}')");
    started.next();
    String operationId = started.getString("OperationId");

    String state = awaitOperation(operationId);
    assertThat(state).isEqualTo("Completed");
    assertThat(rowCount("Target1")).isEqualTo(2);
    assertThat(rowCount("Tmp1")).isEqualTo(1);
    KustoResultSetTable details = mgmt(".show operation " + operationId + " details");
    assertThat(column(details, "ResultExtentId")).hasSize(1);
    assertThat(column(mgmt(".show operations"), "OperationId")).contains(operationId);
    assertThat(column(mgmt(".show tables (Tmp1, Target1) extents"), "TableName"))
        .containsExactlyInAnyOrder("Tmp1", "Target1");

    KustoResultSetTable op = mgmt(".show operations " + operationId);
    assertThat(List.of(op.getColumns())).extracting(c -> c.getColumnName()).containsExactly("OperationId",
        "Operation", "NodeId", "StartedOn", "LastUpdatedOn", "Duration", "State", "Status", "RootActivityId",
        "ShouldRetry", "Database", "Principal", "User", "AdminEpochStartTime");
    op.next();
    assertThat(op.getString("Operation")).isEqualTo("ExtentsMove");
    assertThat(op.getString("Database")).isEqualTo("db");
  }

  @Test
  void failedAsyncOperationIsReportedWithItsReason() throws Exception {
    mgmt(".create table FailSrc (a:int)");
    mgmt(".create table FailDst (a:string)");
    ingest("FailSrc", "", "1");
    KustoResultSetTable started = mgmt(".move async extents all from table FailSrc to table FailDst");
    started.next();
    String id = started.getString("OperationId");
    assertThat(awaitOperation(id)).isEqualTo("Failed");
    KustoResultSetTable op = mgmt(".show operations " + id);
    op.next();
    assertThat(op.getString("Status")).contains("a:int");
    assertThat(op.getBoolean("ShouldRetry")).isFalse();
  }

  @Test
  void moveFiltersByExtentCreationTime() throws Exception {
    mgmt(".create table Old (a:int)");
    mgmt(".create table New (a:int)");
    ingest("Old", "with (creationTime='2020-01-01T00:00:00Z')", "1");
    ingest("Old", "", "2");
    mgmt(".move extents to table New with(extentCreatedOnFrom='" + Instant.now().minus(Duration.ofHours(1))
        + "', extentCreatedOnTo='" + Instant.now().plus(Duration.ofHours(1)) + "') <| .show table Old extents");
    assertThat(rowCount("New")).isEqualTo(1);
    assertThat(rowCount("Old")).isEqualTo(1);
  }

  @Test
  void replaceDropsAndMovesInOneCommand() throws Exception {
    mgmt(".create table RepT (a:int)");
    mgmt(".create table RepS (a:int)");
    ingest("RepT", "with (tags='[\"old\"]')", "1\n2");
    ingest("RepS", "", "7");
    // Microsoft's parser wants each braced part to be a query, hence the project tails.
    mgmt(".replace extents in table RepT <| {.show table RepT extents where tags has 'old' | project ExtentId},"
        + " {.show table RepS extents | project ExtentId, TableName}");
    assertThat(rowCount("RepT")).isEqualTo(1);
    assertThat(rowCount("RepS")).isZero();
  }

  @Test
  void dropsExtentsByIdAndByQuery() throws Exception {
    mgmt(".create table Drp (a:int)");
    String first = ingest("Drp", "", "1");
    ingest("Drp", "with (tags='[\"x\"]')", "2");
    ingest("Drp", "", "3");
    KustoResultSetTable dropped = mgmt(".drop extents (" + first + ") from table Drp");
    assertThat(column(dropped, "ExtentId")).containsExactly(first);
    assertThat(rowCount("Drp")).isEqualTo(2);
    mgmt(".drop extents <| .show table Drp extents where tags has 'x'");
    assertThat(rowCount("Drp")).isEqualTo(1);
  }

  @Test
  void dropsExtentTagsByListAndByQuery() throws Exception {
    mgmt(".create table Tg (a:int)");
    ingest("Tg", "with (tags='[\"keep\",\"drop-me\",\"ingest-by:b1\"]')", "1");
    mgmt(".drop table Tg extent tags ('drop-me')");
    assertThat(column(mgmt(".show table Tg extents"), "Tags")).containsExactly("keep\r\ningest-by:b1");
    KustoResultSetTable started = mgmt(".drop async table Tg extent tags <| .show table Tg extents");
    started.next();
    assertThat(awaitOperation(started.getString("OperationId"))).isEqualTo("Completed");
    assertThat(column(mgmt(".show table Tg extents"), "Tags")).containsExactly("");
  }

  @Test
  void dropsSeveralTablesAtOnce() throws Exception {
    mgmt(".create table DropA (a:int)");
    mgmt(".create table DropB (a:int)");
    assertThatThrownBy(() -> mgmt(".drop tables (DropA, NoSuch)")).isInstanceOf(DataServiceException.class)
        .hasMessageContaining("'NoSuch'");
    KustoResultSetTable remaining = mgmt(".drop tables (DropA, DropB, NoSuch) ifexists");
    assertThat(column(remaining, "TableName")).doesNotContain("DropA", "DropB");
  }

  @Test
  void housekeepingCommandsTheConnectorSends() throws Exception {
    mgmt(".create table Hk (a:int)");
    ingest("Hk", "", "1\n2");
    KustoResultSetTable cleared = mgmt(".clear table Hk cache streamingingestion schema");
    cleared.next();
    assertThat(cleared.getString("Status")).isEqualTo("Succeeded");
    assertThatThrownBy(() -> mgmt(".clear table NoHk cache streamingingestion schema"))
        .isInstanceOf(DataServiceException.class).hasMessageContaining("'NoHk'");
    KustoResultSetTable views = mgmt(".show materialized-views | where SourceTable == 'Hk' | count");
    views.next();
    assertThat(views.getLong(0)).isZero();
    mgmt(".clear table Hk data");
    assertThat(rowCount("Hk")).isZero();
  }

  private static String awaitOperation(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      KustoResultSetTable op = mgmt(".show operations " + id);
      op.next();
      String state = op.getString("State");
      if (!state.equals("InProgress") || System.nanoTime() > deadline) {
        return state;
      }
      Thread.sleep(50);
    }
  }
}
