package com.microsoft.kusto.spark.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.it.fixture.GeneratedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Limit and aggregate pushdown benchmark, run only with {@code -Pbench} (on Spark 3.3+ lines): {@code show()} (a
 * limit of 20 rows), {@code count()} and a {@code groupBy} of 10 groups over growing tables, each with pushdown and
 * with it switched off, side by side in one run. Prints times and ratios; asserts only the answers, never a timing.
 */
class PushdownBenchmark {
  private static final long[] SIZES = {300_000, 3_000_000};
  private static final int REPEATS = 2;

  @Test
  void pushdownRatios() {
    List<String> lines = new ArrayList<>();
    try (EmulatedKusto kusto = EmulatedKusto.start()) {
      long rows = SIZES[SIZES.length - 1];
      kusto.command(".create table Bench (" + GeneratedRows.SCHEMA + ")");
      kusto.streamCsv("Bench", rows, GeneratedRows::csv);
      measure(() -> (long) table(kusto, 10_000, true).limit(20).collectAsList().size(), 20);

      lines.add(String.format(Locale.ROOT, "%10s | %15s | %15s | %9s | %12s | %12s | %9s | %14s | %14s | %9s",
          "rows", "show pushed s", "show in Spark s", "ratio", "count push s", "count Spark s", "ratio",
          "groupBy push s", "groupBy Spark s", "ratio"));
      for (long size : SIZES) {
        double showPushed = measure(() -> (long) table(kusto, size, true).limit(20).collectAsList().size(), 20);
        double showSpark = measure(() -> (long) table(kusto, size, false).limit(20).collectAsList().size(), 20);
        double countPushed = measure(() -> table(kusto, size, true).count(), size);
        double countSpark = measure(() -> table(kusto, size, false).count(), size);
        double groupPushed = measure(() -> groups(table(kusto, size, true)), 10);
        double groupSpark = measure(() -> groups(table(kusto, size, false)), 10);
        lines.add(String.format(Locale.ROOT,
            "%,10d | %15.2f | %15.2f | %9.1f | %12.2f | %12.2f | %9.1f | %14.2f | %14.2f | %9.1f", size, showPushed,
            showSpark, showSpark / showPushed, countPushed, countSpark, countSpark / countPushed, groupPushed,
            groupSpark, groupSpark / groupPushed));
        System.out.println("bench: " + lines.get(lines.size() - 1));
      }
    }
    lines.add("times: best of " + REPEATS + " runs after a warm-up, automatic read mode; ratio = in Spark / pushed."
        + " A pushed show() should not grow with the table; the others move all rows when not pushed");
    System.out.println("\n=== kusto-spark pushdown benchmark (local[2], emulator + Azurite) ===");
    lines.forEach(System.out::println);
  }

  /** The first {@code size} rows with a 10-valued group column, with or without limit and aggregate pushdown. */
  private static Dataset<Row> table(EmulatedKusto kusto, long size, boolean pushdown) {
    return kusto.read("Bench | where id < " + size + " | extend g = id % 10")
        .option("limitPushDown", Boolean.toString(pushdown)).option("aggregatePushDown", Boolean.toString(pushdown))
        .load();
  }

  /** count, max and average per group (all pushable; a sum of longs is not); returns the number of groups. */
  private static long groups(Dataset<Row> rows) {
    return rows.groupBy("g").agg(org.apache.spark.sql.functions.count("id"), org.apache.spark.sql.functions.max("x"),
        org.apache.spark.sql.functions.avg("x")).collectAsList().size();
  }

  private static double measure(Supplier<Long> run, long expected) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < REPEATS; i++) {
      long start = System.nanoTime();
      long seen = run.get();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
      assertThat(seen).isEqualTo(expected);
    }
    return best;
  }
}
