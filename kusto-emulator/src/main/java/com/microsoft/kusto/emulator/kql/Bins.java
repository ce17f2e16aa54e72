package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;

/**
 * {@code bin(value, size)} (alias {@code floor}): rounds down to a multiple of size. Datetimes are binned on
 * Kusto's origin 0001-01-01, so {@code bin(t, 7d)} lands on the same Mondays as in Kusto.
 */
final class Bins {
  private Bins() {}

  static TypedSql bin(TypedSql value, TypedSql size, String function) {
    KustoType t = value.type();
    if (KqlTypes.isIntegral(t) && KqlTypes.isIntegral(size.type())) {
      return TypedSql.of(floorMultiple("CAST(" + value.sql() + " AS BIGINT)", "CAST(" + size.sql() + " AS BIGINT)"),
          KustoType.LONG);
    }
    if (KqlTypes.isNumeric(t) && KqlTypes.isNumeric(size.type())) {
      KustoType result = t == KustoType.DECIMAL && size.type() != KustoType.REAL ? KustoType.DECIMAL : KustoType.REAL;
      String sql = "(floor(CAST(" + value.sql() + " AS DOUBLE) / CAST(" + size.sql() + " AS DOUBLE)) * CAST("
          + size.sql() + " AS DOUBLE))";
      return TypedSql.of(result == KustoType.DECIMAL ? "CAST(" + sql + " AS DECIMAL(38,18))" : sql, result);
    }
    if (t == KustoType.TIMESPAN && size.type() == KustoType.TIMESPAN) {
      return TypedSql.of(floorMultiple(value.p(), size.p()), KustoType.TIMESPAN);
    }
    if (t == KustoType.DATETIME && size.type() == KustoType.TIMESPAN) {
      String ticks = ScalarTranslator.ticksOf(value.sql());
      return TypedSql.of(ScalarTranslator.timestampOfTicks(floorMultiple(ticks, size.p())), KustoType.DATETIME);
    }
    throw KqlErrors.semantic("'" + function + "' cannot bin a " + t.kustoName() + " by a " + size.type().kustoName()
        + "; use a number size for numbers and a timespan size for datetimes and timespans");
  }

  /** x rounded down (toward negative infinity) to a multiple of size; SQL's % keeps the dividend's sign. */
  private static String floorMultiple(String x, String size) {
    return "(" + x + " - (((" + x + " % " + size + ") + " + size + ") % " + size + "))";
  }
}
