package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;

/**
 * KQL arithmetic over storage representations: integer division truncates, datetimes and timespans combine as
 * Kusto defines (datetime - datetime is a timespan; timespans are ticks). Decimal multiplication, division and
 * modulo go through double precision (DuckDB's DECIMAL(38,18) products overflow); addition and subtraction are
 * exact.
 */
final class Arithmetic {
  private Arithmetic() {}

  static TypedSql apply(String op, TypedSql a, TypedSql b) {
    KustoType ta = a.type();
    KustoType tb = b.type();
    if (KqlTypes.isNumeric(ta) && KqlTypes.isNumeric(tb)) {
      return numeric(op, a, b, KqlTypes.arithmetic(ta, tb));
    }
    if (ta == KustoType.DATETIME && tb == KustoType.DATETIME && op.equals("-")) {
      return TypedSql.of("((epoch_us(" + a.sql() + ") - epoch_us(" + b.sql() + ")) * 10)", KustoType.TIMESPAN);
    }
    if (ta == KustoType.DATETIME && tb == KustoType.TIMESPAN && (op.equals("+") || op.equals("-"))) {
      return TypedSql.of("(" + a.p() + " " + op + " to_microseconds(" + b.p() + " // 10))", KustoType.DATETIME);
    }
    if (ta == KustoType.TIMESPAN && tb == KustoType.DATETIME && op.equals("+")) {
      return apply("+", b, a);
    }
    if (ta == KustoType.TIMESPAN && tb == KustoType.TIMESPAN) {
      switch (op) {
        case "+":
        case "-":
          return TypedSql.of("(" + a.p() + " " + op + " " + b.p() + ")", KustoType.TIMESPAN);
        case "/":
          return TypedSql.of("(CAST(" + a.sql() + " AS DOUBLE) / " + b.p() + ")", KustoType.REAL);
        case "%":
          return TypedSql.of("(" + a.p() + " % " + b.p() + ")", KustoType.TIMESPAN);
        default:
          break;
      }
    }
    if (ta == KustoType.TIMESPAN && KqlTypes.isNumeric(tb) && (op.equals("*") || op.equals("/"))) {
      return scaleTimespan(op, a, b);
    }
    if (KqlTypes.isNumeric(ta) && tb == KustoType.TIMESPAN && op.equals("*")) {
      return scaleTimespan(op, b, a);
    }
    throw KqlErrors.semantic(
        "the operator '" + op + "' cannot be applied to " + ta.kustoName() + " and " + tb.kustoName());
  }

  private static TypedSql numeric(String op, TypedSql a, TypedSql b, KustoType result) {
    switch (result) {
      case LONG:
        String sqlOp = op.equals("/") ? "//" : op;
        return TypedSql.of(
            "(CAST(" + a.sql() + " AS BIGINT) " + sqlOp + " CAST(" + b.sql() + " AS BIGINT))", KustoType.LONG);
      case REAL:
        return TypedSql.of("(CAST(" + a.sql() + " AS DOUBLE) " + op + " CAST(" + b.sql() + " AS DOUBLE))",
            KustoType.REAL);
      default:
        if (op.equals("+") || op.equals("-")) {
          return TypedSql.of("CAST(CAST(" + a.sql() + " AS DECIMAL(38,18)) " + op + " CAST(" + b.sql()
              + " AS DECIMAL(38,18)) AS DECIMAL(38,18))", KustoType.DECIMAL);
        }
        return TypedSql.of("CAST(CAST(" + a.sql() + " AS DOUBLE) " + op + " CAST(" + b.sql()
            + " AS DOUBLE) AS DECIMAL(38,18))", KustoType.DECIMAL);
    }
  }

  private static TypedSql scaleTimespan(String op, TypedSql span, TypedSql factor) {
    if (KqlTypes.isIntegral(factor.type())) {
      String sqlOp = op.equals("/") ? "//" : "*";
      return TypedSql.of("(" + span.p() + " " + sqlOp + " CAST(" + factor.sql() + " AS BIGINT))", KustoType.TIMESPAN);
    }
    return TypedSql.of("CAST(trunc(" + span.p() + " " + op + " CAST(" + factor.sql() + " AS DOUBLE)) AS BIGINT)",
        KustoType.TIMESPAN);
  }
}
