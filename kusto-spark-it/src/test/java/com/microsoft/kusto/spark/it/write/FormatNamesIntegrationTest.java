package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.testing.LocalSpark;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users name the connector either by its short name or, as with the established connector, by its package: both
 * resolve to the data source of the shaded jar of this run, for writes and for reads.
 */
class FormatNamesIntegrationTest {
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kusto", "com.microsoft.kusto.spark.datasource"})
  void theFormatNameWritesAndReadsBack(String format) {
    String table = "Named_" + format.replace('.', '_');
    kit.command(".create table " + table + " (id:long, name:string)");

    WriteKit.people(0, 50, 2).write().format(format).options(kit.options(table)).mode(SaveMode.Append).save();

    assertThat(kit.idStats(table)).isEqualTo("50 50 0 49");
    List<Row> rows = LocalSpark.session().read().format(format)
        .options(kit.kusto().options(table + " | where id in (7, 42)")).load().orderBy("id").collectAsList();
    assertThat(rows.stream().map(row -> row.getLong(0) + " " + row.getString(1)).collect(Collectors.toList()))
        .containsExactly("7 name 7", "42 name 42");
  }
}
