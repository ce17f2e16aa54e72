package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.List;

/** Translates KQL scalar expressions over one input scope to DuckDB SQL with Kusto types and semantics. */
final class ScalarTranslator {
  private static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;

  private final QueryContext context;
  private final Scope scope;

  ScalarTranslator(QueryContext context, Scope scope) {
    this.context = context;
    this.scope = scope;
  }

  QueryContext context() {
    return context;
  }

  Scope scope() {
    return scope;
  }

  TypedSql translate(Expr e) {
    if (e instanceof Expr.Literal l) {
      return SqlLiterals.of(l);
    }
    if (e instanceof Expr.Name n) {
      return resolve(n.name());
    }
    if (e instanceof Expr.Call c) {
      return Functions.translate(c, this);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Negate n) {
      return negate(translate(n.operand()));
    }
    if (e instanceof Expr.InList in) {
      return inList(in);
    }
    if (e instanceof Expr.Between b) {
      return between(b);
    }
    if (e instanceof Expr.Member m) {
      return member(m);
    }
    if (e instanceof Expr.Index i) {
      return index(i);
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  /** Translates and requires a bool, as 'where', 'and', 'iif' do. */
  TypedSql predicate(Expr e, String where) {
    TypedSql p = translate(e);
    if (p.type() != KustoType.BOOL) {
      throw KqlErrors.semantic(where + " needs a bool expression but got a " + p.type().kustoName() + " one");
    }
    return p;
  }

  private TypedSql resolve(String name) {
    return scope
        .find(name)
        .or(() -> context.scalar(name))
        .orElseThrow(
            () ->
                KqlErrors.semantic(
                    "Failed to resolve scalar expression named '" + name + "': no column, let or query parameter has"
                        + " this name (names are case-sensitive); available columns: " + scope.names()));
  }

  private TypedSql binary(Expr.Binary b) {
    String op = b.op();
    switch (op) {
      case "and":
      case "or":
        TypedSql l = predicate(b.left(), "'" + op + "'");
        TypedSql r = predicate(b.right(), "'" + op + "'");
        return TypedSql.of(l.p() + " " + op.toUpperCase(java.util.Locale.ROOT) + " " + r.p(), KustoType.BOOL);
      case "+":
      case "-":
      case "*":
      case "/":
      case "%":
        return Arithmetic.apply(op, translate(b.left()), translate(b.right()));
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return compare(op, translate(b.left()), translate(b.right()));
      default:
        return StringPredicates.apply(op, translate(b.left()), translate(b.right()));
    }
  }

  /**
   * A comparison with Kusto's semantics, which differ from SQL's in two ways. Nulls: {@code ==} of a null and a
   * non-null value is false and {@code !=} is true (two nulls give null; ordering with a null gives null). NaN: reals
   * compare as IEEE 754 (NaN equals nothing and is neither smaller nor greater), while DuckDB orders NaN above every
   * number and equal to itself. A dynamic operand is converted to the other operand's type first.
   */
  static TypedSql compare(String op, TypedSql left, TypedSql right) {
    TypedSql[] pair = comparable(left, right, op);
    String a = pair[0].p();
    String b = pair[1].p();
    String sql;
    switch (op) {
      case "==":
        sql = "CASE WHEN " + a + " IS NULL AND " + b + " IS NULL THEN NULL ELSE " + a + " IS NOT DISTINCT FROM " + b
            + " END";
        break;
      case "!=":
        sql = "CASE WHEN " + a + " IS NULL AND " + b + " IS NULL THEN NULL ELSE " + a + " IS DISTINCT FROM " + b
            + " END";
        break;
      default:
        sql = a + " " + op + " " + b;
        break;
    }
    String nan = anyNaN(pair);
    if (nan != null) {
      sql = "CASE WHEN " + nan + " THEN " + (op.equals("!=") ? "TRUE" : "FALSE") + " ELSE " + sql + " END";
    }
    return TypedSql.of(sql, KustoType.BOOL);
  }

  /** SQL that is true when a real operand is NaN, or null when no operand is a real. */
  static String anyNaN(TypedSql... operands) {
    List<String> tests = new ArrayList<>();
    for (TypedSql o : operands) {
      if (o.type() == KustoType.REAL) {
        tests.add("isnan(" + o.sql() + ")");
      }
    }
    return tests.isEmpty() ? null : String.join(" OR ", tests);
  }

  static TypedSql[] comparable(TypedSql left, TypedSql right, String op) {
    if (left.type() == KustoType.DYNAMIC && right.type() != KustoType.DYNAMIC) {
      left = Conversions.convert(left, right.type(), "'" + op + "'");
    } else if (right.type() == KustoType.DYNAMIC && left.type() != KustoType.DYNAMIC) {
      right = Conversions.convert(right, left.type(), "'" + op + "'");
    }
    boolean ok = left.type() == right.type() && left.type() != KustoType.DYNAMIC
        || KqlTypes.isNumeric(left.type()) && KqlTypes.isNumeric(right.type());
    if (!ok) {
      if (left.type() == KustoType.DYNAMIC) {
        throw KustoRequestException.unsupported("comparing two dynamic values with '" + op + "'");
      }
      throw KqlErrors.semantic(
          "Cannot compare a value of type " + left.type().kustoName() + " with a value of type "
              + right.type().kustoName() + " using '" + op + "'; convert one side explicitly");
    }
    return new TypedSql[] {left, right};
  }

  private static TypedSql negate(TypedSql v) {
    KustoType t = v.type();
    if (t == KustoType.INT) {
      return TypedSql.of("-CAST(" + v.sql() + " AS BIGINT)", KustoType.LONG);
    }
    if (t == KustoType.LONG || t == KustoType.REAL || t == KustoType.DECIMAL || t == KustoType.TIMESPAN) {
      return TypedSql.of("-" + v.p(), t);
    }
    throw KqlErrors.semantic("unary '-' needs a number or timespan but got a " + t.kustoName());
  }

  private TypedSql inList(Expr.InList in) {
    TypedSql value = translate(in.value());
    String op = (in.negated() ? "!in" : "in") + (in.ignoreCase() ? "~" : "");
    if (in.ignoreCase() && value.type() != KustoType.STRING) {
      throw KqlErrors.semantic("'" + op + "' compares strings but the left side is a " + value.type().kustoName());
    }
    List<String> items = new ArrayList<>();
    TypedSql left = value;
    for (Expr item : in.items()) {
      TypedSql t = translate(item);
      if (t.type() == KustoType.DYNAMIC) {
        throw KustoRequestException.unsupported("dynamic arrays on the right of '" + op + "'");
      }
      TypedSql[] pair = comparable(value, t, op);
      left = pair[0];
      items.add(in.ignoreCase() ? "lower(" + pair[1].sql() + ")" : pair[1].sql());
    }
    // Like '==', membership of a null (or NaN) value is false, and '!in' is its negation.
    String lhs = in.ignoreCase() ? "lower(" + left.sql() + ")" : left.p();
    String member = "COALESCE(" + lhs + " IN (" + String.join(", ", items) + "), FALSE)";
    String nan = anyNaN(left);
    if (nan != null) {
      member = "(CASE WHEN " + nan + " THEN FALSE ELSE " + member + " END)";
    }
    return TypedSql.of(in.negated() ? "NOT " + member : member, KustoType.BOOL);
  }

  private TypedSql between(Expr.Between b) {
    TypedSql value = translate(b.value());
    TypedSql low = translate(b.low());
    TypedSql high = translate(b.high());
    // "datetime between (start .. 1d)" means start to start + 1d.
    if (value.type() == KustoType.DATETIME && low.type() == KustoType.DATETIME && high.type() == KustoType.TIMESPAN) {
      high = Arithmetic.apply("+", low, high);
    }
    TypedSql[] lo = comparable(value, low, "between");
    TypedSql[] hi = comparable(value, high, "between");
    String sql = lo[0].p() + " BETWEEN " + lo[1].p() + " AND " + hi[1].p();
    String nan = anyNaN(lo[0], lo[1], hi[1]);
    if (nan != null) {
      sql = "CASE WHEN " + nan + " THEN FALSE ELSE " + sql + " END";
    }
    return TypedSql.of(b.negated() ? "NOT (" + sql + ")" : "(" + sql + ")", KustoType.BOOL);
  }

  private TypedSql member(Expr.Member m) {
    TypedSql target = dynamicTarget(m.target(), "." + m.key());
    if (m.key().contains("\"") || m.key().contains("\\")) {
      throw KustoRequestException.unsupported(
          "dynamic property names containing quotes or backslashes ('" + m.key() + "')");
    }
    return TypedSql.of("json_extract(" + target.sql() + ", " + SqlLiterals.string("$.\"" + m.key() + "\"") + ")",
        KustoType.DYNAMIC);
  }

  private TypedSql index(Expr.Index i) {
    TypedSql target = dynamicTarget(i.target(), "[...]");
    TypedSql key = translate(i.index());
    if (!key.isConstant() || !(key.constant().value() instanceof Long n)) {
      throw KustoRequestException.unsupported("dynamic indexes that are not integer constants");
    }
    String path = n >= 0 ? "$[" + n + "]" : "$[#" + n + "]";
    return TypedSql.of("json_extract(" + target.sql() + ", '" + path + "')", KustoType.DYNAMIC);
  }

  private TypedSql dynamicTarget(Expr target, String access) {
    TypedSql t = translate(target);
    if (t.type() != KustoType.DYNAMIC) {
      throw KqlErrors.semantic("'" + access + "' needs a dynamic value but got a " + t.type().kustoName()
          + "; use todynamic() or parse_json() first");
    }
    return t;
  }

  /** Ticks since 0001-01-01 (Kusto's datetime origin) of a TIMESTAMP expression. */
  static String ticksOf(String timestampSql) {
    return "(epoch_us(" + timestampSql + ") * 10 + " + TICKS_AT_UNIX_EPOCH + ")";
  }

  /** The TIMESTAMP for ticks since 0001-01-01. */
  static String timestampOfTicks(String ticksSql) {
    return "make_timestamp((" + ticksSql + " - " + TICKS_AT_UNIX_EPOCH + ") // 10)";
  }
}
