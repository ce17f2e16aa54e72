package com.microsoft.kusto.spark.common.kql;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the neutral predicate model to a KQL boolean expression that selects <em>exactly</em> the rows Spark's
 * filter keeps, or says the predicate is not pushable ({@link #tryCompile} returns empty). The adapters' filter
 * converters use this as the single source of truth for "is it pushed".
 *
 * <h2>Three-valued logic</h2>
 *
 * A SQL filter keeps a row only when the predicate is TRUE; it drops FALSE and NULL (unknown) alike. But {@code NOT}
 * turns FALSE into TRUE and leaves NULL as NULL, and Kusto's own null handling differs by operator. So every node is
 * compiled in one of two polarities: an expression that is true exactly when the SQL predicate is TRUE, and one that
 * is true exactly when it is FALSE. {@code NOT p} is TRUE-polarity of p's FALSE form; {@code a AND b} is FALSE when
 * either side is FALSE; {@code a OR b} is FALSE when both are. A leaf's FALSE form always carries an explicit
 * {@code isnotnull(col)} guard, so {@code NOT (a = 1)} and {@code a NOT IN (...)} never return rows where {@code a} is
 * null, whatever Kusto's comparison yields for null. Comparisons with a NULL literal are never TRUE or FALSE (they
 * compile to {@code false} in both polarities); null-safe equality is never NULL.
 *
 * <h2>Exactness rules</h2>
 *
 * <ul>
 *   <li>Strings: {@code ==}, {@code in}, {@code startswith_cs}, {@code endswith_cs}, {@code contains_cs} are
 *       case-sensitive and ordinal, as Spark's. Ordering ({@code <}, {@code >}, ...) on strings, bools and guids is
 *       not pushed: Kusto's ordering of such values is not Spark's byte order.
 *   <li>Reals: Spark treats NaN as equal to NaN and greater than every other value; Kusto follows IEEE. So
 *       {@code a = NaN} compiles to {@code isnan(a)}, {@code a > 1.0} to {@code (a > real(1.0) or isnan(a))}, and so
 *       on, which is exact for every value including NaN and infinities.
 *   <li>Datetimes: Kusto keeps 100 ns ticks, Spark reads them floored to microseconds. Comparisons are rewritten on
 *       microsecond boundaries ({@code a <= t} becomes {@code a < t+1us}, {@code a = t} becomes a half-open range) so
 *       a tick-precision value is kept exactly when Spark's floored value would match.
 *   <li>Decimals with more than 38 significant digits are not pushed (Kusto decimals carry at most 38).
 *   <li>When the compiler knows the columns' Kusto types ({@link #forColumns}), a predicate on an unknown column, or
 *       whose literal type differs from the column's type (for example a string compared with a guid, timespan or
 *       dynamic column that Spark reads as string) is not pushed.
 * </ul>
 *
 * Output is deterministic: the same predicate always yields the same text. Subclasses may override a construct's
 * hook ({@link #compileComparison} etc.); {@link #compile(Predicate, boolean)} is the dispatcher.
 */
public class KqlPredicateCompiler {
  /** Kusto decimals hold at most 38 significant digits. */
  static final int MAX_DECIMAL_DIGITS = 38;

  private final Map<String, KustoType> columnTypes;

  protected KqlPredicateCompiler(Map<String, KustoType> columnTypes) {
    this.columnTypes = columnTypes == null ? null : Collections.unmodifiableMap(new HashMap<>(columnTypes));
  }

  /** A compiler that trusts each literal's type to be the column's type (no schema check). */
  public static KqlPredicateCompiler untyped() {
    return new KqlPredicateCompiler(null);
  }

  /**
   * A compiler that checks each column against the relation's Kusto schema: predicates on columns missing from the
   * map, or with literals of another type, are not pushed.
   */
  public static KqlPredicateCompiler forColumns(Map<String, KustoType> columnTypes) {
    return new KqlPredicateCompiler(columnTypes);
  }

  /** The KQL boolean expression for the predicate, or empty when it cannot be translated exactly. */
  public final Optional<String> tryCompile(Predicate predicate) {
    try {
      return Optional.of(compile(predicate, true));
    } catch (NotPushableException e) {
      return Optional.empty();
    }
  }

  /** Why the predicate is not pushable, or empty when it is. */
  public final Optional<String> whyNotPushable(Predicate predicate) {
    try {
      compile(predicate, true);
      return Optional.empty();
    } catch (NotPushableException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The KQL boolean expression for the predicate.
   *
   * @throws IllegalArgumentException naming the construct when it cannot be translated exactly
   */
  public final String compile(Predicate predicate) {
    try {
      return compile(predicate, true);
    } catch (NotPushableException e) {
      throw new IllegalArgumentException("Predicate " + predicate + " cannot be pushed to Kusto: " + e.getMessage(), e);
    }
  }

  /**
   * All predicates joined with {@code and}, deduplicated and sorted by their KQL text so the same set always gives the
   * same text; empty for an empty list.
   *
   * @throws IllegalArgumentException when one of them is not pushable
   */
  public final Optional<String> compileConjunction(List<Predicate> predicates) {
    List<String> clauses = new ArrayList<>();
    for (Predicate predicate : predicates) {
      String clause = compile(predicate);
      if (!clauses.contains(clause)) {
        clauses.add(clause);
      }
    }
    if (clauses.isEmpty()) {
      return Optional.empty();
    }
    Collections.sort(clauses);
    StringBuilder out = new StringBuilder();
    for (String clause : clauses) {
      if (out.length() > 0) {
        out.append(" and ");
      }
      out.append(clause);
    }
    return Optional.of(out.toString());
  }

  /**
   * The dispatcher. {@code whenTrue}: an expression true exactly where the SQL predicate is TRUE; otherwise one true
   * exactly where it is FALSE. Every returned expression binds at least as tightly as {@code and}.
   */
  protected String compile(Predicate predicate, boolean whenTrue) {
    switch (predicate.kind()) {
      case EQUAL:
      case NOT_EQUAL:
      case NULL_SAFE_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return compileComparison((Comparison) predicate, whenTrue);
      case IN:
        return compileIn((InList) predicate, whenTrue);
      case IS_NULL:
      case IS_NOT_NULL:
        return compileNullCheck((NullCheck) predicate, whenTrue);
      case AND:
      case OR:
        return compileLogic((BinaryLogic) predicate, whenTrue);
      case NOT:
        return compile(((Negation) predicate).child(), !whenTrue);
      case STARTS_WITH:
      case ENDS_WITH:
      case CONTAINS:
        return compileStringMatch((StringMatch) predicate, whenTrue);
      case HASH_PARTITION:
        return compileHashPartition((HashPartition) predicate, whenTrue);
      default:
        throw new NotPushableException("unsupported predicate kind " + predicate.kind());
    }
  }

  protected String compileComparison(Comparison comparison, boolean whenTrue) {
    ColumnRef column = comparison.column();
    KqlLiteral value = comparison.value();
    checkColumn(column, value.type());
    String c = column.toKql();
    switch (comparison.kind()) {
      case NULL_SAFE_EQUAL:
        if (value.isNull()) {
          return whenTrue ? isNull(c) : isNotNull(c);
        }
        return whenTrue ? equalsTrue(c, value) : "(" + isNull(c) + " or " + guardedNot(c, equalsTrue(c, value)) + ")";
      case EQUAL:
        return value.isNull() ? "false" : whenTrue ? equalsTrue(c, value) : guardedNot(c, equalsTrue(c, value));
      case NOT_EQUAL:
        return value.isNull() ? "false" : whenTrue ? guardedNot(c, equalsTrue(c, value)) : equalsTrue(c, value);
      default:
        if (value.isNull()) {
          return "false";
        }
        String positive = orderingTrue(comparison.kind(), c, value);
        return whenTrue ? positive : guardedNot(c, positive);
    }
  }

  protected String compileIn(InList in, boolean whenTrue) {
    ColumnRef column = in.column();
    String c = column.toKql();
    boolean hasNull = false;
    KustoType type = null;
    List<KqlLiteral> values = new ArrayList<>();
    for (KqlLiteral value : in.values()) {
      if (type != null && value.type() != type) {
        throw new NotPushableException("IN list mixes " + type + " and " + value.type() + " values");
      }
      type = value.type();
      if (value.isNull()) {
        hasNull = true;
      } else if (!values.contains(value)) {
        values.add(value);
      }
    }
    if (type != null) {
      checkColumn(column, type);
    } else if (columnTypes != null && !columnTypes.containsKey(column.name())) {
      throw new NotPushableException("unknown column " + c);
    }
    if (values.isEmpty()) {
      // x IN () and x IN (NULL) are never TRUE; x IN () is FALSE for non-null x, x IN (NULL) never FALSE.
      return whenTrue || hasNull ? "false" : isNotNull(c);
    }
    String positive = inTrue(c, type, values);
    if (whenTrue) {
      return positive;
    }
    // With a NULL in the list, a non-match is NULL rather than FALSE, so NOT IN keeps nothing.
    return hasNull ? "false" : guardedNot(c, positive);
  }

  protected String compileNullCheck(NullCheck check, boolean whenTrue) {
    checkColumnKnown(check.column());
    String c = check.column().toKql();
    boolean wantNull = (check.kind() == PredicateKind.IS_NULL) == whenTrue;
    return wantNull ? isNull(c) : isNotNull(c);
  }

  protected String compileLogic(BinaryLogic logic, boolean whenTrue) {
    String left = compile(logic.left(), whenTrue);
    String right = compile(logic.right(), whenTrue);
    // De Morgan for the FALSE polarity: (a AND b) is FALSE when either is FALSE, (a OR b) when both are.
    boolean conjunction = (logic.kind() == PredicateKind.AND) == whenTrue;
    return "(" + left + (conjunction ? " and " : " or ") + right + ")";
  }

  protected String compileStringMatch(StringMatch match, boolean whenTrue) {
    checkColumn(match.column(), KustoType.STRING);
    String c = match.column().toKql();
    String operator;
    switch (match.kind()) {
      case STARTS_WITH:
        operator = " startswith_cs ";
        break;
      case ENDS_WITH:
        operator = " endswith_cs ";
        break;
      default:
        operator = " contains_cs ";
        break;
    }
    String positive = c + operator + KqlSyntax.stringLiteral(match.pattern());
    return whenTrue ? positive : guardedNot(c, positive);
  }

  protected String compileHashPartition(HashPartition partition, boolean whenTrue) {
    if (!whenTrue) {
      throw new NotPushableException("a hash partition cannot be negated");
    }
    checkColumnKnown(partition.column());
    if (columnTypes != null && columnTypes.get(partition.column().name()) == KustoType.DYNAMIC) {
      throw new NotPushableException("hash() does not accept the dynamic column " + partition.column().toKql());
    }
    String c = partition.column().toKql();
    String hash = "hash(" + c + ", " + partition.modulus() + ") == " + partition.index();
    // Null keys go to slice 0 only, so the slices stay disjoint and complete whatever hash() returns for null.
    return partition.index() == 0 ? "(" + isNull(c) + " or " + hash + ")" : "(" + isNotNull(c) + " and " + hash + ")";
  }

  private String equalsTrue(String c, KqlLiteral value) {
    checkLiteral(value);
    if (value.isNaN()) {
      return "isnan(" + c + ")";
    }
    if (value.type() == KustoType.DATETIME) {
      long micros = (Long) value.value();
      String lower = c + " >= " + value.toKql();
      return micros == KustoDatetime.MAX_MICROS ? lower : "(" + lower + " and " + c + " < " + nextMicro(micros) + ")";
    }
    return c + " == " + value.toKql();
  }

  private String orderingTrue(PredicateKind kind, String c, KqlLiteral value) {
    checkLiteral(value);
    switch (value.type()) {
      case STRING:
      case BOOL:
      case GUID:
        throw new NotPushableException(
            "ordering comparisons on " + value.type() + " are not pushed (Kusto's order differs from Spark's)");
      case REAL:
        return realOrdering(kind, c, value);
      case DATETIME:
        return datetimeOrdering(kind, c, value);
      default:
        return c + " " + operator(kind) + " " + value.toKql();
    }
  }

  private static String realOrdering(PredicateKind kind, String c, KqlLiteral value) {
    String isNan = "isnan(" + c + ")";
    if (value.isNaN()) {
      // Spark: NaN is the largest value and equal to itself.
      switch (kind) {
        case LESS_THAN:
          return "(" + isNotNull(c) + " and not(" + isNan + "))";
        case LESS_THAN_OR_EQUAL:
          return isNotNull(c);
        case GREATER_THAN:
          return "false";
        default:
          return isNan;
      }
    }
    String plain = c + " " + operator(kind) + " " + value.toKql();
    boolean nanMatches = kind == PredicateKind.GREATER_THAN || kind == PredicateKind.GREATER_THAN_OR_EQUAL;
    return nanMatches ? "(" + plain + " or " + isNan + ")" : plain;
  }

  private static String datetimeOrdering(PredicateKind kind, String c, KqlLiteral value) {
    long micros = (Long) value.value();
    boolean atMax = micros == KustoDatetime.MAX_MICROS;
    switch (kind) {
      case LESS_THAN:
        return c + " < " + value.toKql();
      case GREATER_THAN_OR_EQUAL:
        return c + " >= " + value.toKql();
      case LESS_THAN_OR_EQUAL:
        // floor(a) <= t  <=>  a < t + 1us
        return atMax ? isNotNull(c) : c + " < " + nextMicro(micros);
      default:
        // floor(a) > t  <=>  a >= t + 1us
        return atMax ? "false" : c + " >= " + nextMicro(micros);
    }
  }

  private static String nextMicro(long micros) {
    return KqlLiteral.ofDatetimeMicros(micros + 1).toKql();
  }

  private String inTrue(String c, KustoType type, List<KqlLiteral> values) {
    if (type == KustoType.DATETIME) {
      StringBuilder out = new StringBuilder("(");
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : " or ").append(equalsTrue(c, values.get(i)));
      }
      return values.size() == 1 ? equalsTrue(c, values.get(0)) : out.append(")").toString();
    }
    boolean nan = false;
    StringBuilder list = new StringBuilder();
    for (KqlLiteral value : values) {
      checkLiteral(value);
      if (value.isNaN()) {
        nan = true;
      } else {
        list.append(list.length() == 0 ? "" : ", ").append(value.toKql());
      }
    }
    if (list.length() == 0) {
      return "isnan(" + c + ")";
    }
    String in = c + " in (" + list + ")";
    return nan ? "(" + in + " or isnan(" + c + "))" : in;
  }

  private static String operator(PredicateKind kind) {
    switch (kind) {
      case LESS_THAN:
        return "<";
      case LESS_THAN_OR_EQUAL:
        return "<=";
      case GREATER_THAN:
        return ">";
      case GREATER_THAN_OR_EQUAL:
        return ">=";
      default:
        throw new IllegalStateException("not an ordering: " + kind);
    }
  }

  private static void checkLiteral(KqlLiteral value) {
    if (value.type() == KustoType.DECIMAL) {
      BigDecimal d = (BigDecimal) value.value();
      if (d.stripTrailingZeros().precision() > MAX_DECIMAL_DIGITS) {
        throw new NotPushableException("decimal " + d.toPlainString() + " has more than 38 significant digits");
      }
    }
    if (value.type() == KustoType.DYNAMIC) {
      throw new NotPushableException("dynamic values cannot be compared");
    }
  }

  /** Guards a negation so a null column never satisfies it. */
  private static String guardedNot(String c, String positive) {
    return "(" + isNotNull(c) + " and not(" + positive + "))";
  }

  private static String isNull(String c) {
    return "isnull(" + c + ")";
  }

  private static String isNotNull(String c) {
    return "isnotnull(" + c + ")";
  }

  private void checkColumnKnown(ColumnRef column) {
    if (columnTypes != null && !columnTypes.containsKey(column.name())) {
      throw new NotPushableException("unknown column " + column.toKql());
    }
  }

  private void checkColumn(ColumnRef column, KustoType literalType) {
    if (columnTypes == null) {
      return;
    }
    KustoType columnType = columnTypes.get(column.name());
    if (columnType == null) {
      throw new NotPushableException("unknown column " + column.toKql());
    }
    if (columnType != literalType) {
      throw new NotPushableException(
          "column " + column.toKql() + " is " + columnType + " in Kusto but the value is " + literalType);
    }
  }

  /** Signals a construct without an exact KQL translation; cheap (no stack trace) since it is control flow. */
  protected static final class NotPushableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotPushableException(String reason) {
      super(reason, null, false, false);
    }
  }
}
