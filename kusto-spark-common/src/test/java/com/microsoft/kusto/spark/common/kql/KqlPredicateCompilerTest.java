package com.microsoft.kusto.spark.common.kql;

import static com.microsoft.kusto.spark.common.kql.Predicates.and;
import static com.microsoft.kusto.spark.common.kql.Predicates.contains;
import static com.microsoft.kusto.spark.common.kql.Predicates.endsWith;
import static com.microsoft.kusto.spark.common.kql.Predicates.equal;
import static com.microsoft.kusto.spark.common.kql.Predicates.greaterThan;
import static com.microsoft.kusto.spark.common.kql.Predicates.greaterThanOrEqual;
import static com.microsoft.kusto.spark.common.kql.Predicates.hashPartition;
import static com.microsoft.kusto.spark.common.kql.Predicates.in;
import static com.microsoft.kusto.spark.common.kql.Predicates.isNotNull;
import static com.microsoft.kusto.spark.common.kql.Predicates.isNull;
import static com.microsoft.kusto.spark.common.kql.Predicates.lessThan;
import static com.microsoft.kusto.spark.common.kql.Predicates.lessThanOrEqual;
import static com.microsoft.kusto.spark.common.kql.Predicates.not;
import static com.microsoft.kusto.spark.common.kql.Predicates.notEqual;
import static com.microsoft.kusto.spark.common.kql.Predicates.nullSafeEqual;
import static com.microsoft.kusto.spark.common.kql.Predicates.or;
import static com.microsoft.kusto.spark.common.kql.Predicates.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact golden strings for the compiler (no whitespace normalisation). */
class KqlPredicateCompilerTest {
  private static final KqlLiteral ONE = KqlLiteral.ofLong(1);
  private static final KqlLiteral X = KqlLiteral.ofString("x");
  private static final KqlLiteral NULL_LONG = KqlLiteral.nullOf(KustoType.LONG);
  private static final KqlLiteral NAN = KqlLiteral.ofDouble(Double.NaN);
  private static final KqlLiteral ONE_AND_HALF = KqlLiteral.ofDouble(1.5);
  private static final KqlLiteral T = KqlLiteral.ofDatetimeMicros(1_704_164_645_123_456L);
  private static final String T0 = "datetime(2024-01-02T03:04:05.1234560Z)";
  private static final String T1 = "datetime(2024-01-02T03:04:05.1234570Z)";
  private static final KqlLiteral T_MAX = KqlLiteral.ofDatetimeMicros(KustoDatetime.MAX_MICROS);

