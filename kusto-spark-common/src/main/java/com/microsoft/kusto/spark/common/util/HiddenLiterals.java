package com.microsoft.kusto.spark.common.util;

import java.util.regex.Pattern;

/**
 * Masks KQL hidden string literals ({@code h"..."}, {@code h'...'}, {@code h@"..."}, {@code H@'...'}) in free
 * text, such as a service error that quotes a command. The connector puts every storage credential of a command
 * inside such a literal, so this removes them even where the quote is cut short and the literal never closes.
 * (For well-formed KQL, {@link Secrets#redactKql} walks the literals exactly.)
 */
public final class HiddenLiterals {
  public static final String MASK = "****";

  private static final Pattern DOUBLE_QUOTED = Pattern.compile("(?<![A-Za-z0-9_])([hH]@?)\"[^\"]*(\"|$)");
  private static final Pattern SINGLE_QUOTED = Pattern.compile("(?<![A-Za-z0-9_])([hH]@?)'[^']*('|$)");

  private HiddenLiterals() {}

  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = DOUBLE_QUOTED.matcher(text).replaceAll("$1\"" + MASK + "\"");
    return SINGLE_QUOTED.matcher(masked).replaceAll("$1'" + MASK + "'");
  }
}
