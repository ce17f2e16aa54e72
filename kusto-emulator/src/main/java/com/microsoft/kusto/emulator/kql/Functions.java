package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scalar functions of the supported subset. {@code hash(x, n)} is DuckDB's hash modulo n: deterministic and
 * equal for equal values, so {@code hash(c, n) == i} splits rows into n disjoint parts as with Kusto, but the
 * values differ from Kusto's xxhash64.
 */
final class Functions {
  private static final Map<String, KustoType> CONVERSIONS =
      Map.ofEntries(
          Map.entry("tostring", KustoType.STRING),
          Map.entry("toint", KustoType.INT),
          Map.entry("tolong", KustoType.LONG),
          Map.entry("todouble", KustoType.REAL),
          Map.entry("toreal", KustoType.REAL),
          Map.entry("todecimal", KustoType.DECIMAL),
          Map.entry("todatetime", KustoType.DATETIME),
          Map.entry("totimespan", KustoType.TIMESPAN),
          Map.entry("totime", KustoType.TIMESPAN),
          Map.entry("tobool", KustoType.BOOL),
          Map.entry("toboolean", KustoType.BOOL),
          Map.entry("toguid", KustoType.GUID),
          Map.entry("todynamic", KustoType.DYNAMIC),
          Map.entry("toobject", KustoType.DYNAMIC),
          Map.entry("parse_json", KustoType.DYNAMIC),
          Map.entry("parsejson", KustoType.DYNAMIC));

  static final Set<String> AGGREGATES =
      Set.of("count", "countif", "sum", "avg", "min", "max", "dcount", "make_list", "make_set");

  private Functions() {}

  static boolean isConversion(String name) {
    return CONVERSIONS.containsKey(name);
  }

  static TypedSql translate(Expr.Call call, ScalarTranslator t) {
    String name = call.function();
    List<Expr> args = call.args();
    if (CONVERSIONS.containsKey(name)) {
      arity(call, 1, 1);
      return Conversions.convert(t.translate(args.get(0)), CONVERSIONS.get(name), name);
    }
    if (Cursors.isCursorFunction(name)) {
      return Cursors.translate(call, t);
    }
    if (AGGREGATES.contains(name)) {
      throw KqlErrors.semantic(
          "the aggregation function '" + name + "' can only be used in 'summarize' (as a whole aggregate)");
    }
    switch (name) {
      case "strlen":
        arity(call, 1, 1);
        return TypedSql.of("CAST(length(" + str(t, args.get(0)).sql() + ") AS BIGINT)", KustoType.LONG);
      case "substring":
        return substring(call, t);
      case "strcat":
        arity(call, 1, 64);
        List<String> parts = new ArrayList<>();
        for (Expr a : args) {
          parts.add(str(t, a).sql());
        }
        return TypedSql.of("concat(" + String.join(", ", parts) + ")", KustoType.STRING);
      case "tolower":
        arity(call, 1, 1);
        return TypedSql.of("lower(" + str(t, args.get(0)).sql() + ")", KustoType.STRING);
      case "toupper":
        arity(call, 1, 1);
        return TypedSql.of("upper(" + str(t, args.get(0)).sql() + ")", KustoType.STRING);
      case "iif":
      case "iff":
        arity(call, 3, 3);
        return conditional(call, t);
      case "case":
        if (args.size() < 3 || args.size() % 2 == 0) {
          throw KqlErrors.semantic("'case' takes pairs of predicate and value followed by an else value");
        }
        return conditional(call, t);
      case "coalesce":
        arity(call, 1, 64);
        return coalesce(call, t);
      case "not":
        arity(call, 1, 1);
        return TypedSql.of("NOT " + t.predicate(args.get(0), "'not'").p(), KustoType.BOOL);
      case "isnull":
      case "isnotnull":
      case "isempty":
      case "isnotempty":
        arity(call, 1, 1);
        return nullTest(name, t.translate(args.get(0)));
      case "hash":
        return hash(call, t);
      case "isnan":
      case "isinf":
      case "isfinite":
        arity(call, 1, 1);
        return floatClass(name, t.translate(args.get(0)));
      case "now":
        arity(call, 0, 0);
        return SqlLiterals.of(new Expr.Literal(KustoType.DATETIME, t.context().now()));
      case "ago":
        arity(call, 1, 1);
        TypedSql span = t.translate(args.get(0));
        requireType(span, KustoType.TIMESPAN, "ago");
        return Arithmetic.apply("-", SqlLiterals.of(new Expr.Literal(KustoType.DATETIME, t.context().now())), span);
      case "bin":
      case "floor":
        arity(call, 2, 2);
        return Bins.bin(t.translate(args.get(0)), t.translate(args.get(1)), name);
      case "split":
        return split(call, t);
      case "array_length":
        arity(call, 1, 1);
        TypedSql array = dynamic(t, args.get(0), name);
        return TypedSql.of("CASE WHEN json_type(" + array.sql() + ") = 'ARRAY' THEN CAST(json_array_length("
            + array.sql() + ") AS BIGINT) END", KustoType.LONG);
      case "bag_keys":
        arity(call, 1, 1);
        TypedSql bag = dynamic(t, args.get(0), name);
        return TypedSql.of("CASE WHEN json_type(" + bag.sql() + ") = 'OBJECT' THEN to_json(json_keys(" + bag.sql()
            + ")) END", KustoType.DYNAMIC);
      default:
        throw KustoRequestException.unsupported("the function '" + name + "'");
    }
  }

