package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.GeneratedRows;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million generated rows written transactionally in four partitions: Kusto holds each row once, with the values
 * of its id (checked by Kusto's own aggregates, not by reading the rows back).
 */
class MillionRowWriteIntegrationTest {
  private static final long ROWS = 1_000_000;
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** The rows of {@link GeneratedRows}, computed by Spark. */
  static Dataset<Row> generated(long rows, int partitions) {
    return LocalSpark.session().range(0, rows, 1, partitions).selectExpr("id",
        "concat('k', cast(id % 1000 as string)) as k", "(id * 7919) % 1000003 as x", "cast(id as double) * 0.25 as r",
        "cast(" + GeneratedRows.EPOCH_SECONDS + " + id as timestamp) as t");
  }

  private static String kustoDatetime(long id) {
    return Instant.ofEpochSecond(GeneratedRows.EPOCH_SECONDS + id).toString().replace("Z", ".0000000Z");
  }

  @Test
  void everyRowLandsOnceWithItsOwnValues() {
    kit.command(".create table Million (" + GeneratedRows.SCHEMA + ")");
    kit.writer(generated(ROWS, 4), "Million", "tableCreateOptions", "FailIfNotExist", "adjustSchema",
        "FailIfNotMatch").mode(SaveMode.Append).save();

    long expectedX = 0;
    for (long id = 0; id < ROWS; id++) {
      expectedX += (id * 7919) % 1_000_003;
    }
    assertThat(kit.queryColumn("Million | summarize n = count(), d = dcount(id), ids = sum(id), xs = sum(x),"
        + " rs = sum(r), t0 = min(t), t1 = max(t) | project s = strcat(n, ' ', d, ' ', ids, ' ', xs, ' ', rs, ' ',"
        + " t0, ' ', t1)", "s"))
        .containsExactly(ROWS + " " + ROWS + " " + ROWS * (ROWS - 1) / 2 + " " + expectedX + " "
            // The sum of r is a whole number (ROWS * (ROWS - 1) / 2 is a multiple of 4), which Kusto prints without
            // a fraction.
            + ROWS * (ROWS - 1) / 2 / 4 + " " + kustoDatetime(0) + " " + kustoDatetime(ROWS - 1));
    assertThat(kit.queryColumn("Million | where k != strcat('k', tostring(id % 1000)) or x != (id * 7919) % 1000003"
        + " or r != id * 0.25 | count | project n = tostring(Count)", "n"))
        .as("rows whose values are not those of their id").containsExactly("0");
    assertThat(kit.tempTables("Million")).isEmpty();
  }
}
