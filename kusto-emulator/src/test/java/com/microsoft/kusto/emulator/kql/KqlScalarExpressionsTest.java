package com.microsoft.kusto.emulator.kql;

import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.instant;
import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.kql.KqlTestDatabase.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scalar operators, functions and literals; expected values follow Kusto's documented semantics. */
class KqlScalarExpressionsTest {
  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static long count(String kql) {
    return (Long) db.value(kql + " | count");
  }

  @Test
  void equalityIsCaseSensitiveAndTildeFormsAreNot() {
    assertThat(count("T | where s == 'europe'")).isZero();
    assertThat(count("T | where s =~ 'europe'")).isEqualTo(1);
    assertThat(count("T | where s != 'Europe'")).isEqualTo(4);
    assertThat(count("T | where s !~ 'europe'")).isEqualTo(4);
    assertThat(count("T | where s <> 'Europe'")).isEqualTo(4);
  }

  @Test
  void equalityWithNullFollowsKustoNotSql() {
    // The example of Kusto's "Null values" page: == of null and non-null is false, != is true, two nulls give null.
    Result r = db.run("datatable(val:int)[5, int(null)] | extend IsBiggerThan3 = val > 3,"
        + " IsBiggerThan3OrNull = val > 3 or isnull(val), IsEqualToNull = val == int(null),"
        + " IsNotEqualToNull = val != int(null), IsEqualTo5 = val == 5, IsNotEqualTo5 = val != 5");
    assertThat(r.rows())
        .containsExactly(row(5, true, true, false, true, true, false), row(null, null, true, null, null, false, true));
    // So a row with a null l passes "l != 10", and "!in" keeps it too.
    assertThat(count("T | where l != 10")).isEqualTo(4);
    assertThat(count("T | where l !in (10, 20)")).isEqualTo(3);
    assertThat(count("T | where l in (10, 20)")).isEqualTo(2);
  }

  @Test
  void realsCompareAsIeee754WithNaNEqualToNothing() {
    Result r = db.run("datatable(x:real)[real(nan), 1.0] | project eq = x == x, ne = x != x, gt = x > 0.5,"
        + " lt = x < 0.5, isin = x in (real(nan), 1.0), btw = x between (0.0 .. real(+inf)), nan = isnan(x),"
        + " inf = isinf(x), fin = isfinite(x)");
    assertThat(r.rows())
        .containsExactly(
            row(false, true, false, false, false, false, true, false, false),
            row(true, false, true, false, true, true, false, false, true));
    assertThat(db.run("print isnan(real(null)), isinf(real(-inf)), isfinite(5)").rows())
        .containsExactly(row(false, true, true));
  }

  @Test
  void predicatesOfTheConnectorsFilterCompiler() {
    // Shapes KqlPredicateCompiler emits: hash slices with a null guard, NaN-aware ordering, guarded negation.
    long slice0 = count("T | where (isnull(['l']) or hash(['l'], 2) == 0)");
    long slice1 = count("T | where (isnotnull(['l']) and hash(['l'], 2) == 1)");
    assertThat(slice0 + slice1).isEqualTo(5);
    assertThat(count("T | where (['r'] > real(1.0) or isnan(['r']))")).isEqualTo(3);
    assertThat(count("T | where isnotnull(['n']) and not(['n'] == int(1))")).isEqualTo(3);
    assertThat(db.run("T\n| where ['n'] == 1 and ['s'] == 'North America'\n| project ['n'], ['sp']=tostring(['sp'])\n"
        + "| take 10").rows()).containsExactly(row(1, "01:00:00"));
    assertThat(count("T | where false")).isZero();
  }

  @Test
  void orderingComparisonsMixNumericTypes() {
    assertThat(db.run("T | where r > n | project n").column(0)).containsExactlyInAnyOrder(1, 5);
    assertThat(db.run("T | where l >= 40 and l <= 50 | project l").column(0)).containsExactlyInAnyOrder(40L, 50L);
    Result r = db.run("T | where n == 1 | project big = l > 5, eq = s == 'North America', lt = ts < datetime(2024-01-01)");
    assertThat(r.schema()).containsExactly("big:bool", "eq:bool", "lt:bool");
    assertThat(r.rows()).containsExactly(row(true, true, false));
  }

