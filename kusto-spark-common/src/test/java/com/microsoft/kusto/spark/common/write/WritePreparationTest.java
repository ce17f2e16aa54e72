package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.write.WriteEmulator.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Driver preparation against the emulator: table checks and creation, schema modes, the staging table. */
class WritePreparationTest {
  private static WriteEmulator kusto;

  @BeforeAll
  static void start() {
    kusto = new WriteEmulator();
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  private static String policy(String table, String kind) {
    return kusto.commandColumn(".show table ['" + table + "'] policy " + kind, "Policy").get(0);
  }

  @Test
  void aMissingTableFailsNamingTableCreateOptions() {
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Missing"), ID_NAME))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
        .hasMessage("Cannot write to table 'Missing' in database 'db': the table does not exist and"
            + " 'tableCreateOptions' is FailIfNotExist. Create the table first, or set 'tableCreateOptions' to"
            + " CreateIfNotExist to create it from the DataFrame schema.");
    assertThat(kusto.commandColumn(".show tables with (IncludeHiddenTables=true) | where TableName startswith 'sparkTempTable_Missing'",
        "TableName")).isEmpty();
  }

  @Test
  void createIfNotExistCreatesTheTableFromTheDataFrameSchema() {
    List<TypedField> schema = List.of(TypedField.of("id", ColumnType.longType()),
        TypedField.of("when", ColumnType.timestampType()), TypedField.of("tags", ColumnType.array(
            ColumnType.stringType(), true)), TypedField.of("n", ColumnType.shortType()));
    WritePlan plan = kusto.preparation().prepare(
        kusto.config("Created", "tableCreateOptions", "CreateIfNotExist"), schema);
    assertThat(kusto.commandColumn(".show table Created cslschema", "Schema"))
        .containsExactly("id:long,when:datetime,tags:dynamic,n:int");
    assertThat(plan.tempTable()).isNotNull();
    assertThat(policy(plan.tempTable(), "streamingingestion")).isEqualTo("null");
  }

  @Test
  void kustoStreamingEnablesStreamingIngestionOnATableItCreates() {
    WritePlan plan = kusto.preparation().prepare(kusto.config("StreamCreated", "tableCreateOptions",
        "CreateIfNotExist", "writeMode", "KustoStreaming"), ID_NAME);
    assertThat(plan.tempTable()).isNull();
    assertThat(plan.ingestTable()).isEqualTo("StreamCreated");
    assertThat(policy("StreamCreated", "streamingingestion")).contains("\"IsEnabled\":true");
  }

  @Test
  void failIfNotMatchChecksTheExistingTable() {
    kusto.mgmt(".create table Strict (name:string, id:long)");
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Strict", "adjustSchema", "FailIfNotMatch"),
        ID_NAME)).hasMessageStartingWith("Cannot write to table 'Strict' with 'adjustSchema' FailIfNotMatch: the"
            + " DataFrame columns [id, name] differ from the table columns [name, id]");
  }

  @Test
  void theStagingTableCopiesColumnsAndBatchingPolicyAndExpires() {
    kusto.mgmt(".create table Staged (id:long, name:string)");
    kusto.mgmt(".alter table Staged policy ingestionbatching "
        + "'{\"MaximumBatchingTimeSpan\":\"00:00:30\",\"MaximumNumberOfItems\":500,\"MaximumRawDataSizeMB\":1024}'");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Staged", "requestId", "r/1 x",
        "stagingResourcesAutoCleanupTimeout", "3600"), ID_NAME);

    assertThat(plan.tempTable()).matches("sparkTempTable_Staged_r_1_x_[0-9a-f]{8}");
    assertThat(plan.tempTableOwned()).isTrue();
    assertThat(kusto.commandColumn(".show table ['" + plan.tempTable() + "'] cslschema", "Schema"))
        .containsExactly("id:long,name:string");
    assertThat(policy(plan.tempTable(), "ingestionbatching")).contains("\"MaximumBatchingTimeSpan\":\"00:00:30\"");
    assertThat(policy(plan.tempTable(), "retention"))
        .contains("\"SoftDeletePeriod\":\"01:00:00\"").contains("\"Recoverability\":\"Disabled\"");
    assertThat(policy(plan.tempTable(), "auto_delete")).contains("\"DeleteIfNotEmpty\":true");
    new TransactionalCommit(kusto.runner, null, null).abort(plan);
    assertThat(kusto.tempTables("Staged")).isEmpty();
  }

  @Test
  void anExplicitCreationTimeKeepsRetentionOffTheStagingTable() {
    kusto.mgmt(".create table Backfill (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Backfill", "sparkIngestionPropertiesJson",
        "{\"creationTime\":\"2001-01-01T00:00:00Z\"}"), ID_NAME);
    assertThat(policy(plan.tempTable(), "retention")).isEqualTo("null");
    assertThat(policy(plan.tempTable(), "auto_delete")).isEqualTo("null");
    new TransactionalCommit(kusto.runner, null, null).abort(plan);
  }

  @Test
  void aMissingUserStagingTableIsAClearError() {
    kusto.mgmt(".create table WithStage (id:long, name:string)");
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("WithStage", "tempTableName", "NoSuchStage"),
        ID_NAME)).hasMessage("Cannot write through the staging table 'NoSuchStage' of option 'tempTableName': the"
            + " table does not exist in database 'db'. Create it with the target's columns before the write, or"
            + " remove 'tempTableName'.");
  }

  @Test
  void conflictingChoicesAreRefusedBeforeAnyTableIsTouched() {
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Conflict", "writeMode", "Queued"), ID_NAME,
        null, true))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CONFLICTING_OPTIONS))
        .hasMessageContaining("overwriting the table needs 'writeMode' Transactional");
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Conflict", "adjustSchema",
        "GenerateDynamicCsvMapping", "sparkIngestionPropertiesJson", "{\"csvMappingNameReference\":\"m\"}"), ID_NAME))
        .hasMessageContaining("'adjustSchema' GenerateDynamicCsvMapping generates the CSV mapping");
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Conflict", "writeMode", "KustoStreaming",
        "adjustSchema", "GenerateDynamicCsvMapping"), ID_NAME))
        .hasMessageContaining("streaming ingestion ('writeMode' KustoStreaming) accepts only a mapping reference");
  }
}
