package com.microsoft.kusto.emulator.kql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kusto datetime literals ({@code datetime(2024-01-02T03:04:05.1234567Z)}), kept to microseconds. */
final class KqlDatetimes {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
              + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");

  private KqlDatetimes() {}

  /** Parses ISO-8601 text (date, optional time, optional Z or offset); null for {@code null}. */
  static Instant parse(String raw) {
    String text = raw.trim();
    boolean quoted = text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\"");
    if (text.length() >= 2 && quoted) {
      text = text.substring(1, text.length() - 1).trim();
    }
    if (text.equals("null")) {
      return null;
    }
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      throw KqlErrors.syntax(
          "invalid datetime literal '" + raw + "': use ISO 8601, for example datetime(2024-01-02T03:04:05.1234567Z)");
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
              m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      long nanos = m.group(7) == null ? 0 : Long.parseLong((m.group(7) + "000000000").substring(0, 9));
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(8) != null && !m.group(8).equals("Z")) {
        String zone = m.group(8);
        offset = ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      }
      // The store keeps datetimes to the microsecond (see KustoType), so the 7th fraction digit is dropped.
      return local.plusNanos(nanos).toInstant(offset).truncatedTo(ChronoUnit.MICROS);
    } catch (java.time.DateTimeException e) {
      throw KqlErrors.syntax("invalid datetime literal '" + raw + "': " + e.getMessage());
    }
  }
}
