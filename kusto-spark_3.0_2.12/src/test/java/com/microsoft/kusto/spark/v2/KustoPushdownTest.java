package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Data Source V2 scan shows and decides: the generated KQL in the physical plan (secrets removed), filters
 * Spark keeps, scan equality. Whether each pushed filter keeps exactly the rows Spark would is the integration
 * suite's pushdown matrix ({@code PushdownReadIntegrationTest}), which runs on every Spark line.
 */
class KustoPushdownTest {
  private static EmulatorKit kit;

  @BeforeAll
  static void start() {
    kit = EmulatorKit.start();
    kit.command(".create table M (id:long, s:string, r:real, ts:datetime, n:int, dec:decimal, b:bool)");
    kit.command(".ingest inline into table M <|\n" + String.join("\n",
        "1,abc,1.0,2024-01-01T00:00:00Z,1,1.5,true",
        "2,ABC,2.5,2024-01-01T00:00:00.000001Z,2,2.25,false",
        "3,O'Brien,NaN,2023-12-31T23:59:59.999999Z,5,-1,true",
        "4,back\\slash,Infinity,2024-01-01T00:00:00.000002Z,,,",
        "5,Ünïcode 😀,-Infinity,,5,0,false",
        "6,,,1970-01-01T00:00:00Z,3,1.500000000000000001,true",
        "7,\"quo\"\"te\",0.0,1969-12-31T23:59:59.999999Z,4,100,false",
        "8,ab c,-0.0,2024-01-01T00:00:00.0000005Z,6,-0.5,true"));
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  private static Dataset<Row> table(boolean pushdown) {
    return kit.read("M").option("readMode", "ForceSingleMode").option("queryFilterPushDown", Boolean.toString(pushdown))
        .load();
  }

  private static List<Long> ids(Dataset<Row> rows) {
    return rows.select("id").collectAsList().stream().map(r -> r.getLong(0)).sorted().collect(Collectors.toList());
  }

  /**
   * Spark orders NaN above every number, Kusto does not: greater-than comparisons on reals are pushed with an
   * explicit NaN term. Only the KQL is checked here, because the emulator has no {@code isnan()}.
   */
  @Test
  void realComparisonsKeepSparksNanOrdering() {
    String plan = table(true).where("r > 1.0").queryExecution().executedPlan().toString();
    assertThat(plan).contains("| where ").contains("isnan(['r'])").doesNotContain("Filter (");
  }

  @Test
  void explainShowsTheWhereAndProjectThatRun() {
    Dataset<Row> query = table(true).where("n = 5 and s like 'O%'").select("s", "ts");
    String plan = query.queryExecution().executedPlan().toString();
    assertThat(plan).contains("| where ").contains("['n'] == int(5)").contains("startswith_cs")
        .contains("| project ['s'], ['ts']");
    // Pushed filters are exact, so Spark does not filter again.
    assertThat(plan).doesNotContain("Filter (");
    assertThat(ids(table(true).where("n = 5 and s like 'O%'"))).containsExactly(3L);
  }

  @Test
  void filtersThatCannotBePushedStayWithSpark() {
    Dataset<Row> query = table(true).where("lower(s) = 'abc'");
    String plan = query.queryExecution().executedPlan().toString();
    assertThat(plan).contains("Filter (lower(s").doesNotContain("lower(['s'])");
    assertThat(ids(query)).containsExactly(1L, 2L);
  }

  @Test
  void withPushdownOffNothingIsPushedButColumnsArePruned() {
    String plan = table(false).where("n = 5").select("s").queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("| where").contains("| project ['s'], ['n']").contains("Filter (");
  }

  @Test
  void explainHidesObfuscatedLiterals() {
    Dataset<Row> query = kit.read("M | where s != h'topsecret'").option("readMode", "ForceSingleMode").load();
    String plan = query.queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("topsecret").contains("h'****'");
    assertThat(query.count()).isEqualTo(8);
  }

  @Test
  void scansWithTheSameKqlAreEqualAndDifferentOnesAreNot() {
    Dataset<Row> base = table(true);
    String one = base.where("n = 5").queryExecution().executedPlan().toString();
    String same = base.where("n = 5").queryExecution().executedPlan().toString();
    String other = base.where("n = 6").queryExecution().executedPlan().toString();
    assertThat(one).isEqualTo(same).isNotEqualTo(other);
  }

  @Test
  void distributedModePushesTheSameKql() {
    Dataset<Row> query = kit.read("M").option("readMode", "ForceDistributedMode").load()
        .where("s like '%b%' and n > 1").select("id");
    assertThat(query.queryExecution().executedPlan().toString()).contains("contains_cs").contains("| project ['id']");
    assertThat(ids(query)).containsExactly(8L);
  }
}
