package com.microsoft.kusto.emulator.kql;

import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.instant;
import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.kql.KqlTestDatabase.Result;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tabular operators, sources and statements; expected values follow Kusto's documented semantics. */
class KqlTabularOperatorsTest {
  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void whereFiltersRowsAndComparisonsWithNullAreFalse() {
    assertThat(db.run("T | where n > 1 | project s").column(0))
        .containsExactlyInAnyOrder("south-america", "Europe", "AMERICAN");
    // Row 3 has a null l: it fails both the predicate and its negation.
    assertThat(db.run("T | where l > 15 | project s").column(0)).containsExactlyInAnyOrder("south-america", "", "AMERICAN");
    assertThat(db.run("T | where not(l > 15) | project s").column(0)).containsExactly("North America");
    assertThat(db.run("T | filter n == 1 | project s").column(0)).containsExactly("North America");
  }

  @Test
  void extendAddsColumnsReplacesSameNamedOnesAndSeesOnlyInputColumns() {
    Result r = db.run("T | where n == 1 | extend x = n * 2, strlen(s), s = 1");
    assertThat(r.schema())
        .containsExactly("s:long", "n:int", "l:long", "r:real", "ts:datetime", "d:dynamic", "dec:decimal",
            "sp:timespan", "g:guid", "b:bool", "x:long", "strlen_s:long");
    assertThat(r.rows().get(0).get(0)).isEqualTo(1L);
    assertThat(r.rows().get(0).subList(10, 12)).containsExactly(2L, 13L);
  }

  @Test
  void extendNamesUnnamedExpressionsColumn1Column2() {
    Result r = db.run("print a = 1 | extend a + 1, b = 2, a * 2");
    assertThat(r.schema()).containsExactly("a:long", "Column1:long", "b:long", "Column2:long");
    assertThat(r.rows()).containsExactly(row(1L, 2L, 2L, 2L));
  }

  @Test
  void extendWithConversionKeepsTheColumnName() {
    Result r = db.run("T | where n == 2 | extend tostring(n) | project n");
    assertThat(r.schema()).containsExactly("n:string");
    assertThat(r.rows()).containsExactly(row("2"));
  }

  @Test
  void projectDerivesNamesLikeKusto() {
    Result r = db.run("T | where n == 1 | project s, strlen(s), x = 1, tostring(n), todouble(n), n + 1");
    assertThat(r.schema())
        .containsExactly("s:string", "strlen_s:long", "x:long", "n:string", "n1:real", "Column1:long");
    assertThat(r.rows()).containsExactly(row("North America", 13L, 1L, "1", 1.0, 2L));
  }

  @Test
  void projectAwayRemovesNamedAndWildcardColumns() {
    Result r = db.run("T | project-away s, d, g* | take 1");
    assertThat(r.schema()).containsExactly("n:int", "l:long", "r:real", "ts:datetime", "dec:decimal", "sp:timespan",
        "b:bool");
    assertThat(r.rows()).hasSize(1);
  }

  @Test
  void projectRenameKeepsPositionAndValues() {
    Result r = db.run("T | project-rename name = s, num = n | where num == 1 | project name, num");
    assertThat(r.schema()).containsExactly("name:string", "num:int");
    assertThat(r.rows()).containsExactly(row("North America", 1));
  }

  @Test
  void summarizeByBinOfDatetimeNamesTheGroupAfterTheColumn() {
    Result r = db.run("T | where isnotnull(ts) | summarize count() by bin(ts, 1d)");
    assertThat(r.schema()).containsExactly("ts:datetime", "count_:long");
    assertThat(r.rows())
        .containsExactlyInAnyOrder(
            row(instant("2024-01-01T00:00:00Z"), 2L),
            row(instant("2024-01-02T00:00:00Z"), 1L),
            row(instant("2023-12-31T00:00:00Z"), 1L));
  }

  @Test
  void summarizeAggregatesHaveKustoNamesTypesAndValues() {
    Result r = db.run("T | summarize count(), sum(n), avg(n), min(s), max(ts), dcount(b), countif(n > 1), sum(r),"
        + " sum(dec), sum(sp), avg(sp), min(l), max(r)");
    assertThat(r.schema())
        .containsExactly("count_:long", "sum_n:long", "avg_n:real", "min_s:string", "max_ts:datetime",
            "dcount_b:long", "countif_:long", "sum_r:real", "sum_dec:decimal", "sum_sp:timespan", "avg_sp:timespan",
            "min_l:long", "max_r:real");
    Duration total = Duration.ofHours(1).plusMinutes(30).plusDays(2).minusSeconds(10);
    assertThat(r.rows())
        .containsExactly(
            row(5L, 11L, 2.75, "", instant("2024-01-02T00:00:00Z"), 2L, 3L, 9.0, new BigDecimal("3.25"), total,
                total.dividedBy(4), 10L, 5.5));
  }

