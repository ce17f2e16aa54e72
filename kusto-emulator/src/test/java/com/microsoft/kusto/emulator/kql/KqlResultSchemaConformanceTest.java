package com.microsoft.kusto.emulator.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.kql.KqlTestDatabase.Result;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Column names and types of compiled queries equal those Microsoft's KQL language service infers for the same
 * query and table schema, so automatic naming and type inference follow Kusto's rules, not guesses.
 */
class KqlResultSchemaConformanceTest {
  private static KqlTestDatabase db;
  private static KustoLanguageService kusto;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
    kusto = new KustoLanguageService();
  }

  @AfterAll
  static void tearDown() throws Exception {
    kusto.close();
    db.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "T",
        "T | summarize count(), sum(n), avg(n), min(s), max(ts), dcount(s), countif(n > 1) by bin(ts, 1h)",
        "T | summarize sum(l), sum(r), sum(dec), sum(sp), avg(l), avg(dec), avg(r), avg(sp), avg(ts) by strlen(s), s",
        "T | summarize min(ts), max(sp), min(dec), max(r), max(s), min(b), max(l), dcount(g)",
        "T | summarize count(), count()",
        "T | summarize count() by n + 1, bin(ts, 1h), floor(r, 2.0), tostring(n)",
        "T | summarize cnt = count(), total = sum(n) by k = s",
        "T | summarize sum(n + 1), avg(strlen(s)), dcount(tolower(s)), countif(s == 'a'), min(n + 1)",
        "T | summarize count() by count_ = n",
        "T | summarize by b",
        "T | summarize countif(b), dcount(s, 2), avg(n) by tostring(d.a)",
        "T | extend Column1 = 1, n + 1",
        "T | project tobool(n), n, n",
        "T | extend s = strlen(s), t = s",
        "T | project ['a b'] = s, [\"x\"] = n",
        "T | where d.a == 2 | project tostring(d.b), d.arr[0]",
        "T | extend strlen(s), tostring(n), n + 1, tolower(s), bin(ts, 1d), floor(r, 1.0)",
        "T | extend x = n * 2, strlen(s), s = 1",
        "T | extend d.a, d['b'], d[0], tostring(d.a), toint(d['b'])",
        "T | extend n * 2, n * 2",
        "T | project s, strlen(s), x = 1, tostring(n), todouble(n), n + 1",
        "T | project tolower(s), toupper(s), substring(s, 1), strcat(s, 'a'), iif(n > 1, n, l), coalesce(n, n)",
        "T | project todynamic(s), parse_json(s), toguid(s), tobool(n), todatetime(s), totimespan(s), toint(s),"
            + " tolong(s), toreal(s), todecimal(s)",
        "T | project isnull(s), isempty(s), hash(s, 3), hash(s), ago(1h), now(), case(n > 1, 1, 2), -n, not(n > 1)",
        "T | project n + n, n / n, n * l, n - r, n % n, bin(n, 2), bin(r, 0.5), bin(l, 10), bin(sp, 1m), l / 2",
        "T | project ts - ts, ts + 1h, ts - 1d, sp * 2, sp / 2, sp / 1s, sp + sp, dec + 1, dec * 2, r / 2",
        "T | project a = l > 5, b2 = s == 'x', c = s has 'x', e = n in (1, 2), f = l between (1 .. 2), g2 = s =~ 'x'",
        "T | project-away s, d, g*",
        "T | project-rename name = s, num = n",
        "T | distinct b, s",
        "T | count",
        "T | getschema",
        "T | top 3 by n",
        "T | sort by n asc, s desc nulls first | take 3",
        "T | where n > 1 | as X | project s",
        "print 1, 'a', x = 2, strlen('a')",
        "print iif(true, 1, 2.5), iif(true, 1, long(2)), case(true, 1, 2), coalesce(int(null), long(3)), 5 / 2,"
            + " 5.0 / 2, 1 + 2.0, int(1) + long(2), now() - ago(1h), datetime(2020-01-01) + 1h, todecimal(1) + 1",
        "print iif(true, 'a', 'b'), iif(true, int(1), int(2)), iif(true, 1, real(null)),"
            + " case(true, int(1), false, 2.0, 3), iif(true, 1, todecimal(1)), coalesce(1, 2.0)",
        "print t = time(01:02:03), s = 1d, ms = 100ms, b = tobool(1), g = toguid('x'), j = parse_json('{}')",
        "print real(nan), decimal(1.5), guid(00000000-0000-0000-0000-000000000001), bool(true), dynamic({'a': 1}),"
            + " int(null), long(1), timespan(1.02:03:04), 1e3, 0x10",
        "print bin(7, 5), bin(7.5, 2.0), floor(datetime(2024-01-01 10:31), 1h), bin(95m, 1h), 7 % 3, int(3) + int(4)",
        "print a = 1 | extend a + 1, b = 2, a * 2",
        "datatable(a:int, b:string)[1, 'x', 2, 'y'] | extend c = a",
        "let x = 5; T | where n > x | extend x",
        "let t = T | where n > 1; t | summarize avg(r) by b",
        "declare query_parameters(p:int, q:string); T | where n > p and s == q | project p2 = p, q",
        "let lo = 1; let hi = lo + 3; T | where n between (lo .. hi) | summarize m = max(ts) by b | top 1 by m",
        "T | extend day = bin(ts, 1d) | summarize cnt = count() by day | sort by day asc | extend next = day + 1d",
        "T | where s startswith 'N' or s endswith 'n' | extend len = strlen(s) | project-away d, g | take 2",
        "T | summarize total = sum(l) by b | extend share = todouble(total) / 100 | where isnotnull(b)",
        "T | project x = iif(isnull(l), -1, l), y = coalesce(r, 0.0), z = case(n < 2, 'low', n < 4, 'mid', 'high')",
        "T | where ts > ago(3650d) and ts < now() | count",
        "T | where hash(s, 4) == 0 or hash(s, 4) == 1 | project s, h = hash(s, 4)",
        "T | project dt = todatetime(tostring(ts)), sp2 = totimespan(tostring(sp)), g2 = toguid(tostring(g))",
        "T | project s | extend words = strcat(s, ' / ', toupper(s)) | where words has 'europe'",
        "(T | where isnotnull(l)) | summarize dcount(l), avg(l) by bin(l, 20)",
        "datatable(k:string, v:dynamic)['a', dynamic({'x': 1}), 'b', dynamic([1, 2])] | extend x = v.x, head = v[0]",
        "print now() - now(), datetime(2024-02-29) + 365d, 1d / 1h, -1h, tolong(1ms)",

      })
  void compiledSchemaEqualsKustosInferredSchema(String kql) {
    Result ours = db.execute(db.engine().compile(KqlTestDatabase.DB, kql, Map.of("p", "int(1)", "q", "x")));
    assertThat(ours.schema()).as("schema of [%s]", kql).isEqualTo(kusto.resultSchema(kql, db.tables()));
  }
}
