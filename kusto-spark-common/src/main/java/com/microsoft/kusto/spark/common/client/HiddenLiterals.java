package com.microsoft.kusto.spark.common.client;

import java.util.regex.Pattern;

/**
 * Masks KQL hidden string literals ({@code h"..."}, {@code h'...'}, {@code h@"..."}, {@code H@'...'}) in text the
 * connector echoes. The connector puts every storage credential of a command inside such a literal, so masking
 * them removes credentials from a service error that quotes the command, even when the quote is cut short and the
 * literal never closes.
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