  @Test
  void summarizeDeduplicatesDerivedNamesAndGroupsNulls() {
    Result r = db.run("T | summarize count(), count() by b");
    assertThat(r.schema()).containsExactly("b:bool", "count_:long", "count_1:long");
    assertThat(r.rows()).containsExactlyInAnyOrder(row(true, 2L, 2L), row(false, 2L, 2L), row(null, 1L, 1L));
  }

  @Test
  void summarizeByExpressionAndExplicitNames() {
    Result r = db.run("T | summarize c = count() by n % 2");
    assertThat(r.schema()).containsExactly("Column1:long", "c:long");
    assertThat(r.rows()).containsExactlyInAnyOrder(row(1L, 3L), row(0L, 1L), row(null, 1L));
    Result named = db.run("T | summarize total = sum(l) by category = iif(b, 'yes', 'no')");
    assertThat(named.schema()).containsExactly("category:string", "total:long");
    // b null goes to the else branch of iif
    assertThat(named.rows()).containsExactlyInAnyOrder(row("yes", 50L), row("no", 70L));
  }

  @Test
  void summarizeWithoutAggregatesListsGroupsAndWithoutByGivesOneRowEvenWhenEmpty() {
    assertThat(db.run("T | summarize by b").rows()).hasSize(3);
    // Kusto's documented defaults over no values: 0 for count, countif, dcount and sum; null for the others.
    Result empty = db.run("T | where n > 100 | summarize count(), sum(l), sum(r), avg(l), dcount(s), countif(b), min(l)");
    assertThat(empty.rows()).containsExactly(row(0L, 0L, 0.0, null, 0L, 0L, null));
    assertThat(db.run("T | where isnull(l) | summarize sum(l), sum(sp)").rows()).containsExactly(row(0L, Duration.ZERO));
  }

  @Test
  void distinctOnColumnsAndStar() {
    Result r = db.run("T | distinct b");
    assertThat(r.schema()).containsExactly("b:bool");
    assertThat(r.column(0)).containsExactlyInAnyOrder(true, false, null);
    assertThat(db.run("datatable(a:long, b:string)[1, 'x', 1, 'x', 2, 'x'] | distinct *").rows())
        .containsExactlyInAnyOrder(row(1L, "x"), row(2L, "x"));
  }

  @Test
  void countReturnsALongNamedCount() {
    Result r = db.run("T | count");
    assertThat(r.schema()).containsExactly("Count:long");
    assertThat(r.rows()).containsExactly(row(5L));
  }

  @Test
  void takeAndLimitReturnAnyNRows() {
    Result r = db.run("T | take 2");
    assertThat(r.rows()).hasSize(2);
    assertThat(r.columns()).hasSize(10);
    Result none = db.run("T | limit 0");
    assertThat(none.rows()).isEmpty();
    assertThat(none.columns()).hasSize(10);
  }

  @Test
  void topDefaultsToDescendingWithNullsLastAndAscendingWithNullsFirst() {
    assertThat(db.run("T | top 2 by l | project s").column(0)).containsExactly("AMERICAN", "");
    assertThat(db.run("T | top 2 by l asc | project l").column(0)).containsExactly(null, 10L);
    assertThat(db.run("T | top 1 by l asc nulls last | project l").column(0)).containsExactly(10L);
  }

  @Test
  void sortDefaultsToDescendingNullsLast() {
    assertThat(db.run("T | sort by l | project l").column(0)).containsExactly(50L, 40L, 20L, 10L, null);
    assertThat(db.run("T | order by l asc | project l").column(0)).containsExactly(null, 10L, 20L, 40L, 50L);
    assertThat(db.run("T | sort by l desc nulls first | project l").column(0)).containsExactly(null, 50L, 40L, 20L, 10L);
  }

  @Test
  void orderSurvivesLaterRowPreservingOperators() {
    assertThat(db.run("T | sort by l asc nulls last | take 2 | project l").column(0)).containsExactly(10L, 20L);
    assertThat(db.run("T | sort by n | where isnotnull(n) | extend m = n * 10 | project m").column(0))
        .containsExactly(50L, 30L, 20L, 10L);
  }

  @Test
  void averagesOfDatetimesAndDecimalsKeepTheirTypes() {
    Result r = db.run("T | where n <= 2 | summarize avg(ts), avg(dec)");
    assertThat(r.schema()).containsExactly("avg_ts:datetime", "avg_dec:decimal");
    assertThat(r.rows()).containsExactly(row(instant("2024-01-01T00:52:30Z"), new BigDecimal("1.875")));
  }

