package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import java.time.LocalDate;

/**
 * Single-mode datetime cells: Kusto writes every datetime as {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}, millions of
 * times in a large result. That exact form is decoded by arithmetic here (java.time's general parser allocates and
 * hashes per field); anything else goes to {@link KustoDatetime#parseToMicros}, which also owns the errors. Both give
 * the same epoch microseconds, the 7th fraction digit floored.
 */
final class DatetimeText {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  private DatetimeText() {}

  static long parseToMicros(String text) {
    int length = text.length();
    // yyyy-MM-ddTHH:mm:ssZ is 20 characters; with '.' and 1 to 7 digits, up to 28.
    if (length < 20 || length > 28 || length == 21 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
        || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || length > 20 && text.charAt(19) != '.') {
      return KustoDatetime.parseToMicros(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || fraction < 0
        || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return KustoDatetime.parseToMicros(text);
    }
    for (int d = length - 1; d < 27; d++) {
      fraction *= 10;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    long seconds = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return seconds * MICROS_PER_SECOND + fraction / 10;
  }

  /** The decimal number in {@code text[from, to)}, or -1 if any character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