  @Test
  void hasMatchesWholeTermsCaseInsensitively() {
    // Terms are maximal runs of ASCII letters and digits: "south-america" has the term "america", "AMERICAN" not.
    assertThat(db.run("T | where s has 'america' | project s").column(0))
        .containsExactlyInAnyOrder("North America", "south-america");
    assertThat(db.run("T | where s has_cs 'America' | project s").column(0)).containsExactly("North America");
    assertThat(count("T | where s has 'meric'")).isZero();
    assertThat(db.run("T | where s !has 'america' | project s").column(0))
        .containsExactlyInAnyOrder("Europe", "", "AMERICAN");
    assertThat(db.run("T | where s !has_cs 'America' | project s").column(0))
        .containsExactlyInAnyOrder("south-america", "Europe", "", "AMERICAN");
    assertThat(db.value("print 'a.b(c)' has 'b'")).isEqualTo(true);
    assertThat(db.value("print 'x+y' has 'x+y'")).isEqualTo(true);
    assertThat(db.value("print 'ax+y' has 'x+y'")).isEqualTo(false);
  }

  @Test
  void containsStartswithEndswithAndTheirCaseSensitiveAndNegatedForms() {
    assertThat(count("T | where s contains 'AMERIC'")).isEqualTo(3);
    assertThat(db.run("T | where s contains_cs 'meric' | project s").column(0))
        .containsExactlyInAnyOrder("North America", "south-america");
    assertThat(db.run("T | where s !contains 'america' | project s").column(0)).containsExactlyInAnyOrder("Europe", "");
    assertThat(count("T | where s !contains_cs 'meric'")).isEqualTo(3);
    assertThat(db.run("T | where s startswith 'SOUTH' | project s").column(0)).containsExactly("south-america");
    assertThat(count("T | where s startswith_cs 'SOUTH'")).isZero();
    assertThat(count("T | where s !startswith 'n'")).isEqualTo(4);
    assertThat(count("T | where s !startswith_cs 'N'")).isEqualTo(4);
    assertThat(db.run("T | where s endswith 'CAN' | project s").column(0)).containsExactly("AMERICAN");
    assertThat(db.run("T | where s endswith_cs 'ica' | project s").column(0))
        .containsExactlyInAnyOrder("North America", "south-america");
    assertThat(count("T | where s !endswith 'ica'")).isEqualTo(3);
    assertThat(count("T | where s !endswith_cs 'CAN'")).isEqualTo(4);
  }

  @Test
  void inIsCaseSensitiveInTildeIsNot() {
    assertThat(db.run("T | where s in ('Europe', 'europe') | project s").column(0)).containsExactly("Europe");
    assertThat(db.run("T | where s in~ ('EUROPE', 'american') | project s").column(0))
        .containsExactlyInAnyOrder("Europe", "AMERICAN");
    assertThat(db.run("T | where isnotnull(n) and n !in (1, 2) | project n").column(0)).containsExactlyInAnyOrder(3, 5);
    assertThat(count("T | where s !in~ ('EUROPE', 'american')")).isEqualTo(3);
  }

  @Test
  void betweenIsInclusiveAndAcceptsADatetimePlusTimespanRange() {
    assertThat(db.run("T | where l between (10 .. 40) | project l").column(0)).containsExactlyInAnyOrder(10L, 20L, 40L);
    assertThat(db.run("T | where l !between (10 .. 40) | project l").column(0)).containsExactly(50L);
    // "10..40" without spaces is a range, not the real number "10." followed by ".40".
    assertThat(count("T | where l between (10..40)")).isEqualTo(3);
    assertThat(db.run("T | where ts between (datetime(2024-01-01) .. 1d) | project s").column(0))
        .containsExactlyInAnyOrder("North America", "south-america", "Europe");
  }

  @Test
  void nullAndEmptyTestsTreatStringsAsNeverNull() {
    Result r = db.run("print isnull(''), isempty(''), isnotempty('a'), isnull(int(null)), isnotnull(1), isempty(int(null)),"
        + " isnotnull('')");
    assertThat(r.rows()).containsExactly(row(false, true, true, true, true, true, true));
    assertThat(count("T | where isnull(s)")).isZero();
    assertThat(count("T | where isempty(s)")).isEqualTo(1);
    assertThat(count("T | where isnull(l)")).isEqualTo(1);
    assertThat(count("T | where isnull(d)")).isEqualTo(1);
    assertThat(count("T | where isnull(d.b)")).isEqualTo(4);
    assertThat(count("T | where isnotempty(g)")).isEqualTo(4);
  }

