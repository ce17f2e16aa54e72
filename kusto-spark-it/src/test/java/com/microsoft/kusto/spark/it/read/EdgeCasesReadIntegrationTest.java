package com.microsoft.kusto.spark.it.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Empty results, column names that need quoting, and a bad query, in both read modes. */
class EdgeCasesReadIntegrationTest {
  private static EmulatedKusto kusto;

  @BeforeAll
  static void start() {
    kusto = EmulatedKusto.start();
    kusto.command(".create table People (id:long, name:string, score:real)");
    kusto.command(".ingest inline into table People <|\n1,ann,1.5\n2,bob,2.5\n3,cy,\n4,dee,4.5");
    kusto.command(".create table ['Odd table'] (['my col']:long, ['it\\'s \"quoted\"']:string, ['where']:int,"
        + " ['Ünïcode']:string, ['a.b']:long)");
    kusto.command(".ingest inline into table ['Odd table'] <|\n1,a,10,x,100\n2,b,20,y,200\n3,c,30,z,300");
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  @AfterEach
  void clearFaults() {
    kusto.emulator().faults().clear();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void anEmptyResultHasTheSchemaAndNoRows(String mode) {
    Dataset<Row> empty = kusto.read("People | where id > 100").option("readMode", mode).load();
    assertThat(empty.schema().fieldNames()).containsExactly("id", "name", "score");
    assertThat(empty.collectAsList()).isEmpty();
    assertThat(empty.count()).isZero();
    assertThat(empty.where("name = 'ann'").collectAsList()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void aFilterThatMatchesNothingGivesNoRows(String mode) {
    assertThat(kusto.read("People").option("readMode", mode).load().where("id > 100").collectAsList()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void awkwardColumnNamesSurviveProjectionAndFilters(String mode) {
    Dataset<Row> odd = kusto.read("['Odd table']").option("readMode", mode).load();
    assertThat(odd.schema().fieldNames()).containsExactly("my col", "it's \"quoted\"", "where", "Ünïcode", "a.b");
    List<Row> rows = odd.where("`where` >= 20 and `Ünïcode` <> 'z'")
        .select("`it's \"quoted\"`", "`a.b`", "`my col`").collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly("[b,200,2]");
    assertThat(odd.where("`it's \"quoted\"` = 'c'").select("`a.b`").collectAsList())
        .extracting(r -> r.getLong(0)).containsExactly(300L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void aBadQueryIsOneClearErrorNamingClusterDatabaseAndRequestId(String mode) {
    String requestId = "it-bad-query-" + mode;
    assertThatThrownBy(() -> kusto.read("People | where nosuchcolumn > 1").option("readMode", mode)
            .option("requestId", requestId).load().collectAsList())
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining(kusto.engineUrl())
        .hasMessageContaining("'" + EmulatedKusto.DB + "'")
        .hasMessageContaining(requestId)
        .hasMessageContaining("nosuchcolumn")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\tat "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void aMissingTableIsOneClearErrorNamingIt(String mode) {
    assertThatThrownBy(() -> kusto.read("NoSuchTable").option("readMode", mode).option("requestId", "it-missing")
            .load())
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("NoSuchTable").hasMessageContaining(kusto.engineUrl())
        .hasMessageContaining("it-missing");
  }

  /** The export runs while Spark plans the job, on the driver: its failure is the action's exception itself. */
  @Test
  void aFailedExportIsOneClearErrorNamingClusterDatabaseAndRequestId() {
    Dataset<Row> read = kusto.read("People").option("readMode", "ForceDistributedMode")
        .option("requestId", "it-export-fails").load();
    kusto.emulator().faults().failExports("disk full");
    assertThatThrownBy(read::collectAsList)
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.EXPORT_FAILED))
        .hasMessageContaining("disk full").hasMessageContaining(kusto.engineUrl())
        .hasMessageContaining("'" + EmulatedKusto.DB + "'").hasMessageContaining("it-export-fails");
  }
}
