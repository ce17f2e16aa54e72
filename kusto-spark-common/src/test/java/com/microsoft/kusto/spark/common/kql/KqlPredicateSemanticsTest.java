package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks that every pushable predicate selects exactly the rows Spark would keep: random predicate trees (with NOT,
 * NULLs, NaN, signed zeros, sub-microsecond datetimes) are compiled, the KQL is interpreted over every row of a small
 * table, and the result is compared with Spark SQL's three-valued reference evaluation. Both plausible Kusto answers
 * for comparisons with null (null and false) are tried.
 */
class KqlPredicateSemanticsTest {
  private static final List<Long> LONGS = Arrays.asList(null, -1L, 0L, 1L, 2L);
  private static final List<Double> DOUBLES =
      Arrays.asList(null, Double.NaN, -0.0, 0.0, 1.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  private static final List<String> STRINGS = Arrays.asList(null, "", "a", "ab", "Ab", "b", "ba");
  private static final List<Long> MICROS = Arrays.asList(null, -1L, 0L, 1L, KustoDatetime.MAX_MICROS);

  @Test
  void compiledKqlSelectsExactlyTheRowsSparkKeeps() {
    List<Map<String, Object>> rows = rows();
    Random random = new Random(42);
    KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();
    int compared = 0;
    for (int i = 0; i < 3000; i++) {
      Predicate p = predicate(random, 3);
      Optional<String> kql = compiler.tryCompile(p);
      if (!kql.isPresent()) {
        continue;
      }
      for (Map<String, Object> row : rows) {
        boolean spark = Boolean.TRUE.equals(SparkSqlReference.evaluate(p, row));
        for (Boolean nullComparison : Arrays.asList(null, Boolean.FALSE)) {
          boolean kusto = Boolean.TRUE.equals(KqlSubsetEvaluator.evaluate(kql.get(), row, nullComparison));
          assertThat(kusto)
              .as("%s\nKQL: %s\nrow: %s\nKusto null comparison yields %s", p, kql.get(), row, nullComparison)
              .isEqualTo(spark);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100_000);
  }

  @Test
  void hashSlicesAreDisjointAndCoverEveryRowIncludingNulls() {
    KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();
    for (int modulus = 1; modulus <= 5; modulus++) {
      for (Map<String, Object> row : rows()) {
        for (String column : List.of("a", "d", "s", "t")) {
          // Kusto's hash of null is unknown: model it as null, or as a slice other than 0.
          for (Boolean nullHash : Arrays.asList(null, Boolean.TRUE)) {
            int selected = 0;
            for (int index = 0; index < modulus; index++) {
              String kql = compiler.compile(Predicates.hashPartition(column, modulus, index));
              if (Boolean.TRUE.equals(KqlSubsetEvaluator.evaluate(kql, row, nullHash))) {
                selected++;
              }
            }
            assertThat(selected).as("slices of %s selecting row %s", column, row).isEqualTo(1);
          }
        }
      }
    }
  }

  @Test
  void theReferenceCatchesANaiveNegation() {
    // Guards the test itself: NOT(a = 1) rendered as KQL's not(a == 1) would return null rows when Kusto yields
    // false for null comparisons; the evaluator must see that.
    Map<String, Object> nullRow = new HashMap<>();
    nullRow.put("a", null);
    assertThat(KqlSubsetEvaluator.evaluate("not(['a'] == 1)", nullRow, Boolean.FALSE)).isTrue();
    assertThat(SparkSqlReference.evaluate(Predicates.not(Predicates.equal("a", KqlLiteral.ofLong(1))), nullRow))
        .isNull();
  }

  private static List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Random random = new Random(1);
    for (Long a : LONGS) {
      for (Double d : DOUBLES) {
        for (String s : STRINGS) {
          Map<String, Object> row = new HashMap<>();
          row.put("a", a);
          row.put("d", d);
          row.put("s", s);
          Long micros = MICROS.get(random.nextInt(MICROS.size()));
          // Kusto keeps 100 ns ticks: add a sub-microsecond remainder Spark will floor away.
          row.put("t", micros == null ? null : micros * 10 + random.nextInt(10));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Predicate predicate(Random random, int depth) {
    int choice = random.nextInt(depth > 0 ? 11 : 7);
    switch (choice) {
      case 0:
      case 1:
        {
          PredicateKind kind = PredicateKind.values()[random.nextInt(7)];
          String column = "adst".substring(random.nextInt(4)).substring(0, 1);
          KqlLiteral literal = literal(random, column);
          if (column.equals("s") && kind != PredicateKind.EQUAL && kind != PredicateKind.NOT_EQUAL
              && kind != PredicateKind.NULL_SAFE_EQUAL) {
            kind = PredicateKind.EQUAL;
          }
          return Predicates.compare(kind, column, literal);
        }
      case 2:
        {
          String column = "adst".substring(random.nextInt(4)).substring(0, 1);
          List<KqlLiteral> values = new ArrayList<>();
          for (int i = 0, n = random.nextInt(4); i < n; i++) {
            values.add(literal(random, column));
          }
          return Predicates.in(column, values);
        }
      case 3:
        {
          String column = "adst".substring(random.nextInt(4)).substring(0, 1);
          return random.nextBoolean() ? Predicates.isNull(column) : Predicates.isNotNull(column);
        }
      case 4:
        return Predicates.startsWith("s", STRINGS.get(1 + random.nextInt(STRINGS.size() - 1)));
      case 5:
        return Predicates.endsWith("s", STRINGS.get(1 + random.nextInt(STRINGS.size() - 1)));
      case 6:
        return Predicates.contains("s", STRINGS.get(1 + random.nextInt(STRINGS.size() - 1)));
      case 7:
        return Predicates.and(predicate(random, depth - 1), predicate(random, depth - 1));
      case 8:
        return Predicates.or(predicate(random, depth - 1), predicate(random, depth - 1));
      default:
        return Predicates.not(predicate(random, depth - 1));
    }
  }

  private static KqlLiteral literal(Random random, String column) {
    switch (column) {
      case "a":
        {
          Long v = LONGS.get(random.nextInt(LONGS.size()));
          return v == null ? KqlLiteral.nullOf(com.microsoft.kusto.spark.common.schema.KustoType.LONG) : KqlLiteral.ofLong(v);
        }
      case "d":
        {
          Double v = DOUBLES.get(random.nextInt(DOUBLES.size()));
          return v == null ? KqlLiteral.nullOf(com.microsoft.kusto.spark.common.schema.KustoType.REAL) : KqlLiteral.ofDouble(v);
        }
      case "t":
        {
          Long v = MICROS.get(random.nextInt(MICROS.size()));
          return v == null
              ? KqlLiteral.nullOf(com.microsoft.kusto.spark.common.schema.KustoType.DATETIME)
              : KqlLiteral.ofDatetimeMicros(v);
        }
      default:
        {
          String v = STRINGS.get(random.nextInt(STRINGS.size()));
          return v == null ? KqlLiteral.nullOf(com.microsoft.kusto.spark.common.schema.KustoType.STRING) : KqlLiteral.ofString(v);
        }
    }
  }
}
