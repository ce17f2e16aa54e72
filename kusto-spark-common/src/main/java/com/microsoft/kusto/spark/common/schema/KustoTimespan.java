package com.microsoft.kusto.spark.common.schema;

/**
 * Kusto {@code timespan} values as 100-nanosecond ticks, in the text form Kusto returns and accepts:
 * {@code [-][d.]hh:mm:ss[.fffffff]} (the .NET "c" format).
 */
public final class KustoTimespan {
  public static final long TICKS_PER_SECOND = 10_000_000L;
  public static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
  public static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
  public static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

  private KustoTimespan() {}

  /**
   * Formats ticks as {@code [-][d.]hh:mm:ss[.fffffff]}: days only when non-zero, the fraction only when non-zero and
   * then always 7 digits. Covers the whole {@code long} range, including {@link Long#MIN_VALUE}.
   */
  public static String format(long ticks) {
    StringBuilder out = new StringBuilder(26);
    // Work on non-positive values so Long.MIN_VALUE needs no negation.
    long negative = ticks > 0 ? -ticks : ticks;
    if (ticks < 0) {
      out.append('-');
    }
    long days = -(negative / TICKS_PER_DAY);
    long rest = -(negative % TICKS_PER_DAY);
    if (days != 0) {
      out.append(days).append('.');
    }
    appendTwo(out, rest / TICKS_PER_HOUR);
    out.append(':');
    appendTwo(out, rest / TICKS_PER_MINUTE % 60);
    out.append(':');
    appendTwo(out, rest / TICKS_PER_SECOND % 60);
    long fraction = rest % TICKS_PER_SECOND;
    if (fraction != 0) {
      String digits = Long.toString(fraction);
      out.append('.');
      for (int i = digits.length(); i < 7; i++) {
        out.append('0');
      }
      out.append(digits);
    }
    return out.toString();
  }

  private static void appendTwo(StringBuilder out, long value) {
    if (value < 10) {
      out.append('0');
    }
    out.append(value);
  }

  /**
   * Parses {@code [-][d.]hh:mm:ss[.f...]} (1 to 7 fraction digits) to ticks.
   *
   * @throws IllegalArgumentException echoing the text when it is not a timespan or overflows
   */
  public static long parseToTicks(String text) {
    String s = text == null ? "" : text.trim();
    try {
      int pos = 0;
      boolean negative = s.startsWith("-");
      if (negative) {
        pos = 1;
      }
      int firstColon = s.indexOf(':', pos);
      int secondColon = firstColon < 0 ? -1 : s.indexOf(':', firstColon + 1);
      if (firstColon < 0 || secondColon < 0) {
        throw new NumberFormatException("missing ':'");
      }
      String head = s.substring(pos, firstColon);
      int dayDot = head.indexOf('.');
      long days = dayDot < 0 ? 0 : parseDigits(head.substring(0, dayDot), 1, 19);
      long hours = parseDigits(dayDot < 0 ? head : head.substring(dayDot + 1), 1, 2);
      long minutes = parseDigits(s.substring(firstColon + 1, secondColon), 2, 2);
      String secondsPart = s.substring(secondColon + 1);
      int fractionDot = secondsPart.indexOf('.');
      long seconds = parseDigits(fractionDot < 0 ? secondsPart : secondsPart.substring(0, fractionDot), 2, 2);
      long fraction = 0;
      if (fractionDot >= 0) {
        String digits = secondsPart.substring(fractionDot + 1);
        fraction = parseDigits(digits, 1, 7);
        for (int i = digits.length(); i < 7; i++) {
          fraction *= 10;
        }
      }
      if (hours > 23 || minutes > 59 || seconds > 59) {
        throw new NumberFormatException("field out of range");
      }
      // Accumulate negatively so the most negative timespan does not overflow.
      long total = -fraction;
      total = Math.subtractExact(total, seconds * TICKS_PER_SECOND + minutes * TICKS_PER_MINUTE + hours * TICKS_PER_HOUR);
      total = Math.subtractExact(total, Math.multiplyExact(days, TICKS_PER_DAY));
      return negative ? total : Math.negateExact(total);
    } catch (NumberFormatException | ArithmeticException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "Cannot parse Kusto timespan '" + text + "': expected [-][d.]hh:mm:ss[.fffffff]", e);
    }
  }

  private static long parseDigits(String digits, int minLength, int maxLength) {
    if (digits.length() < minLength || digits.length() > maxLength) {
      throw new NumberFormatException("bad length");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw new NumberFormatException("not a digit");
      }
    }
    return Long.parseLong(digits);
  }
}
