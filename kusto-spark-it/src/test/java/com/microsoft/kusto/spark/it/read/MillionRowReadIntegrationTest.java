package com.microsoft.kusto.spark.it.read;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.it.fixture.GeneratedRows;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million rows in distributed mode, sliced into several exports: every row arrives exactly once with its own values,
 * and the count and checksums equal what Kusto's own {@code summarize} computes over the table.
 */
class MillionRowReadIntegrationTest {
  private static final long ROWS = 1_000_000;
  private static EmulatedKusto kusto;

  @BeforeAll
  static void start() {
    kusto = EmulatedKusto.start();
    kusto.command(".create table Million (" + GeneratedRows.SCHEMA + ")");
    assertThat(kusto.streamCsv("Million", ROWS, GeneratedRows::csv)).isGreaterThan(1);
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  @Test
  void everyRowArrivesExactlyOnceAcrossSlices() {
    List<String> kustoTotals =
        kusto.firstRow("Million | summarize n = count(), ids = sum(id), xs = sum(x), rs = sum(r)");
    String sas = kusto.newContainerSasUrl();
    // The transient cache keeps the export's blobs, so the test can see that it really was sliced.
    Dataset<Row> read = kusto.read("Million").option("readMode", "ForceDistributedMode").option("numPartitions", "4")
        .option("transientStorage", EmulatedKusto.transientStorage(sas))
        .option("distributedReadModeTransientCache", "true").load();

    Row totals = read.agg(count(lit(1)), countDistinct("id"), sum("id"), sum("x"), sum("r"),
        sum(expr(GeneratedRows.MISMATCH_EXPRESSION))).collectAsList().get(0);

    assertThat(kusto.blobNames(sas).stream().map(name -> name.replaceAll(".*/(part\\d+).*", "$1")).distinct()
        .sorted()).containsExactly("part0", "part1", "part2", "part3");
    assertThat(totals.getLong(0)).isEqualTo(ROWS).isEqualTo(Long.parseLong(kustoTotals.get(0)));
    assertThat(totals.getLong(1)).as("distinct ids").isEqualTo(ROWS);
    assertThat(totals.getLong(2)).isEqualTo(ROWS * (ROWS - 1) / 2).isEqualTo(Long.parseLong(kustoTotals.get(1)));
    assertThat(totals.getLong(3)).isEqualTo(Long.parseLong(kustoTotals.get(2)));
    assertThat(totals.getDouble(4)).isEqualTo(Double.parseDouble(kustoTotals.get(3)));
    assertThat(totals.getLong(5)).as("rows whose values are not those of their id").isZero();
  }
}