  static Stream<Arguments> golden() {
    return Stream.of(
        // comparisons and their negations: the FALSE form always guards against null
        Arguments.of(equal("a", ONE), "['a'] == 1"),
        Arguments.of(notEqual("a", ONE), "(isnotnull(['a']) and not(['a'] == 1))"),
        Arguments.of(not(equal("a", ONE)), "(isnotnull(['a']) and not(['a'] == 1))"),
        Arguments.of(not(notEqual("a", ONE)), "['a'] == 1"),
        Arguments.of(not(not(equal("a", ONE))), "['a'] == 1"),
        Arguments.of(lessThan("a", ONE), "['a'] < 1"),
        Arguments.of(lessThanOrEqual("a", ONE), "['a'] <= 1"),
        Arguments.of(greaterThan("a", KqlLiteral.ofInt(5)), "['a'] > int(5)"),
        Arguments.of(greaterThanOrEqual("a", ONE), "['a'] >= 1"),
        Arguments.of(not(lessThan("a", ONE)), "(isnotnull(['a']) and not(['a'] < 1))"),
        // SQL NULL literals: never TRUE, never FALSE
        Arguments.of(equal("a", NULL_LONG), "false"),
        Arguments.of(not(equal("a", NULL_LONG)), "false"),
        Arguments.of(greaterThan("a", NULL_LONG), "false"),
        Arguments.of(notEqual("a", NULL_LONG), "false"),
        // null-safe equality is never NULL
        Arguments.of(nullSafeEqual("a", NULL_LONG), "isnull(['a'])"),
        Arguments.of(not(nullSafeEqual("a", NULL_LONG)), "isnotnull(['a'])"),
        Arguments.of(nullSafeEqual("a", ONE), "['a'] == 1"),
        Arguments.of(not(nullSafeEqual("a", ONE)), "(isnull(['a']) or (isnotnull(['a']) and not(['a'] == 1)))"),
        // IN: empty, with NULL, duplicates, negated
        Arguments.of(in("a", ONE, KqlLiteral.ofLong(2)), "['a'] in (1, 2)"),
        Arguments.of(in("a", ONE, ONE, KqlLiteral.ofLong(2)), "['a'] in (1, 2)"),
        Arguments.of(not(in("a", ONE, KqlLiteral.ofLong(2))), "(isnotnull(['a']) and not(['a'] in (1, 2)))"),
        Arguments.of(in("a", List.of()), "false"),
        Arguments.of(not(in("a", List.of())), "isnotnull(['a'])"),
        Arguments.of(in("a", ONE, NULL_LONG), "['a'] in (1)"),
        Arguments.of(not(in("a", ONE, NULL_LONG)), "false"),
        Arguments.of(in("a", NULL_LONG), "false"),
        Arguments.of(not(in("a", NULL_LONG)), "false"),
        Arguments.of(in("s", X, KqlLiteral.ofString("it's")), "['s'] in ('x', 'it\\'s')"),
        // null checks
        Arguments.of(isNull("a"), "isnull(['a'])"),
        Arguments.of(not(isNull("a")), "isnotnull(['a'])"),
        Arguments.of(isNotNull("a"), "isnotnull(['a'])"),
        Arguments.of(not(isNotNull("a")), "isnull(['a'])"),
        // AND / OR and De Morgan under NOT
        Arguments.of(and(equal("a", ONE), equal("b", X)), "(['a'] == 1 and ['b'] == 'x')"),
        Arguments.of(or(equal("a", ONE), equal("b", X)), "(['a'] == 1 or ['b'] == 'x')"),
        Arguments.of(
            not(and(equal("a", ONE), equal("b", X))),
            "((isnotnull(['a']) and not(['a'] == 1)) or (isnotnull(['b']) and not(['b'] == 'x')))"),
        Arguments.of(
            not(or(equal("a", ONE), isNull("b"))), "((isnotnull(['a']) and not(['a'] == 1)) and isnotnull(['b']))"),
        // case-sensitive string predicates
        Arguments.of(startsWith("s", "Ab'"), "['s'] startswith_cs 'Ab\\''"),
        Arguments.of(endsWith("s", "\\"), "['s'] endswith_cs '\\\\'"),
        Arguments.of(contains("s", ""), "['s'] contains_cs ''"),
        Arguments.of(not(contains("s", "x")), "(isnotnull(['s']) and not(['s'] contains_cs 'x'))"),
        Arguments.of(equal("s", X), "['s'] == 'x'"),
        // reals: Spark's NaN equals NaN and is larger than everything
        Arguments.of(equal("d", NAN), "isnan(['d'])"),
        Arguments.of(notEqual("d", NAN), "(isnotnull(['d']) and not(isnan(['d'])))"),
        Arguments.of(nullSafeEqual("d", NAN), "isnan(['d'])"),
        Arguments.of(equal("d", ONE_AND_HALF), "['d'] == real(1.5)"),
        Arguments.of(greaterThan("d", ONE_AND_HALF), "(['d'] > real(1.5) or isnan(['d']))"),
        Arguments.of(greaterThanOrEqual("d", ONE_AND_HALF), "(['d'] >= real(1.5) or isnan(['d']))"),
        Arguments.of(lessThan("d", ONE_AND_HALF), "['d'] < real(1.5)"),
        Arguments.of(lessThanOrEqual("d", ONE_AND_HALF), "['d'] <= real(1.5)"),
        Arguments.of(lessThan("d", NAN), "(isnotnull(['d']) and not(isnan(['d'])))"),
        Arguments.of(lessThanOrEqual("d", NAN), "isnotnull(['d'])"),
        Arguments.of(greaterThan("d", NAN), "false"),
        Arguments.of(greaterThanOrEqual("d", NAN), "isnan(['d'])"),
        Arguments.of(
            greaterThan("d", KqlLiteral.ofDouble(Double.POSITIVE_INFINITY)), "(['d'] > real(+inf) or isnan(['d']))"),
        Arguments.of(in("d", KqlLiteral.ofDouble(1.0), NAN), "(['d'] in (real(1.0)) or isnan(['d']))"),
        Arguments.of(in("d", NAN), "isnan(['d'])"),
        // datetimes: Kusto ticks, Spark floors to microseconds
        Arguments.of(equal("t", T), "(['t'] >= " + T0 + " and ['t'] < " + T1 + ")"),
        Arguments.of(lessThan("t", T), "['t'] < " + T0),
        Arguments.of(lessThanOrEqual("t", T), "['t'] < " + T1),
        Arguments.of(greaterThan("t", T), "['t'] >= " + T1),
        Arguments.of(greaterThanOrEqual("t", T), "['t'] >= " + T0),
        Arguments.of(
            not(equal("t", T)), "(isnotnull(['t']) and not((['t'] >= " + T0 + " and ['t'] < " + T1 + ")))"),
        Arguments.of(equal("t", T_MAX), "['t'] >= datetime(9999-12-31T23:59:59.9999990Z)"),
        Arguments.of(lessThanOrEqual("t", T_MAX), "isnotnull(['t'])"),
        Arguments.of(greaterThan("t", T_MAX), "false"),
        Arguments.of(
            in("t", T, T_MAX),
            "((['t'] >= " + T0 + " and ['t'] < " + T1 + ") or ['t'] >= datetime(9999-12-31T23:59:59.9999990Z))"),
        // other types
        Arguments.of(
            equal("g", KqlLiteral.ofGuid(new UUID(0, 1))), "['g'] == guid(00000000-0000-0000-0000-000000000001)"),
        Arguments.of(greaterThan("ts", KqlLiteral.ofTimespanTicks(10_000_000L)), "['ts'] > timespan(00:00:01)"),
        Arguments.of(equal("m", KqlLiteral.ofDecimal(new BigDecimal("1.50"))), "['m'] == decimal(1.50)"),
        Arguments.of(equal("b", KqlLiteral.ofBoolean(true)), "['b'] == true"),
        // awkward names and values
        Arguments.of(equal("it's", KqlLiteral.ofString("a\nb")), "['it\\'s'] == 'a\\nb'"),
        Arguments.of(equal("where", ONE), "['where'] == 1"),
        // hash slices: disjoint and complete, nulls in slice 0
        Arguments.of(hashPartition("a", 4, 0), "(isnull(['a']) or hash(['a'], 4) == 0)"),
        Arguments.of(hashPartition("a", 4, 3), "(isnotnull(['a']) and hash(['a'], 4) == 3)"));
  }