  @Test
  void andBindsTighterThanOrAndNotNegates() {
    assertThat(db.run("T | where n == 1 or n == 5 and b == false | project n").column(0)).containsExactlyInAnyOrder(1, 5);
    assertThat(db.run("T | where not(b) | project n").column(0)).containsExactlyInAnyOrder(2, 5);
  }

  @Test
  void hashPartitionsRowsDeterministically() {
    assertThat(count("T | where hash(s, 3) < 0 or hash(s, 3) >= 3")).isZero();
    long total = 0;
    for (int i = 0; i < 3; i++) {
      total += count("T | where hash(s, 3) == " + i);
    }
    assertThat(total).isEqualTo(5);
    Result sameValueSameHash = db.run("datatable(x:string)['a', 'a', 'b', 'b', 'b'] | summarize dcount(hash(x, 1000)) by x");
    assertThat(sameValueSameHash.column(1)).containsExactly(1L, 1L);
    assertThat(db.value("print hash('abc') >= 0")).isEqualTo(true);
    assertThat(db.run("print hash('abc', 10)").schema()).containsExactly("print_0:long");
  }

  @Test
  void tostringUsesKustoTextForms() {
    Result r = db.run("print tostring(1), tostring(1.5), tostring(real(1)), tostring(true), "
        + "tostring(datetime(2024-01-02 03:04:05.123)), tostring(1h), tostring(1d + 2h + 3m + 4s + 5ms), "
        + "tostring(-10s), tostring(decimal(1.50)), tostring(guid(0000000A-0000-0000-0000-000000000001)), "
        + "tostring(int(null)), tostring(dynamic({\"a\":1})), tostring(parse_json('\"x\"'))");
    assertThat(r.rows())
        .containsExactly(
            row("1", "1.5", "1", "true", "2024-01-02T03:04:05.1230000Z", "01:00:00", "1.02:03:04.0050000", "-00:00:10",
                "1.5", "0000000a-0000-0000-0000-000000000001", "", "{\"a\":1}", "x"));
  }

  @Test
  void tostringOfRealsUsesDotNetRoundTripText() {
    Result r = db.run("print tostring(1.5e15), tostring(1e15), tostring(-1e16), tostring(1e-5), tostring(0.0001),"
        + " tostring(123456789012345.0), tostring(0.1 + 0.2), tostring(-2.5e-10), tostring(real(nan)), tostring(real(-inf))");
    assertThat(r.rows())
        .containsExactly(row("1.5E+15", "1E+15", "-1E+16", "1E-05", "0.0001", "123456789012345", "0.30000000000000004",
            "-2.5E-10", "NaN", "-Infinity"));
  }

  @Test
  void numericConversionsTruncateAndGiveNullForBadText() {
    Result r = db.run("print toint('42'), toint('4.5'), toint(4.7), toint(-4.7), tolong(' 12 '), tolong('abc'),"
        + " todouble('1.5'), toreal(2), todecimal('1.25'), tolong(1s)");
    assertThat(r.schema()).containsExactly("print_0:int", "print_1:int", "print_2:int", "print_3:int", "print_4:long",
        "print_5:long", "print_6:real", "print_7:real", "print_8:decimal", "print_9:long");
    assertThat(r.rows()).containsExactly(row(42, null, 4, -4, 12L, null, 1.5, 2.0, new BigDecimal("1.25"), 10_000_000L));
  }