  /** split(s, delimiter[, index]): a dynamic array of strings; with an index, an array of that one part (or empty). */
  private static TypedSql split(Expr.Call call, ScalarTranslator t) {
    arity(call, 2, 3);
    String parts = "string_split(" + str(t, call.args().get(0)).sql() + ", " + str(t, call.args().get(1)).sql() + ")";
    if (call.args().size() == 2) {
      return TypedSql.of("to_json(" + parts + ")", KustoType.DYNAMIC);
    }
    TypedSql index = t.translate(call.args().get(2));
    requireIntegral(index, "split");
    return TypedSql.of("to_json(list_filter([" + parts + "[" + index.p() + " + 1]], x -> x IS NOT NULL))",
        KustoType.DYNAMIC);
  }

  private static TypedSql dynamic(ScalarTranslator t, Expr e, String function) {
    TypedSql v = t.translate(e);
    requireType(v, KustoType.DYNAMIC, function);
    return v;
  }

  private static TypedSql substring(Expr.Call call, ScalarTranslator t) {
    arity(call, 2, 3);
    TypedSql s = str(t, call.args().get(0));
    TypedSql start = t.translate(call.args().get(1));
    requireIntegral(start, "substring");
    // A negative start counts from the end of the string.
    String from = "(CASE WHEN " + start.p() + " < 0 THEN greatest(length(" + s.sql() + ") + " + start.p()
        + ", 0) ELSE " + start.p() + " END)";
    String sql = "substr(" + s.sql() + ", " + from + " + 1";
    if (call.args().size() == 3) {
      TypedSql length = t.translate(call.args().get(2));
      requireIntegral(length, "substring");
      sql += ", greatest(" + length.sql() + ", 0)";
    }
    // Kusto strings are never null.
    return TypedSql.of("COALESCE(" + sql + "), '')", KustoType.STRING);
  }

