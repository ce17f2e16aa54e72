package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.util.List;

/** Kusto's type rules for operators and functions with several operands (numeric promotion, common types). */
final class KqlTypes {
  private KqlTypes() {}

  static boolean isNumeric(KustoType t) {
    return t == KustoType.INT || t == KustoType.LONG || t == KustoType.REAL || t == KustoType.DECIMAL;
  }

  static boolean isIntegral(KustoType t) {
    return t == KustoType.INT || t == KustoType.LONG;
  }

  /** Result type of arithmetic on two numbers: real wins, then decimal; int with int is long in Kusto. */
  static KustoType arithmetic(KustoType a, KustoType b) {
    if (a == KustoType.REAL || b == KustoType.REAL) {
      return KustoType.REAL;
    }
    if (a == KustoType.DECIMAL || b == KustoType.DECIMAL) {
      return KustoType.DECIMAL;
    }
    return KustoType.LONG;
  }

  /** The type that all branches of iif/case/coalesce share, or a semantic error naming the function. */
  static KustoType common(List<TypedSql> values, String function) {
    KustoType result = values.get(0).type();
    for (TypedSql v : values) {
      KustoType t = v.type();
      if (t == result) {
        continue;
      }
      if (isNumeric(t) && isNumeric(result)) {
        result = widen(result, t);
      } else {
        throw KqlErrors.semantic(
            "the arguments of '" + function + "' must have one type, but found " + result.kustoName() + " and "
                + t.kustoName() + "; convert them explicitly (tostring, tolong, ...)");
      }
    }
    return result;
  }

  private static KustoType widen(KustoType a, KustoType b) {
    if (a == KustoType.REAL || b == KustoType.REAL) {
      return KustoType.REAL;
    }
    if (a == KustoType.DECIMAL || b == KustoType.DECIMAL) {
      return KustoType.DECIMAL;
    }
    return KustoType.LONG;
  }

  /** SQL converting a value to another numeric storage type (only used for widening). */
  static TypedSql castTo(TypedSql value, KustoType target) {
    if (value.type() == target) {
      return value;
    }
    return new TypedSql("CAST(" + value.sql() + " AS " + target.duckDbType() + ")", target, null);
  }
}
