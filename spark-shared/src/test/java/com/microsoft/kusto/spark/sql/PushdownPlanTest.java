package com.microsoft.kusto.spark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringStartsWith;
import org.junit.jupiter.api.Test;

/** Runs in both adapters, against each line's own Spark Filter classes. */
class PushdownPlanTest {
  private static final Map<String, KustoType> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("id", KustoType.LONG);
    COLUMNS.put("n", KustoType.INT);
    COLUMNS.put("name", KustoType.STRING);
    COLUMNS.put("price", KustoType.DECIMAL);
    COLUMNS.put("ts", KustoType.DATETIME);
    COLUMNS.put("g", KustoType.GUID);
    COLUMNS.put("a.b", KustoType.LONG);
    COLUMNS.put("where", KustoType.BOOL);
  }

  private static String where(Filter... filters) {
    PushdownPlan plan = PushdownPlan.of(filters, COLUMNS, true);
    return KqlQueryBuilder.forQuery("T").filter(plan.predicates()).build();
  }

  @Test
  void exactFiltersArePushedAndOthersLeftToSpark() {
    Filter eq = new EqualTo("name", "x'y");
    // Spark reads guids as lower-case text: an upper-case string never equals it there, but would in Kusto.
    Filter onGuid = new EqualTo("g", "3F2504E0-4F89-11D3-9A0C-0305E82C3301");
    // Kusto results are flat, so a dotted name that is no column can only be a nested-field reference.
    Filter nested = new EqualTo("x.y", 1L);
    Filter stringOrder = new LessThan("name", "m");
    Filter guidAsSparkSeesIt = new EqualTo("g", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    PushdownPlan plan =
        PushdownPlan.of(new Filter[] {eq, onGuid, nested, stringOrder, guidAsSparkSeesIt}, COLUMNS, true);
    assertThat(plan.pushed()).containsExactly(eq, guidAsSparkSeesIt);
    assertThat(plan.unhandled()).containsExactly(onGuid, nested, stringOrder);
  }

  @Test
  void pushdownCanBeSwitchedOff() {
    Filter eq = new EqualTo("id", 1L);
    PushdownPlan plan = PushdownPlan.of(new Filter[] {eq}, COLUMNS, false);
    assertThat(plan.pushed()).isEmpty();
    assertThat(plan.unhandled()).containsExactly(eq);
    assertThat(plan.predicates()).isEmpty();
  }

  @Test
  void dottedColumnNamesResolveQuotedOrNot() {
    // Spark 2.4 passes a top-level column "a.b" as is; Spark 3.1+ backquotes it.
    assertThat(PushdownPlan.of(new Filter[] {new EqualTo("a.b", 7L)}, COLUMNS, true).unhandled()).isEmpty();
  }

  @Test
  void backquotedNamesWithDotsResolveToTheColumn() {
    PushdownPlan plan = PushdownPlan.of(new Filter[] {new EqualTo("`a.b`", 7L)}, COLUMNS, true);
    assertThat(plan.unhandled()).isEmpty();
    assertThat(KqlQueryBuilder.forQuery("T").filter(plan.predicates()).build()).contains("['a.b']").contains("7");
  }

  @Test
  void keywordsAndQuotesAreQuotedAndEscaped() {
    assertThat(where(new EqualTo("where", true), new StringStartsWith("name", "it's")))
        .contains("['where']")
        .contains("startswith_cs")
        .contains("it\\'s");
  }

  @Test
  void timestampsBecomeUtcDatetimeLiteralsWhateverTheJvmZone() {
    java.util.TimeZone original = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
      Timestamp timestamp = Timestamp.from(Instant.parse("2024-03-10T10:11:12.123456Z"));
      String fromTimestamp = where(new GreaterThan("ts", timestamp));
      String fromInstant = where(new GreaterThan("ts", Instant.parse("2024-03-10T10:11:12.123456Z")));
      // Kusto keeps 100 ns ticks and Spark reads microseconds: "> t" is "at or after the next microsecond".
      assertThat(fromTimestamp)
          .isEqualTo(fromInstant)
          .isEqualTo("T\n| where ['ts'] >= datetime(2024-03-10T10:11:12.1234570Z)");
    } finally {
      java.util.TimeZone.setDefault(original);
    }
  }

  @Test
  void logicalCombinationsArePushedOnlyWhole() {
    Filter pushable = new Or(new EqualTo("id", 1L), new In("n", new Object[] {1, 2, 3}));
    Filter halfPushable = new And(new EqualTo("id", 1L), new EqualTo("g", "x"));
    PushdownPlan plan = PushdownPlan.of(new Filter[] {pushable, halfPushable}, COLUMNS, true);
    assertThat(plan.pushed()).containsExactly(pushable);
    assertThat(plan.unhandled()).containsExactly(halfPushable);
  }

  @Test
  void negationNeverKeepsNullRows() {
    String kql = where(new Not(new EqualTo("id", 5L)));
    assertThat(kql).contains("isnotnull(['id'])");
  }

  @Test
  void decimalsAndNullSafeEqualityAndContains() {
    PushdownPlan plan =
        PushdownPlan.of(
            new Filter[] {
              new EqualTo("price", new BigDecimal("12.345")),
              new EqualNullSafe("id", null),
              new StringContains("name", "needle"),
              new IsNotNull("id"),
              // Kusto strings are never null: Spark's "name <=> null" has no exact Kusto form.
              new EqualNullSafe("name", null)
            },
            COLUMNS,
            true);
    assertThat(plan.unhandled()).containsExactly(new EqualNullSafe("name", null));
    String kql = KqlQueryBuilder.forQuery("T").filter(plan.predicates()).build();
    assertThat(kql).contains("12.345").contains("isnull(['id'])").contains("contains_cs");
  }

  @Test
  void valuesOfTheWrongTypeAreNotPushed() {
    PushdownPlan plan = PushdownPlan.of(new Filter[] {new EqualTo("n", "not a number")}, COLUMNS, true);
    assertThat(plan.pushed()).isEmpty();
  }
}