  @Test
  void otherConversions() {
    Result r = db.run("print tobool('true'), toboolean('FALSE'), tobool(0), toguid('00000000-0000-0000-0000-000000000009'),"
        + " todatetime('2024-01-02T03:04:05Z'), todatetime('2024-01-02T05:04:05+02:00'), totimespan('1.02:03:04'),"
        + " totimespan('00:00:01.5'), todynamic('[1,2]'), parse_json('{\"k\": \"v\"}').k, todatetime('nonsense')");
    assertThat(r.rows())
        .containsExactly(
            row(true, false, false, UUID.fromString("00000000-0000-0000-0000-000000000009"),
                instant("2024-01-02T03:04:05Z"), instant("2024-01-02T03:04:05Z"),
                Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4), Duration.ofMillis(1500), "[1,2]",
                "\"v\"", null));
  }

  @Test
  void dynamicPropertyAndIndexAccess() {
    Result r = db.run("T | where n == 1 | project a = toint(d.a), b = tostring(d.b), head = toint(d.arr[0]),"
        + " tail = toint(d['arr'][-1]), gone = isnull(d.zzz)");
    assertThat(r.rows()).containsExactly(row(1, "x", 1, 2, true));
    Result named = db.run("T | where n == 1 | extend d.a, tostring(d['b']) | project d_a, d_b");
    assertThat(named.schema()).containsExactly("d_a:dynamic", "d_b:string");
    assertThat(named.rows()).containsExactly(row("1", "x"));
    Result numbers = db.run("print toint(dynamic(1.7)), tolong(dynamic('12')), tostring(parse_json('{\"k\":  [1, 2]}'))");
    assertThat(numbers.rows()).containsExactly(row(1, 12L, "{\"k\":[1,2]}"));
    // A dynamic operand is compared as the other operand's type.
    assertThat(db.run("T | where d.a == 2 | project n").column(0)).containsExactly(2);
    assertThat(db.run("T | where d[1] == 20 | project l").column(0)).containsExactly(40L);
  }

  @Test
  void stringFunctions() {
    Result r = db.run("print strcat('a', 1, true, 1.5), strlen('naïve'), substring('abcdef', 2, 3), substring('abc', 1),"
        + " substring('abc', 5), tolower('AbC'), toupper('aBc')");
    assertThat(r.schema()).containsExactly("print_0:string", "print_1:long", "print_2:string", "print_3:string",
        "print_4:string", "print_5:string", "print_6:string");
    assertThat(r.rows()).containsExactly(row("a1true1.5", 5L, "cde", "bc", "", "abc", "ABC"));
    // The examples of Kusto's substring() page, including a negative start counted from the end.
    assertThat(db.run("print substring('123456', 1), substring('123456', 2, 2), substring('ABCD', 0, 2),"
        + " substring('123456', -2, 2)").rows()).containsExactly(row("23456", "34", "AB", "56"));
  }

  @Test
  void conditionalsUseTheCommonTypeOfTheirValues() {
    Result r = db.run("print iif(1 > 2, 'a', 'b'), iff(true, 1, 2.5), case(false, 1, true, 2, 3), coalesce(int(null), 7),"
        + " coalesce('', 'x'), iif(bool(null), 1, 2)");
    assertThat(r.schema()).containsExactly("print_0:string", "print_1:real", "print_2:long", "print_3:long",
        "print_4:string", "print_5:long");
    assertThat(r.rows()).containsExactly(row("b", 1.0, 2L, 7L, "x", 2L));
  }

  @Test
  void nowIsOneValuePerQueryAndAgoCountsBackFromIt() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Result r = db.run("print t = now(), a = ago(1h), same = now() == now()");
    Instant after = Instant.now();
    Instant now = (Instant) r.rows().get(0).get(0);
    assertThat(now).isBetween(before, after);
    assertThat(r.rows().get(0).get(1)).isEqualTo(now.minus(Duration.ofHours(1)));
    assertThat(r.rows().get(0).get(2)).isEqualTo(true);
    assertThat(db.run("set query_now = datetime(2024-01-01); print now(), ago(1d)").rows())
        .containsExactly(row(instant("2024-01-01T00:00:00Z"), instant("2023-12-31T00:00:00Z")));
  }

  @Test
  void datetimeAndTimespanArithmetic() {
    Result r = db.run("print datetime(2024-01-02) + 1d, datetime(2024-01-02) - 2h, datetime(2024-01-02) - datetime(2024-01-01),"
        + " 1h + 30m, 2 * 1h, 1h / 2, 1h / 30m, 100ms, 10s, 30m, time(01:02:03.5), timespan(1.00:00:00), 1.5h");
    assertThat(r.schema()).containsExactly("print_0:datetime", "print_1:datetime", "print_2:timespan",
        "print_3:timespan", "print_4:timespan", "print_5:timespan", "print_6:real", "print_7:timespan",
        "print_8:timespan", "print_9:timespan", "print_10:timespan", "print_11:timespan", "print_12:timespan");
    assertThat(r.rows())
        .containsExactly(
            row(instant("2024-01-03T00:00:00Z"), instant("2024-01-01T22:00:00Z"), Duration.ofDays(1),
                Duration.ofMinutes(90), Duration.ofHours(2), Duration.ofMinutes(30), 2.0, Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofMillis(3_723_500), Duration.ofDays(1),
                Duration.ofMinutes(90)));
  }

  @Test
  void integerDivisionTruncatesAndNumericTypesPromote() {
    Result r = db.run("print 7 / 2, -7 / 2, 7 % 3, 7.0 / 2, 1 + 2.5, int(3) + int(4), decimal(1.5) + 1");
    assertThat(r.schema()).containsExactly("print_0:long", "print_1:long", "print_2:long", "print_3:real",
        "print_4:real", "print_5:long", "print_6:decimal");
    assertThat(r.rows()).containsExactly(row(3L, -3L, 1L, 3.5, 3.5, 7L, new BigDecimal("2.5")));
    Result negated = db.run("T | where n == 3 | project m = -n");
    assertThat(negated.schema()).containsExactly("m:long");
    assertThat(negated.rows()).containsExactly(row(-3L));
  }

  @Test
  void binAndFloorRoundDownIncludingDatetimesOnKustosOrigin() {
    Result r = db.run("print bin(7, 5), bin(-7, 5), bin(7.5, 2.0), floor(datetime(2024-01-01 10:31), 1h),"
        + " bin(datetime(1970-01-04), 7d), bin(95m, 1h)");
    assertThat(r.schema()).containsExactly("print_0:long", "print_1:long", "print_2:real", "print_3:datetime",
        "print_4:datetime", "print_5:timespan");
    // 0001-01-01, Kusto's origin, is a Monday, so 7-day bins start on Mondays (1969-12-29), not on Thursdays.
    assertThat(r.rows())
        .containsExactly(row(5L, -10L, 6.0, instant("2024-01-01T10:00:00Z"), instant("1969-12-29T00:00:00Z"),
            Duration.ofHours(1)));
  }

  @Test
  void typedLiterals() {
    Result r = db.run("print long(1), real(nan), real(+inf), real(-inf), decimal(1.5), guid(00000000-0000-0000-0000-000000000003),"
        + " bool(true), dynamic({\"a\": [1, 2]}), int(null), 0x10, 1e3, datetime(2024-01-02T03:04:05.1234567Z), int(-5),"
        + " dynamic(null), dynamic(['x', {'y': null}])");
    assertThat(r.schema()).containsExactly("print_0:long", "print_1:real", "print_2:real", "print_3:real",
        "print_4:decimal", "print_5:guid", "print_6:bool", "print_7:dynamic", "print_8:int", "print_9:long",
        "print_10:real", "print_11:datetime", "print_12:int", "print_13:dynamic", "print_14:dynamic");
    assertThat(r.rows())
        .containsExactly(
            row(1L, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new BigDecimal("1.5"),
                UUID.fromString("00000000-0000-0000-0000-000000000003"), true, "{\"a\":[1,2]}", null, 16L, 1000.0,
                instant("2024-01-02T03:04:05.123456Z"), -5, null, "[\"x\",{\"y\":null}]"));
  }

  @Test
  void numberForms() {
    Result r = db.run("print 1.5e-2, 0.5, 2E3, 0xFF, 7, -0.25");
    assertThat(r.schema()).containsExactly("print_0:real", "print_1:real", "print_2:real", "print_3:long", "print_4:long",
        "print_5:real");
    assertThat(r.rows()).containsExactly(row(0.015, 0.5, 2000.0, 255L, 7L, -0.25));
  }

  @Test
  void stringLiteralForms() {
    Result r = db.run("print a = 'it\\'s', b = \"say \\\"hi\\\"\", c = @'C:\\path', d = @\"x \"\"q\"\"\", e = h'secret',"
        + " f = 'A\\u0042C', g = 'tab\\there', m = ```line1\nline2```");
    assertThat(r.rows())
        .containsExactly(row("it's", "say \"hi\"", "C:\\path", "x \"q\"", "secret", "ABC", "tab\there", "line1\nline2"));
  }

  @Test
  void quotedIdentifiersAndComments() {
    Result r = db.run("T // the sample table\n| project ['a b'] = s, [\"x\"] = n\n| where ['a b'] == 'Europe' // one row");
    assertThat(r.schema()).containsExactly("a b:string", "x:int");
    assertThat(r.rows()).containsExactly(row("Europe", 3));
  }
}