  /** iif(p, a, b) and case(p1, v1, ..., else): the values share one type. */
  private static TypedSql conditional(Expr.Call call, ScalarTranslator t) {
    List<Expr> args = call.args();
    List<TypedSql> values = new ArrayList<>();
    List<TypedSql> predicates = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      predicates.add(t.predicate(args.get(i), "'" + call.function() + "'"));
      values.add(t.translate(args.get(i + 1)));
    }
    values.add(t.translate(args.get(args.size() - 1)));
    KustoType type = KqlTypes.common(values, call.function());
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 0; i < predicates.size(); i++) {
      sql.append(" WHEN ").append(predicates.get(i).sql()).append(" THEN ")
          .append(KqlTypes.castTo(values.get(i), type).sql());
    }
    sql.append(" ELSE ").append(KqlTypes.castTo(values.get(values.size() - 1), type).sql()).append(" END");
    return TypedSql.of(sql.toString(), type);
  }

  /** coalesce: the first non-null value; for strings the first non-empty one. */
  private static TypedSql coalesce(Expr.Call call, ScalarTranslator t) {
    List<TypedSql> values = new ArrayList<>();
    for (Expr a : call.args()) {
      values.add(t.translate(a));
    }
    KustoType type = KqlTypes.common(values, "coalesce");
    List<String> parts = new ArrayList<>();
    for (TypedSql v : values) {
      String sql = KqlTypes.castTo(v, type).sql();
      parts.add(type == KustoType.STRING ? "NULLIF(" + sql + ", '')" : sql);
    }
    if (type == KustoType.STRING) {
      parts.add("''");
    }
    return TypedSql.of("COALESCE(" + String.join(", ", parts) + ")", type);
  }

  /** Strings are never null in Kusto (isnull is false); empty means null or "" for strings. */
  private static TypedSql nullTest(String name, TypedSql v) {
    String isNull;
    if (v.type() == KustoType.STRING) {
      isNull = name.endsWith("empty") ? "(" + v.p() + " IS NULL OR " + v.p() + " = '')" : "FALSE";
    } else if (v.type() == KustoType.DYNAMIC) {
      isNull = "(" + v.p() + " IS NULL OR json_type(" + v.sql() + ") = 'NULL')";
    } else {
      isNull = "(" + v.p() + " IS NULL)";
    }
    boolean negated = name.startsWith("isnot");
    return TypedSql.of(negated ? "NOT " + isNull : isNull, KustoType.BOOL);
  }

  /** isnan/isinf/isfinite: false for null, as Kusto documents "true if ..., false otherwise". */
  private static TypedSql floatClass(String name, TypedSql v) {
    if (!KqlTypes.isNumeric(v.type())) {
      throw KqlErrors.semantic("'" + name + "' needs a number but got a " + v.type().kustoName());
    }
    return TypedSql.of("COALESCE(" + name + "(CAST(" + v.sql() + " AS DOUBLE)), FALSE)", KustoType.BOOL);
  }

  private static TypedSql hash(Expr.Call call, ScalarTranslator t) {
    arity(call, 1, 2);
    TypedSql value = t.translate(call.args().get(0));
    if (call.args().size() == 1) {
      // DuckDB's hash is an unsigned 64-bit number; Kusto's hash is a long, so keep 63 bits.
      return TypedSql.of("CAST(hash(" + value.sql() + ") >> 1 AS BIGINT)", KustoType.LONG);
    }
    TypedSql modulo = t.translate(call.args().get(1));
    requireIntegral(modulo, "hash");
    if (modulo.isConstant() && modulo.constant().value() instanceof Number n && n.longValue() <= 0) {
      throw KqlErrors.semantic("hash(x, mod): mod must be positive but was " + n);
    }
    return TypedSql.of("CAST(hash(" + value.sql() + ") % CAST(" + modulo.sql() + " AS UBIGINT) AS BIGINT)",
        KustoType.LONG);
  }

  private static TypedSql str(ScalarTranslator t, Expr e) {
    return Conversions.toStringValue(t.translate(e));
  }

  private static void arity(Expr.Call call, int min, int max) {
    int n = call.args().size();
    if (n < min || n > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw KqlErrors.semantic("the function '" + call.function() + "' takes " + expected + " arguments but got " + n);
    }
  }

  static void requireType(TypedSql v, KustoType type, String function) {
    if (v.type() != type) {
      throw KqlErrors.semantic("'" + function + "' needs a " + type.kustoName() + " argument but got a "
          + v.type().kustoName());
    }
  }

  private static void requireIntegral(TypedSql v, String function) {
    if (!KqlTypes.isIntegral(v.type())) {
      throw KqlErrors.semantic("'" + function + "' needs an int or long argument but got a " + v.type().kustoName());
    }
  }
}