  @Test
  void sortBySeveralKeysEachWithItsOwnDefaults() {
    // b asc: null first, then false (n 5, 2 by n desc), then true (n 1, then null last).
    assertThat(db.run("T | sort by b asc, n desc | project n").column(0)).containsExactly(3, 5, 2, 1, null);
  }

  @Test
  void sortKeepsNanNextToNullAsKustoDocuments() {
    String data = "datatable(x:real)[1.0, real(nan), real(null), real(+inf), real(-inf)]";
    assertThat(db.run(data + " | sort by x").column(0))
        .containsExactly(Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY, Double.NaN, null);
    assertThat(db.run(data + " | sort by x asc").column(0))
        .containsExactly(null, Double.NaN, Double.NEGATIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY);
  }

  @Test
  void getschemaDescribesColumns() {
    Result r = db.run("T | project s, n, b, dec, d, ts, sp, g, r, l | getschema");
    assertThat(r.schema()).containsExactly("ColumnName:string", "ColumnOrdinal:long", "DataType:string",
        "ColumnType:string");
    assertThat(r.rows())
        .containsExactly(
            row("s", 0L, "System.String", "string"),
            row("n", 1L, "System.Int32", "int"),
            row("b", 2L, "System.SByte", "bool"),
            row("dec", 3L, "System.Data.SqlTypes.SqlDecimal", "decimal"),
            row("d", 4L, "System.Object", "dynamic"),
            row("ts", 5L, "System.DateTime", "datetime"),
            row("sp", 6L, "System.TimeSpan", "timespan"),
            row("g", 7L, "System.Guid", "guid"),
            row("r", 8L, "System.Double", "real"),
            row("l", 9L, "System.Int64", "long"));
  }

  @Test
  void asNamesTheResultAndPassesRowsThrough() {
    assertThat(db.run("T | where n == 1 | as X | project s").column(0)).containsExactly("North America");
  }

  @Test
  void letBindsScalarsTabularExpressionsAndTableAliases() {
    assertThat(db.run("let threshold = 2; let name = 'Europe'; T | where n > threshold and s != name | project s")
        .column(0)).containsExactly("AMERICAN");
    assertThat(db.run("let t = T | where n > 2; t | count").rows()).containsExactly(row(2L));
    assertThat(db.run("let U = T; U | count").rows()).containsExactly(row(5L));
    assertThat(db.run("let span = 1h; let base = datetime(2024-01-01); print base + span").rows())
        .containsExactly(row(instant("2024-01-01T01:00:00Z")));
  }

  @Test
  void printNamesUnnamedColumnsByPosition() {
    Result r = db.run("print 1, 'a', x = 2, strlen('abc')");
    assertThat(r.schema()).containsExactly("print_0:long", "print_1:string", "x:long", "print_3:long");
    assertThat(r.rows()).containsExactly(row(1L, "a", 2L, 3L));
  }

  @Test
  void datatableBuildsTypedRows() {
    Result r = db.run("datatable(a:int, b:string, c:datetime)[1, 'x', datetime(2024-01-01), -2, \"y\", datetime(null)]");
    assertThat(r.schema()).containsExactly("a:int", "b:string", "c:datetime");
    assertThat(r.rows()).containsExactly(row(1, "x", instant("2024-01-01T00:00:00Z")), row(-2, "y", null));
    Result empty = db.run("datatable(a:long)[] | count");
    assertThat(empty.rows()).containsExactly(row(0L));
  }

  @Test
  void parenthesizedPipelineIsASource() {
    assertThat(db.run("(T | where n == 1) | project s").column(0)).containsExactly("North America");
  }

  @Test
  void compileOverRunsATailOverACommandResult() {
    String input = "SELECT 'a' AS c0, CAST(1 AS BIGINT) AS c1 UNION ALL SELECT 'b', CAST(2 AS BIGINT)";
    List<ColumnSchema> columns =
        List.of(new ColumnSchema("Name", KustoType.STRING), new ColumnSchema("Size", KustoType.LONG));
    Result r = db.execute(db.engine().compileOver(KqlTestDatabase.DB, input, columns, " where Size > 1 | project Name"));
    assertThat(r.schema()).containsExactly("Name:string");
    assertThat(r.rows()).containsExactly(row("b"));
    assertThat(db.execute(db.engine().compileOver(KqlTestDatabase.DB, input, columns, "count")).rows())
        .containsExactly(row(2L));
    // A null string in a command result reads as "", since Kusto strings are never null.
    String withNull = "SELECT CAST(NULL AS VARCHAR) AS c0, CAST(3 AS BIGINT) AS c1";
    assertThat(db.execute(db.engine().compileOver(KqlTestDatabase.DB, withNull, columns, "where isempty(Name)"))
        .rows()).containsExactly(row("", 3L));
  }
}
