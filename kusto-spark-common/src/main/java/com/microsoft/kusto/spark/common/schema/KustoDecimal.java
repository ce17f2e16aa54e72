package com.microsoft.kusto.spark.common.schema;

import java.math.BigDecimal;

/** Kusto {@code decimal} values as text: parsing results and the plain (exponent-free) form written to CSV. */
public final class KustoDecimal {
  private KustoDecimal() {}

  /**
   * Parses a decimal as Kusto returns it (plain or with an exponent).
   *
   * @throws IllegalArgumentException echoing the text when it is not a number
   */
  public static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("Cannot parse Kusto decimal '" + text + "': expected a decimal number", e);
    }
  }

  /** Plain text without exponent, losing nothing: {@code 1E+3} becomes {@code 1000}, {@code 1E-3} {@code 0.001}. */
  public static String toPlainString(BigDecimal value) {
    return value.toPlainString();
  }
}
