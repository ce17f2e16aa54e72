package com.microsoft.kusto.spark.it.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Limit, top-N and aggregate pushdown (Spark 3.3+), proven exact: every query gives the same rows with pushdown as
 * with {@code aggregatePushDown=false} and {@code limitPushDown=false}, where Spark computes everything itself; the
 * KQL shows what went to Kusto. On Spark lines without these interfaces (2.4, 3.0 to 3.2) the same queries must give
 * the same rows with nothing pushed.
 */
class AggregatePushdownIntegrationTest {
  enum Mode { ForceSingleMode, ForceDistributedMode }

  /** Queries with an exact translation: pushed from Spark 3.3 on. */
  private static final List<String> PUSHED = List.of(
      "SELECT count(*) FROM t",
      "SELECT count(n), count(g), count(r), count(ts) FROM t",
      "SELECT g, count(*), sum(n), avg(n), avg(l), min(n), max(l), min(dec), max(ts) FROM t GROUP BY g",
      "SELECT b, n, count(*), min(ts), max(dec) FROM t GROUP BY b, n",
      "SELECT g, sum(n) FROM t WHERE id > 2 GROUP BY g",
      "SELECT count(*), sum(n), avg(l), min(ts), max(n) FROM t WHERE id > 100",
      "SELECT g FROM t GROUP BY g",
      "SELECT g, count(*) AS c FROM t GROUP BY g ORDER BY c DESC LIMIT 2");

  /** Queries without one (distinct counts, long, real and decimal sums, datetime and real keys): left to Spark. */
  private static final List<String> NOT_PUSHED = List.of(
      "SELECT count(DISTINCT n) FROM t",
      "SELECT sum(l) FROM t",
      "SELECT sum(r), avg(r), max(r) FROM t",
      "SELECT avg(dec), sum(dec) FROM t",
      "SELECT ts, count(*) FROM t GROUP BY ts",
      "SELECT r, count(*) FROM t GROUP BY r",
      "SELECT min(g), max(b) FROM t");

  /** Top-N on int, long, decimal and datetime keys, with every direction and null placement. */
  private static final List<String> TOP_N = List.of(
      "SELECT id, n FROM t ORDER BY n ASC NULLS FIRST, id DESC LIMIT 3",
      "SELECT id, n FROM t ORDER BY n DESC NULLS LAST, id ASC LIMIT 4",
      "SELECT id, l FROM t ORDER BY l DESC, id LIMIT 2",
      "SELECT id, ts FROM t ORDER BY ts ASC NULLS LAST, id LIMIT 3",
      "SELECT id, dec FROM t ORDER BY dec DESC NULLS FIRST, id LIMIT 3");

  private static EmulatedKusto kusto;

