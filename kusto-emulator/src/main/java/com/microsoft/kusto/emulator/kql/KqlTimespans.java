package com.microsoft.kusto.emulator.kql;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kusto timespan literals as ticks of 100 ns: {@code 1d}, {@code 100ms}, {@code time(1.02:03:04.5)}. */
final class KqlTimespans {
  static final long TICKS_PER_MICROSECOND = 10L;
  static final long TICKS_PER_SECOND = 10_000_000L;
  static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;

  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("d", TICKS_PER_DAY),
          Map.entry("day", TICKS_PER_DAY),
          Map.entry("days", TICKS_PER_DAY),
          Map.entry("h", 3600 * TICKS_PER_SECOND),
          Map.entry("hr", 3600 * TICKS_PER_SECOND),
          Map.entry("hrs", 3600 * TICKS_PER_SECOND),
          Map.entry("hour", 3600 * TICKS_PER_SECOND),
          Map.entry("hours", 3600 * TICKS_PER_SECOND),
          Map.entry("m", 60 * TICKS_PER_SECOND),
          Map.entry("min", 60 * TICKS_PER_SECOND),
          Map.entry("minute", 60 * TICKS_PER_SECOND),
          Map.entry("minutes", 60 * TICKS_PER_SECOND),
          Map.entry("s", TICKS_PER_SECOND),
          Map.entry("sec", TICKS_PER_SECOND),
          Map.entry("second", TICKS_PER_SECOND),
          Map.entry("seconds", TICKS_PER_SECOND),
          Map.entry("ms", 10_000L),
          Map.entry("milli", 10_000L),
          Map.entry("millis", 10_000L),
          Map.entry("millisecond", 10_000L),
          Map.entry("milliseconds", 10_000L),
          Map.entry("micro", TICKS_PER_MICROSECOND),
          Map.entry("micros", TICKS_PER_MICROSECOND),
          Map.entry("microsecond", TICKS_PER_MICROSECOND),
          Map.entry("microseconds", TICKS_PER_MICROSECOND),
          Map.entry("tick", 1L),
          Map.entry("ticks", 1L));

  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([+-]?[0-9]*\\.?[0-9]+)\\s*([a-zA-Z]+)");
  private static final Pattern CLOCK =
      Pattern.compile("([+-])?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");

  private KqlTimespans() {}

  /** Ticks per unit for a timespan unit name, or null if it is not one. */
  static Long unitTicks(String unit) {
    return UNITS.get(unit.toLowerCase(Locale.ROOT));
  }

  /**
   * Parses the text of a timespan literal: {@code 1d}, {@code 1.5h}, {@code [-][d.]hh:mm[:ss[.fffffff]]}, or a
   * bare number of days (as {@code time(2)} means two days). Returns null for {@code null}.
   */
  static Long parse(String raw) {
    String text = raw.trim();
    if (text.equals("null")) {
      return null;
    }
    Matcher unit = NUMBER_WITH_UNIT.matcher(text);
    if (unit.matches()) {
      Long perUnit = unitTicks(unit.group(2));
      if (perUnit == null) {
        throw KqlErrors.syntax("unknown timespan unit '" + unit.group(2) + "' in timespan literal '" + raw + "'");
      }
      return new BigDecimal(unit.group(1)).multiply(BigDecimal.valueOf(perUnit)).longValue();
    }
    Matcher clock = CLOCK.matcher(text);
    if (clock.matches()) {
      long ticks = 0;
      if (clock.group(2) != null) {
        ticks += Long.parseLong(clock.group(2)) * TICKS_PER_DAY;
      }
      ticks += Long.parseLong(clock.group(3)) * 3600 * TICKS_PER_SECOND;
      ticks += Long.parseLong(clock.group(4)) * 60 * TICKS_PER_SECOND;
      if (clock.group(5) != null) {
        ticks += Long.parseLong(clock.group(5)) * TICKS_PER_SECOND;
      }
      if (clock.group(6) != null) {
        String fraction = (clock.group(6) + "0000000").substring(0, 7);
        ticks += Long.parseLong(fraction);
      }
      return "-".equals(clock.group(1)) ? -ticks : ticks;
    }
    if (text.matches("[+-]?\\d+(\\.\\d+)?")) {
      return new BigDecimal(text).multiply(BigDecimal.valueOf(TICKS_PER_DAY)).longValue();
    }
    throw KqlErrors.syntax(
        "invalid timespan literal '" + raw + "': use a form like 1d, 2h, 30m, 10s, 100ms or [d.]hh:mm:ss[.fffffff]");
  }
}
