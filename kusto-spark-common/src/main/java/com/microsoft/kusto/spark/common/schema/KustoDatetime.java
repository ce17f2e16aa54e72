package com.microsoft.kusto.spark.common.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Kusto {@code datetime} values as microseconds since the Unix epoch (Spark's TimestampType unit), always UTC.
 *
 * <p>Formatting is done by hand on a {@code char[]} so the CSV hot path allocates nothing and never consults the
 * JVM's default time zone. Kusto datetimes span years 0001 to 9999 with 100 ns ticks; values outside that range
 * cannot be stored and are rejected with an {@link IllegalArgumentException}.
 */
public final class KustoDatetime {
  /** 0001-01-01T00:00:00Z in microseconds. */
  public static final long MIN_MICROS = -62135596800_000000L;
  /** 9999-12-31T23:59:59.999999Z in microseconds. */
  public static final long MAX_MICROS = 253402300799_999999L;
  /** 0001-01-01 as days since the epoch. */
  public static final int MIN_EPOCH_DAY = -719162;
  /** 9999-12-31 as days since the epoch. */
  public static final int MAX_EPOCH_DAY = 2932896;

  /** Length of {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}. */
  public static final int MICROS_TEXT_LENGTH = 27;
  /** Length of {@code yyyy-MM-dd}. */
  public static final int DATE_TEXT_LENGTH = 10;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private KustoDatetime() {}

  /** {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (6 fraction digits), as written into CSV for ingestion. */
  public static String formatMicros(long micros) {
    char[] buf = new char[MICROS_TEXT_LENGTH];
    writeMicros(micros, buf, 0, 6);
    return new String(buf);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.fffffffZ} (7 fraction digits, Kusto's tick precision), as used in KQL literals. */
  public static String formatTicksPrecision(long micros) {
    char[] buf = new char[MICROS_TEXT_LENGTH + 1];
    writeMicros(micros, buf, 0, 7);
    return new String(buf);
  }

  /** {@code yyyy-MM-dd} for a day count since the epoch. */
  public static String formatDate(int epochDay) {
    char[] buf = new char[DATE_TEXT_LENGTH];
    writeDate(epochDay, buf, 0);
    return new String(buf);
  }

  /**
   * Writes {@code yyyy-MM-ddTHH:mm:ss.<fraction>Z} into {@code out} at {@code offset}.
   *
   * @param fractionDigits 6 (microseconds) or 7 (ticks, the 7th digit is always 0)
   * @return the offset after the last written character
   */
  public static int writeMicros(long micros, char[] out, int offset, int fractionDigits) {
    checkMicros(micros);
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long microOfDay = micros - day * MICROS_PER_DAY;
    int pos = writeDate((int) day, out, offset);
    long secondOfDay = microOfDay / MICROS_PER_SECOND;
    int microOfSecond = (int) (microOfDay % MICROS_PER_SECOND);
    out[pos++] = 'T';
    pos = writeDigits((int) (secondOfDay / 3600), 2, out, pos);
    out[pos++] = ':';
    pos = writeDigits((int) (secondOfDay / 60 % 60), 2, out, pos);
    out[pos++] = ':';
    pos = writeDigits((int) (secondOfDay % 60), 2, out, pos);
    out[pos++] = '.';
    pos = writeDigits(microOfSecond, 6, out, pos);
    if (fractionDigits == 7) {
      out[pos++] = '0';
    } else if (fractionDigits != 6) {
      throw new IllegalArgumentException("fractionDigits must be 6 or 7, was " + fractionDigits);
    }
    out[pos++] = 'Z';
    return pos;
  }

  /** Writes {@code yyyy-MM-dd}; returns the offset after it. */
  public static int writeDate(int epochDay, char[] out, int offset) {
    if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
      throw new IllegalArgumentException(
          "Date "
              + epochDay
              + " days from 1970-01-01 is outside Kusto's datetime range 0001-01-01..9999-12-31; filter or"
              + " clamp such dates before writing");
    }
    // Civil-from-days over 400-year eras (proleptic Gregorian, as java.time and Kusto use).
    long z = epochDay + 719468L;
    long era = Math.floorDiv(z, 146097L);
    long dayOfEra = z - era * 146097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    int pos = writeDigits(year, 4, out, offset);
    out[pos++] = '-';
    pos = writeDigits(month, 2, out, pos);
    out[pos++] = '-';
    return writeDigits(dayOfMonth, 2, out, pos);
  }

  private static int writeDigits(int value, int width, char[] out, int offset) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return offset + width;
  }

  /** Rejects microsecond values outside Kusto's datetime range, echoing the value. */
  public static void checkMicros(long micros) {
    if (micros < MIN_MICROS || micros > MAX_MICROS) {
      throw new IllegalArgumentException(
          "Timestamp "
              + micros
              + " microseconds from 1970-01-01T00:00:00Z is outside Kusto's datetime range"
              + " 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999Z; filter or clamp such values before writing");
    }
  }

  /** Epoch microseconds of an instant, truncated (floored) to the microsecond. */
  public static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  /** The instant for epoch microseconds. */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /**
   * Parses a Kusto datetime as returned by queries ({@code 2024-01-02T03:04:05.1234567Z}, 0 to 7 fraction digits;
   * a value without zone is taken as UTC) to epoch microseconds, flooring the 7th digit as Spark does.
   *
   * @throws IllegalArgumentException echoing the text when it is not a datetime
   */
  public static long parseToMicros(String text) {
    String trimmed = text == null ? "" : text.trim();
    try {
      if (trimmed.endsWith("Z") || trimmed.endsWith("z")) {
        return toMicros(Instant.parse(trimmed.substring(0, trimmed.length() - 1) + "Z"));
      }
      return toMicros(LocalDateTime.parse(trimmed.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "Cannot parse Kusto datetime '" + text + "': expected yyyy-MM-ddTHH:mm:ss[.fffffff]Z", e);
    }
  }
}
