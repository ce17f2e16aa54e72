package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write mode with every table creation option and schema adjustment where the combination means something:
 * a missing table created or refused, an existing table whose columns are in another order (ingested by position,
 * refused, or mapped by name), and an existing table of the DataFrame's columns. Results are checked in Kusto.
 */
class WriteOptionsMatrixIntegrationTest {
  private static final int ROWS = 300;
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  static List<Arguments> modesAndAdjustments() {
    List<Arguments> combinations = new ArrayList<>();
    for (String mode : new String[] {"Transactional", "Queued", "KustoStreaming"}) {
      for (String adjust : new String[] {"NoAdjustment", "FailIfNotMatch", "GenerateDynamicCsvMapping"}) {
        combinations.add(Arguments.of(mode, adjust));
      }
    }
    return combinations;
  }

  private static void write(String table, String mode, String... more) {
    String[] options = new String[more.length + 2];
    options[0] = "writeMode";
    options[1] = mode;
    System.arraycopy(more, 0, options, 2, more.length);
    kit.writer(WriteKit.people(0, ROWS, 3), table, options).mode(SaveMode.Append).save();
  }

  /** Queued ingestion lands after {@code save()} returns; the other modes are complete when it returns. */
  private static long rowsAfterWrite(String table, String mode) {
    return "Queued".equals(mode) ? WriteKit.await(() -> kit.count(table), (long) ROWS) : kit.count(table);
  }

  private static boolean generatedMappingRefused(String mode, String adjust) {
    return "KustoStreaming".equals(mode) && "GenerateDynamicCsvMapping".equals(adjust);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("modesAndAdjustments")
  void createIfNotExistCreatesAMissingTableFromTheDataFrameSchema(String mode, String adjust) {
    String table = "Created" + mode + adjust;
    if (generatedMappingRefused(mode, adjust)) {
      assertThatThrownBy(() -> write(table, mode, "tableCreateOptions", "CreateIfNotExist", "adjustSchema", adjust))
          .hasStackTraceContaining("streaming ingestion ('writeMode' KustoStreaming) accepts only a mapping"
              + " reference")
          .hasStackTraceContaining("csvMappingNameReference");
      assertThat(kit.tableExists(table)).as("nothing is created when the options conflict").isFalse();
      return;
    }
    write(table, mode, "tableCreateOptions", "CreateIfNotExist", "adjustSchema", adjust);

    assertThat(kit.cslSchema(table)).isEqualTo("id:long,name:string");
    assertThat(rowsAfterWrite(table, mode)).isEqualTo(ROWS);
    assertThat(kit.idStats(table)).isEqualTo(ROWS + " " + ROWS + " 0 " + (ROWS - 1));
    assertThat(kit.queryColumn(table + " | where id == 123 | project name", "name")).containsExactly("name 123");
    assertThat(kit.tempTables(table)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Transactional", "Queued", "KustoStreaming"})
  void failIfNotExistRefusesAMissingTableBeforeAnyTaskAndCreatesNothing(String mode) {
    String table = "Missing" + mode;
    assertThatThrownBy(() -> write(table, mode, "tableCreateOptions", "FailIfNotExist"))
        .hasStackTraceContaining("table '" + table + "'")
        .hasStackTraceContaining("FailIfNotExist")
        .hasStackTraceContaining("CreateIfNotExist");
    assertThat(kit.tableExists(table)).isFalse();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("modesAndAdjustments")
  void anExistingTableWithTheColumnsInAnotherOrder(String mode, String adjust) {
    String table = "Swapped" + mode + adjust;
    // The DataFrame is (id, name); the table has the same names the other way round, both strings so that a
    // positional ingestion is visible rather than rejected.
    kit.command(".create table " + table + " (name:string, id:string)");
    if ("KustoStreaming".equals(mode)) {
      kit.command(".alter table " + table + " policy streamingingestion enable");
    }
    if (generatedMappingRefused(mode, adjust)) {
      assertThatThrownBy(() -> write(table, mode, "tableCreateOptions", "FailIfNotExist", "adjustSchema", adjust))
          .hasStackTraceContaining("accepts only a mapping reference");
      assertThat(kit.count(table)).isZero();
      return;
    }
    if ("FailIfNotMatch".equals(adjust)) {
      assertThatThrownBy(() -> write(table, mode, "tableCreateOptions", "FailIfNotExist", "adjustSchema", adjust))
          .hasStackTraceContaining("write to table '" + table + "' with 'adjustSchema' FailIfNotMatch")
          .hasStackTraceContaining("first difference at position 0: 'id' vs 'name'")
          .hasStackTraceContaining("GenerateDynamicCsvMapping");
      assertThat(kit.count(table)).isZero();
      assertThat(kit.tempTables(table)).isEmpty();
      return;
    }
    write(table, mode, "tableCreateOptions", "FailIfNotExist", "adjustSchema", adjust);
    assertThat(rowsAfterWrite(table, mode)).isEqualTo(ROWS);
    if ("NoAdjustment".equals(adjust)) {
      // By position: the DataFrame's first column (id) lands in the table's first column (name).
      assertThat(kit.queryColumn(table + " | where name == '123' | project id", "id")).containsExactly("name 123");
    } else {
      assertThat(kit.queryColumn(table + " | where id == '123' | project name", "name")).containsExactly("name 123");
    }
    assertThat(kit.tempTables(table)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Transactional", "Queued", "KustoStreaming"})
  void failIfNotMatchWritesIntoAnExistingTableOfTheDataFrameColumns(String mode) {
    String table = "Matching" + mode;
    kit.command(".create table " + table + " (id:long, name:string)");
    kit.command(".ingest inline into table " + table + " <|\n-1,old");
    if ("KustoStreaming".equals(mode)) {
      kit.command(".alter table " + table + " policy streamingingestion enable");
    }
    write(table, mode, "tableCreateOptions", "FailIfNotExist", "adjustSchema", "FailIfNotMatch");

    long expected = ROWS + 1;
    long landed = "Queued".equals(mode) ? WriteKit.await(() -> kit.count(table), expected) : kit.count(table);
    assertThat(landed).isEqualTo(expected);
    assertThat(kit.idStats(table)).isEqualTo(expected + " " + expected + " -1 " + (ROWS - 1));
  }
}