  @ParameterizedTest
  @MethodSource("golden")
  void compilesToExactKql(Predicate predicate, String expected) {
    assertThat(KqlPredicateCompiler.untyped().compile(predicate)).isEqualTo(expected);
  }

  static Stream<Predicate> notPushable() {
    return Stream.of(
        lessThan("s", X),
        greaterThanOrEqual("b", KqlLiteral.ofBoolean(false)),
        greaterThan("g", KqlLiteral.ofGuid(new UUID(0, 0))),
        equal("m", KqlLiteral.ofDecimal(new BigDecimal("123456789012345678901234567890123456789"))),
        in("a", ONE, X),
        not(hashPartition("a", 2, 1)),
        and(equal("a", ONE), lessThan("s", X)),
        not(or(lessThan("s", X), equal("a", ONE))));
  }

  @ParameterizedTest
  @MethodSource("notPushable")
  void refusesPredicatesWithoutExactTranslation(Predicate predicate) {
    KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();
    assertThat(compiler.tryCompile(predicate)).isEmpty();
    assertThat(compiler.whyNotPushable(predicate)).isPresent();
    assertThatThrownBy(() -> compiler.compile(predicate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be pushed to Kusto");
  }

  @Test
  void typedCompilerChecksColumnsAgainstTheKustoSchema() {
    KqlPredicateCompiler compiler =
        KqlPredicateCompiler.forColumns(
            Map.of("a", KustoType.LONG, "s", KustoType.STRING, "g", KustoType.GUID, "ts", KustoType.TIMESPAN));
    assertThat(compiler.tryCompile(equal("a", ONE))).contains("['a'] == 1");
    assertThat(compiler.tryCompile(startsWith("s", "x"))).contains("['s'] startswith_cs 'x'");
    // Spark reads guid and timespan columns as strings; comparing them with a string literal is not valid KQL.
    assertThat(compiler.whyNotPushable(equal("g", X))).contains("column ['g'] is guid in Kusto but the value is string");
    assertThat(compiler.tryCompile(startsWith("ts", "1."))).isEmpty();
    assertThat(compiler.tryCompile(equal("a", KqlLiteral.ofInt(1)))).isEmpty();
    assertThat(compiler.whyNotPushable(isNull("missing"))).contains("unknown column ['missing']");
    assertThat(compiler.tryCompile(in("missing", List.of()))).isEmpty();
    assertThat(compiler.tryCompile(hashPartition("missing", 2, 0))).isEmpty();
    KqlPredicateCompiler withDynamic = KqlPredicateCompiler.forColumns(Map.of("j", KustoType.DYNAMIC));
    assertThat(withDynamic.whyNotPushable(hashPartition("j", 2, 0))).contains("hash() does not accept the dynamic column ['j']");
  }

  @Test
  void conjunctionIsSortedAndDeduplicatedSoOrderDoesNotMatter() {
    KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();
    String one = compiler.compileConjunction(List.of(equal("b", X), equal("a", ONE), equal("b", X))).get();
    String other = compiler.compileConjunction(List.of(equal("a", ONE), equal("b", X))).get();
    assertThat(one).isEqualTo("['a'] == 1 and ['b'] == 'x'").isEqualTo(other);
    assertThat(compiler.compileConjunction(List.of())).isEmpty();
  }
}
