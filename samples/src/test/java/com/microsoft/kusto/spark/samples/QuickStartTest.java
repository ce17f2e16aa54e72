package com.microsoft.kusto.spark.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The main sample, run as the README's first command runs it: against the local endpoint started in this JVM. */
class QuickStartTest {
  @Test
  void writesEveryTypeReadsBackWithPushdownAndStreamsEveryMicroBatchOnce() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    QuickStart.Result result;
    try (LocalKusto local = LocalKusto.start();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      result = QuickStart.run(local.target(), out);
    }
    String output = printed.toString(StandardCharsets.UTF_8);

    // Both the filter and the projection reach Kusto, and the sample prints the KQL.
    assertThat(result.batch().kql()).startsWith(QuickStart.TYPES_TABLE + "\n")
        .contains("| where ['big'] > 9007199254740993", "['name'] startswith_cs 'row'")
        .contains("| project ['id'], ['amount'], ['name'], ['at'], ['tags'], ['point']");
    assertThat(output).contains(result.batch().kql().replace("\n", "\n  "));

    // 6 full rows and one of nulls written; the even ids above 1 come back, with exact values.
    assertThat(result.batch().written()).isEqualTo(7);
    List<Row> rows = result.batch().rows();
    assertThat(rows).extracting(row -> row.getInt(0)).containsExactly(2, 4, 6);
    assertThat(rows.get(0).getString(1)).isEqualTo("row 2");
    assertThat(rows.get(0).getDecimal(2)).isEqualByComparingTo("2469135780.246913578024691356");
    assertThat(rows.get(0).getTimestamp(3).toInstant()).hasToString("2024-03-10T12:30:00.123456Z");

    assertThat(result.streaming().batches()).isEqualTo(3);
    assertThat(result.streaming().rowsInKusto()).isEqualTo(result.streaming().rowsSent()).isEqualTo(300);
    assertThat(output).contains("micro-batch 0: 100 rows", "micro-batch 2: 100 rows", "Done.");
  }
}