  @BeforeAll
  static void start() {
    kusto = EmulatedKusto.start();
    kusto.command(".create table A (id:long, g:string, n:int, l:long, r:real, dec:decimal, ts:datetime, b:bool)");
    kusto.command(".ingest inline into table A <|\n" + String.join("\n",
        "1,abc,1,10,1.5,1.25,2024-01-01T00:00:00Z,true",
        "2,ABC,2,-20,NaN,2.5,2024-01-01T00:00:00.000001Z,false",
        "3,abc,,30,,,,",
        "4,,5,9000000000,Infinity,-1,2023-12-31T23:59:59.999999Z,true",
        "5,Ünïcode 😀,5,,-0.0,100.000000000000000001,1970-01-01T00:00:00Z,false",
        "6,abc,-7,7,2.5,0,2024-01-02T00:00:00Z,true",
        "7,,3,-1,0.5,3.75,,false"));
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  private static boolean sparkPushesAggregates() {
    String[] version = LocalSpark.session().version().split("\\.");
    int major = Integer.parseInt(version[0]);
    return major > 3 || major == 3 && Integer.parseInt(version[1]) >= 3;
  }

  /** Table A as view {@code t}, with or without aggregate and limit pushdown. */
  private static void view(Mode mode, boolean pushdown) {
    kusto.read("A").option("readMode", mode.name()).option("aggregatePushDown", Boolean.toString(pushdown))
        .option("limitPushDown", Boolean.toString(pushdown)).load().createOrReplaceTempView("t");
  }

  private static Dataset<Row> run(Mode mode, boolean pushdown, String sql) {
    view(mode, pushdown);
    return LocalSpark.session().sql(sql);
  }

  private static List<String> rows(Dataset<Row> rows, boolean ordered) {
    List<String> out = rows.collectAsList().stream().map(Row::toString).collect(Collectors.toList());
    if (!ordered) {
      out.sort(null);
    }
    return out;
  }

  private static String plan(Dataset<Row> rows) {
    return rows.queryExecution().executedPlan().toString();
  }

  static Stream<Arguments> queries() {
    List<Arguments> cases = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      PUSHED.forEach(q -> cases.add(Arguments.of(mode, q, true)));
      NOT_PUSHED.forEach(q -> cases.add(Arguments.of(mode, q, false)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("queries")
  void anAggregationGivesSparksOwnResult(Mode mode, String sql, boolean exact) {
    List<String> expected = rows(run(mode, false, sql), false);
    Dataset<Row> pushed = run(mode, true, sql);
    assertThat(rows(pushed, false)).as(sql).isEqualTo(expected);
    if (exact && sparkPushesAggregates()) {
      assertThat(plan(pushed)).as(sql).contains("| summarize ");
    } else {
      assertThat(plan(pushed)).as(sql).doesNotContain("| summarize ");
    }
  }

  static Stream<Arguments> topN() {
    List<Arguments> cases = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      TOP_N.forEach(q -> cases.add(Arguments.of(mode, q)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("topN")
  void topNGivesSparksOwnRowsInSparksOrder(Mode mode, String sql) {
    List<String> expected = rows(run(mode, false, sql), true);
    Dataset<Row> pushed = run(mode, true, sql);
    assertThat(rows(pushed, true)).as(sql).isEqualTo(expected);
    if (sparkPushesAggregates()) {
      assertThat(plan(pushed)).as(sql).contains("| sort by ").contains("| take ");
    }
  }

  @Test
  void aStringSortKeyStaysInSparkSinceSparkComparesBytes() {
    Dataset<Row> pushed = run(Mode.ForceSingleMode, true, "SELECT id, g FROM t ORDER BY g, id LIMIT 3");
    assertThat(rows(pushed, true)).isEqualTo(rows(run(Mode.ForceSingleMode, false,
        "SELECT id, g FROM t ORDER BY g, id LIMIT 3"), true));
    assertThat(plan(pushed)).doesNotContain("| sort by ");
  }

  @Test
  void showAndHeadTakeOnlyWhatTheyNeed() {
    SparkSession spark = LocalSpark.session();
    Dataset<Row> table = kusto.read("A").option("readMode", Mode.ForceSingleMode.name()).load();
    assertThat(table.limit(2).collectAsList()).hasSize(2);
    assertThat(table.takeAsList(3)).hasSize(3);
    if (sparkPushesAggregates()) {
      assertThat(plan(table.limit(2))).contains("| take 2");
      assertThat(plan(spark.sql("SELECT count(*) FROM " + viewOf(table)))).contains("| summarize ['kusto_agg_0']=count()");
    }
    // Switched off, nothing is pushed and the answers stay the same.
    Dataset<Row> off = kusto.read("A").option("readMode", Mode.ForceSingleMode.name())
        .option("limitPushDown", "false").option("aggregatePushDown", "false").load();
    assertThat(plan(off.limit(2))).doesNotContain("| take ");
    assertThat(off.limit(2).collectAsList()).hasSize(2);
    assertThat(off.count()).isEqualTo(table.count()).isEqualTo(7L);
  }

  private static String viewOf(Dataset<Row> table) {
    table.createOrReplaceTempView("whole");
    return "whole";
  }
}
