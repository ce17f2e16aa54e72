package com.microsoft.kusto.spark.it.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pushdown matrix: for every filter and both read modes, the rows read with the filter pushed into the KQL equal
 * the rows Spark keeps when it evaluates the same filter itself over the table read with
 * {@code queryFilterPushDown=false}.
 */
class PushdownReadIntegrationTest {
  /** The two read modes, as the {@code readMode} option spells them. */
  enum Mode { ForceSingleMode, ForceDistributedMode }

  private static final List<String> FILTERS = List.of(
      "s = 'abc'", "s = 'ABC'", "s <> 'abc'", "s = 'O\\'Brien'", "s = 'back\\\\slash'", "s = 'quo\"te'",
      "s = 'Ünïcode 😀'", "s = ''", "s in ('abc', 'ABC', 'x')", "s like 'ab%'", "s like '%c'", "s like '%b%'",
      "s like '%B%'", "s is null", "s is not null", "s > 'abc'", "lower(s) = 'abc'",
      "r < 2.5", "r = 0.0", "r is null", "r <=> null", "not (r > 1.0)", "r in (1.0, 2.5)",
      "ts > timestamp'2024-01-01 00:00:00'", "ts >= timestamp'2024-01-01 00:00:00.000001'",
      "ts = timestamp'2023-12-31 23:59:59.999999'", "ts < timestamp'1970-01-01 00:00:00'", "ts is null",
      "n = 5", "n <=> 5", "n <=> null", "n in (1, 2, null)", "not (n = 5)", "n = 5 or s = 'abc'",
      "n > 2 and n < 6", "not (n in (1, 2))", "id between 2 and 4",
      "dec > 1.5", "dec = 1.5", "dec <= -0.5", "b = true", "not b", "b is null");

  private static EmulatedKusto kusto;
  /** Per mode: the whole table read without pushdown, held by Spark so that Spark alone evaluates each filter. */
  private static final Map<Mode, Dataset<Row>> BASELINE = new EnumMap<>(Mode.class);

  @BeforeAll
  static void start() {
    kusto = EmulatedKusto.start();
    kusto.command(".create table M (id:long, s:string, r:real, ts:datetime, n:int, dec:decimal, b:bool)");
    kusto.command(".ingest inline into table M <|\n" + String.join("\n",
        "1,abc,1.0,2024-01-01T00:00:00Z,1,1.5,true",
        "2,ABC,2.5,2024-01-01T00:00:00.000001Z,2,2.25,false",
        "3,O'Brien,NaN,2023-12-31T23:59:59.999999Z,5,-1,true",
        "4,back\\slash,Infinity,2024-01-01T00:00:00.000002Z,,,",
        "5,Ünïcode 😀,-Infinity,,5,0,false",
        "6,,,1970-01-01T00:00:00Z,3,1.500000000000000001,true",
        "7,\"quo\"\"te\",0.0,1969-12-31T23:59:59.999999Z,4,100,false",
        "8,ab c,-0.0,2024-01-01T00:00:00.0000005Z,6,-0.5,true"));
    for (Mode mode : Mode.values()) {
      Dataset<Row> unpushed = table(mode, false);
      List<Row> rows = unpushed.collectAsList();
      assertThat(rows).hasSize(8);
      BASELINE.put(mode, LocalSpark.session().createDataFrame(rows, unpushed.schema()));
    }
  }

  @AfterAll
  static void stop() {
    BASELINE.clear();
    kusto.close();
  }

  private static Dataset<Row> table(Mode mode, boolean pushdown) {
    return kusto.read("M").option("readMode", mode.name())
        .option("queryFilterPushDown", Boolean.toString(pushdown)).load();
  }

  private static List<Long> ids(Dataset<Row> rows) {
    return rows.select("id").collectAsList().stream().map(r -> r.getLong(0)).sorted().collect(Collectors.toList());
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      for (String filter : FILTERS) {
        cases.add(Arguments.of(mode, filter));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("matrix")
  void pushedFilterKeepsTheRowsSparkKeeps(Mode mode, String filter) {
    List<Long> expected = ids(BASELINE.get(mode).where(filter));
    assertThat(ids(table(mode, true).where(filter))).as(filter).isEqualTo(expected);
  }

  /** Guards the matrix against passing vacuously: filters select different, non-trivial subsets of the rows. */
  @Test
  void theMatrixSelectsManyDifferentSubsets() {
    List<List<Long>> subsets = FILTERS.stream().map(f -> ids(BASELINE.get(Mode.ForceSingleMode).where(f)))
        .distinct().collect(Collectors.toList());
    assertThat(subsets).hasSizeGreaterThan(FILTERS.size() / 2);
    assertThat(subsets).anySatisfy(ids -> assertThat(ids).hasSize(1))
        .anySatisfy(ids -> assertThat(ids).hasSizeBetween(2, 7)).anySatisfy(ids -> assertThat(ids).isEmpty());
    // The data makes the exactness questions real: case, NaN ordering and microsecond datetimes each decide rows.
    Dataset<Row> rows = BASELINE.get(Mode.ForceSingleMode);
    assertThat(ids(rows.where("s = 'abc'"))).containsExactly(1L);
    assertThat(ids(rows.where("r > 1.0"))).containsExactly(2L, 3L, 4L);
    assertThat(ids(rows.where("ts >= timestamp'2024-01-01 00:00:00.000001'"))).containsExactly(2L, 4L);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pushedFiltersAndPrunedColumnsReachTheKql(Mode mode) {
    String pushed = table(mode, true).where("n > 2").select("s").queryExecution().executedPlan().toString();
    assertThat(pushed).contains("| where ['n'] > int(2)").contains("| project ['s']");
    String unpushed = table(mode, false).where("n > 2").select("s").queryExecution().executedPlan().toString();
    assertThat(unpushed).doesNotContain("| where ");
  }
}
