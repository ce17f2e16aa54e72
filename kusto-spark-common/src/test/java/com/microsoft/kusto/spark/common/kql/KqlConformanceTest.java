package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.strict.KqlCheckResult;
import com.microsoft.kusto.emulator.strict.KqlSyntaxChecker;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds everything the KQL compiler and the command templates can produce to Microsoft's own KQL parser and requires
 * zero error diagnostics. The queries come from seeded random predicate trees over awkward names and values, so a
 * failure is reproducible; the failing text is printed.
 */
class KqlConformanceTest {
  private static final long SEED = 20240102L;
  private static final int GENERATED_QUERIES = 1200;

  private static final List<String> USER_QUERIES =
      List.of(
          "T",
          "['my table']",
          "T;",
          "T ;;  \n",
          "T // trailing comment",
          "T\n| where x > 1 // comment; with semicolon",
          "let n = 5;\nT\n| take n",
          "T\n// only a comment line\n",
          "union T, ['where']\n| extend y = 'a // b'",
          "T | project a, b // and then");

  private static KqlSyntaxChecker checker;

  @BeforeAll
  static void startParser() {
    checker = KqlSyntaxChecker.start();
  }

  @AfterAll
  static void stopParser() {
    checker.close();
  }

  @Test
  void generatedQueriesAreValidKql() {
    Random random = new Random(SEED);
    RandomPredicates generator = new RandomPredicates(random);
    KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int attempts = 0;
    while (checked < GENERATED_QUERIES) {
      attempts++;
      List<Predicate> filters = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        Predicate p = generator.predicate(3);
        if (compiler.tryCompile(p).isPresent()) {
          filters.add(p);
        }
      }
      if (random.nextInt(5) == 0) {
        filters.add(Predicates.hashPartition(generator.identifier(), 1 + random.nextInt(16), 0));
      }
      KqlQueryBuilder builder =
          KqlQueryBuilder.forQuery(USER_QUERIES.get(random.nextInt(USER_QUERIES.size())))
              .compiler(compiler)
              .filter(filters)
              .project(generator.projection());
      String query;
      switch (random.nextInt(6)) {
        case 0:
          query = builder.buildCount();
          break;
        case 1:
          query = builder.buildTake(random.nextInt(1000));
          break;
        case 2:
          query = builder.buildGetSchema();
          break;
        case 3:
          query = KustoCommands.exportToParquet(export(random), builder.build());
          break;
        default:
          query = builder.build();
      }
      check(query, failures);
      checked++;
    }
    assertThat(attempts).isGreaterThanOrEqualTo(GENERATED_QUERIES);
    assertThat(failures).as("queries the KQL parser rejects").isEmpty();
  }

  @Test
  void typedQueriesPassSemanticAnalysis() {
    // Semantic analysis knows operand types: it rejects, for example, '<' on strings or hash() of dynamic. The table
    // is a typed empty datatable so no real table is needed.
    Map<String, KustoType> columns = new LinkedHashMap<>();
    StringBuilder datatable = new StringBuilder("datatable(");
    int i = 0;
    for (KustoType type : KustoType.values()) {
      String name = AwkwardValues.IDENTIFIERS.get(i++ * 3 % AwkwardValues.IDENTIFIERS.size()) + " " + type.cslName();
      columns.put(name, type);
      datatable.append(columns.size() == 1 ? "" : ", ").append(KqlSyntax.quoteIdentifier(name)).append(':').append(type.cslName());
    }
    String source = datatable.append(")[]").toString();
    List<String> names = new ArrayList<>(columns.keySet());
    KqlPredicateCompiler compiler = KqlPredicateCompiler.forColumns(columns);
    Random random = new Random(SEED + 1);
    RandomPredicates generator = new RandomPredicates(random);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int rejected = 0;
    while (checked < 300) {
      String column = names.get(random.nextInt(names.size()));
      Predicate p = generator.typedPredicate(column, columns.get(column), names, columns, 3);
      if (random.nextInt(4) == 0) {
        p = Predicates.and(p, Predicates.hashPartition(column, 2 + random.nextInt(8), random.nextInt(2)));
      }
      Optional<String> where = compiler.tryCompile(p);
      if (!where.isPresent()) {
        rejected++;
        continue;
      }
      List<ProjectedColumn> projection = new ArrayList<>();
      for (String name : names) {
        if (random.nextBoolean()) {
          projection.add(columns.get(name) == KustoType.TIMESPAN ? ProjectedColumn.asString(name) : ProjectedColumn.of(name));
        }
      }
      String query = KqlQueryBuilder.forQuery(source).compiler(compiler).filter(p).project(projection).build();
      KqlCheckResult result = checker.checkSemantics(query);
      if (!result.isValid()) {
        failures.add("---\n" + query + "\n=> " + result.describeErrors());
      }
      checked++;
    }
    assertThat(rejected).as("string/guid/bool ordering and hash of dynamic are refused").isPositive();
    assertThat(failures).isEmpty();
  }

  @Test
  void pushedAggregationsSortsAndLimitsPassSemanticAnalysis() {
    // Aggregate, top-N and limit pushdown over typed columns: Microsoft's semantic analysis checks, among others, that
    // both branches of each iif() have one type and that sort keys are orderable.
    String source = "datatable(['g']:string, ['i']:int, ['l x']:long, ['t']:datetime, ['d']:decimal)[]";
    List<String> failures = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    KqlAggregate.Kind[] kinds = KqlAggregate.Kind.values();
    String[] numeric = {"i", "l x"};
    for (int k = 0; k < kinds.length; k++) {
      List<KqlAggregate> aggregates = new ArrayList<>();
      aggregates.add(KqlAggregate.countAll("agg_0"));
      for (int c = 0; c < numeric.length; c++) {
        aggregates.add(kinds[k] == KqlAggregate.Kind.COUNT_ALL ? KqlAggregate.countAll("agg_" + (c + 1))
            : KqlAggregate.of("agg_" + (c + 1), kinds[k], numeric[c]));
      }
      queries.add(KqlQueryBuilder.forQuery(source).summarize(aggregates, Arrays.asList("g")).build());
      queries.add(KqlQueryBuilder.forQuery(source).summarize(aggregates, new ArrayList<>()).build());
    }
    queries.add(KqlQueryBuilder.forQuery(source).summarize(Arrays.asList(KqlAggregate.of("m", KqlAggregate.Kind.MIN,
        "t"), KqlAggregate.of("x", KqlAggregate.Kind.MAX, "d")), Arrays.asList("g", "i")).build());
    queries.add(KqlQueryBuilder.forQuery(source).summarize(new ArrayList<>(), Arrays.asList("g")).build());
    queries.add(KqlQueryBuilder.forQuery(source).projectNames(Arrays.asList("i", "t"))
        .sortAndTake(Arrays.asList(KqlSortKey.of("i", true, true), KqlSortKey.of("t", false, false)), 20).build());
    queries.add(KqlQueryBuilder.forQuery(source).projectNames(Arrays.asList("g")).sortAndTake(new ArrayList<>(), 20)
        .buildCount());
    for (String query : queries) {
      KqlCheckResult result = checker.checkSemantics(query);
      if (!result.isValid()) {
        failures.add("---\n" + query + "\n=> " + result.describeErrors());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyLiteralOfEveryTypeIsValidKql() {
    List<String> failures = new ArrayList<>();
    List<KqlLiteral> literals = new ArrayList<>();
    AwkwardValues.STRINGS.forEach(s -> literals.add(KqlLiteral.ofString(s)));
    AwkwardValues.LONGS.forEach(v -> literals.add(KqlLiteral.ofLong(v)));
    AwkwardValues.INTS.forEach(v -> literals.add(KqlLiteral.ofInt(v)));
    AwkwardValues.DOUBLES.forEach(v -> literals.add(KqlLiteral.ofDouble(v)));
    AwkwardValues.DECIMALS.forEach(v -> literals.add(KqlLiteral.ofDecimal(v)));
    AwkwardValues.DATETIME_MICROS.forEach(v -> literals.add(KqlLiteral.ofDatetimeMicros(v)));
    AwkwardValues.TIMESPAN_TICKS.forEach(v -> literals.add(KqlLiteral.ofTimespanTicks(v)));
    AwkwardValues.GUIDS.forEach(v -> literals.add(KqlLiteral.ofGuid(v)));
    literals.add(KqlLiteral.ofBoolean(true));
    literals.add(KqlLiteral.ofBoolean(false));
    for (KustoType type : KustoType.values()) {
      if (type != KustoType.STRING) {
        literals.add(KqlLiteral.nullOf(type));
      }
    }
    for (KqlLiteral literal : literals) {
      check("print v = " + literal.toKql(), failures);
      for (String column : AwkwardValues.IDENTIFIERS) {
        check("T | where " + KqlSyntax.quoteIdentifier(column) + " == " + literal.toKql(), failures);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyCommandTemplateIsValidKql() {
    List<String> failures = new ArrayList<>();
    List<KustoColumn> columns = new ArrayList<>();
    int i = 0;
    for (String name : AwkwardValues.IDENTIFIERS) {
      columns.add(KustoColumn.of(name, KustoType.values()[i++ % KustoType.values().length]));
    }
    UUID operation = UUID.fromString("0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e");
    Instant from = Instant.parse("2024-01-02T03:04:05.123456789Z");
    // The command grammar is slow to parse (~0.1 s a command), so tables use the most hostile names only.
    List<String> tables = List.of("where", "it's", "back\\slash", "new\nline", "emoji😀", "lone\ud800surrogate", "]");
    for (String table : tables) {
      List<String> commands = new ArrayList<>();
      commands.add(KustoCommands.createTable(table, columns));
      commands.add(KustoCommands.createMergeTable(table, columns));
      commands.add(KustoCommands.createHiddenTable(table, columns, null));
      commands.add(KustoCommands.createHiddenTable(table, columns, "spark/temp 'x' \\ \"y\""));
      commands.add(KustoCommands.dropTableIfExists(table));
      commands.add(KustoCommands.showTableCslSchema(table));
      commands.add(KustoCommands.showTableSchemaAsJson(table));
      for (TablePolicy policy : TablePolicy.values()) {
        commands.add(KustoCommands.showTablePolicy(table, policy));
        commands.add(KustoCommands.alterTablePolicy(table, policy, "{\"Name\":\"it's \\\"x\\\"\"}"));
      }
      commands.add(KustoCommands.alterRetentionPolicy(table, Duration.ofDays(1).plusMillis(5), false));
      commands.add(KustoCommands.alterRetentionPolicy(table, Duration.ofHours(3), true));
      commands.add(KustoCommands.alterAutoDeletePolicy(table, from, true));
      commands.add(KustoCommands.alterMergePolicy(table, false, false));
      commands.add(KustoCommands.alterStreamingIngestionPolicy(table, true));
      commands.add(KustoCommands.alterStreamingIngestionPolicy(table, false));
      commands.add(KustoCommands.clearStreamingIngestionSchemaCache(table));
      commands.add(KustoCommands.refreshIngestionBatchingPolicyCache("my'db", table));
      commands.add(KustoCommands.showTableExtents(table));
      commands.add(KustoCommands.countTableExtents(table));
      commands.add(KustoCommands.moveAllExtents(table, "target", false));
      commands.add(KustoCommands.moveAllExtents("source", table, true));
      commands.add(KustoCommands.moveExtents(table, "target", true, false, null, null, 0));
      commands.add(KustoCommands.moveExtents("source", table, false, true, from, from.plusSeconds(60), 400));
      commands.add(KustoCommands.moveExtents(table, table, true, true, null, from, 0));
      commands.add(KustoCommands.dropAllExtents(table));
      commands.add(KustoCommands.ingestInline(table, "1,\"a\"\"b\",\n2,\"\","));
      commands.add(
          KustoCommands.exportToParquet(
              export(new Random(table.hashCode())), KqlQueryBuilder.forTable(table).buildTake(5)));
      for (String command : commands) {
        check(command, failures);
      }
    }
    check(KustoCommands.showOperation(operation), failures);
    check(KustoCommands.showOperationDetails(operation), failures);
    assertThat(failures).isEmpty();
  }

  @Test
  void dataManagementCommandsAreOutsideTheEngineGrammar() {
    // .show export containers goes to the ingestion (DM) endpoint; the engine parser does not know it. If a newer
    // parser learns it, this test fails and the command can join the conformance list above.
    assertThat(checker.checkSyntax(KustoCommands.showExportContainers()).isValid()).isFalse();
  }

  private static ParquetExport export(Random random) {
    ParquetExport.Builder b =
        ParquetExport.builder()
            .storageUri("https://acct.blob.core.windows.net/container;accountKey+/==")
            .storageUri("https://acct2.blob.core.windows.net/c2?sv=2021&sig=a%2Bb'c&se=x")
            .compressed(random.nextBoolean())
            .sizeLimitBytes(1 + random.nextInt(Integer.MAX_VALUE))
            .namePrefix("db/dir_" + random.nextInt(100) + "/part'0");
    if (random.nextBoolean()) {
      b.useNativeParquetWriter(false);
    }
    if (random.nextBoolean()) {
      b.property("distribution", "per_node");
    }
    if (random.nextBoolean()) {
      b.compressionType(null);
    }
    return b.build();
  }

  private static void check(String text, List<String> failures) {
    KqlCheckResult result = checker.checkSyntax(text);
    if (!result.isValid()) {
      String failure = "---\n" + text + "\n=> " + result.describeErrors();
      System.out.println(failure);
      failures.add(failure);
    }
  }

  /** Seeded random predicate trees over awkward names and values. */
  static final class RandomPredicates {
    private final Random random;

    RandomPredicates(Random random) {
      this.random = random;
    }

    String identifier() {
      return AwkwardValues.IDENTIFIERS.get(random.nextInt(AwkwardValues.IDENTIFIERS.size()));
    }

    List<ProjectedColumn> projection() {
      List<ProjectedColumn> columns = new ArrayList<>();
      for (int i = 0, n = random.nextInt(4); i < n; i++) {
        columns.add(random.nextBoolean() ? ProjectedColumn.of(identifier()) : ProjectedColumn.asString(identifier()));
      }
      return columns;
    }

    KqlLiteral literal(KustoType type) {
      if (random.nextInt(12) == 0 && type != KustoType.STRING) {
        return KqlLiteral.nullOf(type);
      }
      switch (type) {
        case BOOL:
          return KqlLiteral.ofBoolean(random.nextBoolean());
        case INT:
          return KqlLiteral.ofInt(pick(AwkwardValues.INTS));
        case LONG:
          return KqlLiteral.ofLong(random.nextBoolean() ? pick(AwkwardValues.LONGS) : random.nextLong());
        case REAL:
          return KqlLiteral.ofDouble(
              random.nextBoolean() ? pick(AwkwardValues.DOUBLES) : Double.longBitsToDouble(random.nextLong()));
        case DECIMAL:
          return KqlLiteral.ofDecimal(pick(AwkwardValues.DECIMALS));
        case DATETIME:
          return KqlLiteral.ofDatetimeMicros(pick(AwkwardValues.DATETIME_MICROS));
        case TIMESPAN:
          return KqlLiteral.ofTimespanTicks(random.nextBoolean() ? pick(AwkwardValues.TIMESPAN_TICKS) : random.nextLong());
        case GUID:
          return KqlLiteral.ofGuid(random.nextBoolean() ? pick(AwkwardValues.GUIDS) : new UUID(random.nextLong(), random.nextLong()));
        default:
          return KqlLiteral.ofString(
              random.nextBoolean() ? pick(AwkwardValues.STRINGS) : randomString());
      }
    }

    private String randomString() {
      StringBuilder s = new StringBuilder();
      for (int i = 0, n = random.nextInt(8); i < n; i++) {
        int kind = random.nextInt(4);
        if (kind == 0) {
          s.append((char) random.nextInt(0x80));
        } else if (kind == 1) {
          s.append((char) random.nextInt(0x10000));
        } else if (kind == 2) {
          s.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
        } else {
          s.append("\\'\"\n".charAt(random.nextInt(4)));
        }
      }
      return s.toString();
    }

    Predicate predicate(int depth) {
      int choice = random.nextInt(depth > 0 ? 12 : 8);
      String c = identifier();
      KustoType type = KustoType.values()[random.nextInt(KustoType.values().length - 1)];
      switch (choice) {
        case 0:
        case 1:
        case 2:
          PredicateKind[] comparisons = {
            PredicateKind.EQUAL,
            PredicateKind.NOT_EQUAL,
            PredicateKind.NULL_SAFE_EQUAL,
            PredicateKind.LESS_THAN,
            PredicateKind.LESS_THAN_OR_EQUAL,
            PredicateKind.GREATER_THAN,
            PredicateKind.GREATER_THAN_OR_EQUAL
          };
          return Predicates.compare(comparisons[random.nextInt(comparisons.length)], c, literal(type));
        case 3:
          List<KqlLiteral> values = new ArrayList<>();
          for (int i = 0, n = random.nextInt(5); i < n; i++) {
            values.add(literal(type));
          }
          return Predicates.in(c, values);
        case 4:
          return random.nextBoolean() ? Predicates.isNull(c) : Predicates.isNotNull(c);
        case 5:
          return Predicates.startsWith(c, literalString());
        case 6:
          return Predicates.endsWith(c, literalString());
        case 7:
          return Predicates.contains(c, literalString());
        case 8:
        case 9:
          return Predicates.and(predicate(depth - 1), predicate(depth - 1));
        case 10:
          return Predicates.or(predicate(depth - 1), predicate(depth - 1));
        default:
          return Predicates.not(predicate(depth - 1));
      }
    }

    /** A predicate whose literals have the column's type (as the typed compiler expects), over typed columns. */
    Predicate typedPredicate(String column, KustoType type, List<String> names, Map<String, KustoType> types, int depth) {
      int choice = random.nextInt(depth > 0 ? 9 : 5);
      switch (choice) {
        case 0:
        case 1:
          {
            PredicateKind kind = PredicateKind.values()[random.nextInt(7)];
            KqlLiteral value = type == KustoType.STRING && random.nextInt(10) == 0 ? KqlLiteral.ofString("") : literal(type);
            return Predicates.compare(kind, column, value);
          }
        case 2:
          {
            List<KqlLiteral> values = new ArrayList<>();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
              values.add(literal(type));
            }
            return Predicates.in(column, values);
          }
        case 3:
          return random.nextBoolean() ? Predicates.isNull(column) : Predicates.isNotNull(column);
        case 4:
          return random.nextBoolean() ? Predicates.startsWith(column, literalString()) : Predicates.contains(column, literalString());
        case 5:
        case 6:
        case 7:
          {
            String other = names.get(random.nextInt(names.size()));
            Predicate right = typedPredicate(other, types.get(other), names, types, depth - 1);
            Predicate left = typedPredicate(column, type, names, types, depth - 1);
            return choice == 5 ? Predicates.and(left, right) : choice == 6 ? Predicates.or(left, right) : Predicates.not(left);
          }
        default:
          return Predicates.not(typedPredicate(column, type, names, types, depth - 1));
      }
    }

    private String literalString() {
      return (String) literal(KustoType.STRING).value();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }
  }

  @Test
  void theGeneratorReachesEveryConstructAndSomeAreNotPushable() {
    // Guards the conformance test's coverage: every predicate kind except HASH_PARTITION is generated, and the
    // filter of non-pushable predicates is exercised rather than silently dropping everything.
    RandomPredicates generator = new RandomPredicates(new Random(SEED));
    java.util.EnumSet<PredicateKind> seen = java.util.EnumSet.noneOf(PredicateKind.class);
    int pushable = 0;
    int notPushable = 0;
    for (int i = 0; i < 2000; i++) {
      Predicate p = generator.predicate(3);
      seen.add(p.kind());
      Optional<String> compiled = KqlPredicateCompiler.untyped().tryCompile(p);
      if (compiled.isPresent()) {
        pushable++;
      } else {
        notPushable++;
      }
    }
    assertThat(seen).containsAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(PredicateKind.HASH_PARTITION)));
    assertThat(pushable).isGreaterThan(1000);
    assertThat(notPushable).isPositive();
  }
}
