package com.microsoft.kusto.spark.common.schema.csv;

import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Streams rows as CSV for Kusto ingestion: RFC 4180 quoting ({@code "} doubled, fields quoted only when needed),
 * {@code \n} line ends, no header. Call one {@code write*} per field, then {@link #endRow()}.
 *
 * <p>Null versus empty: Kusto's CSV reader takes an empty unquoted field as null and {@code ""} as an empty string, so
 * {@link #writeNull()} writes nothing and an empty string is written as {@code ""}.
 *
 * <p>Value forms: booleans {@code true}/{@code false}; integers in decimal; floats and doubles by
 * {@link Float#toString}/{@link Double#toString} (shortest text that reads back to the same value; NaN and
 * infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}, the .NET invariant-culture symbols Kusto parses);
 * decimals plain without exponent; binary as Base64; dates {@code yyyy-MM-dd}; timestamps
 * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} in UTC regardless of the JVM's time zone; structs, arrays and maps as JSON for
 * {@code dynamic} columns ({@link DynamicJsonEncoder}).
 *
 * <p>Hot path: fields are formatted into an internal buffer without allocating per value, except floating-point text
 * and the strings the caller passes. Not thread-safe. {@link #charsWritten()} counts characters written, for sealing
 * blobs at a size limit.
 */
public final class KustoCsvWriter implements Closeable, Flushable {
  private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final int BUFFER_SIZE = 16 * 1024;

  private final Writer out;
  private final char[] buf = new char[BUFFER_SIZE];
  private final StringBuilder json = new StringBuilder(256);
  private final DynamicJsonEncoder jsonEncoder = new DynamicJsonEncoder();
  private int pos;
  private long flushedChars;
  private boolean rowStart = true;

  /** Writes to a character stream the caller encodes (use {@link #utf8} for bytes). */
  public KustoCsvWriter(Writer out) {
    this.out = out;
  }

  /** A writer that encodes as UTF-8 (no BOM) onto the stream, for example a gzip stream over a blob. */
  public static KustoCsvWriter utf8(OutputStream stream) {
    return new KustoCsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  /** Characters written so far (buffered or not), including separators and line ends. */
  public long charsWritten() {
    return flushedChars + pos;
  }

  public void writeNull() throws IOException {
    separator();
  }

  public void writeBoolean(boolean value) throws IOException {
    separator();
    if (value) {
      raw('t', 'r', 'u', 'e');
    } else {
      ensure(5);
      buf[pos++] = 'f';
      buf[pos++] = 'a';
      buf[pos++] = 'l';
      buf[pos++] = 's';
      buf[pos++] = 'e';
    }
  }

  public void writeInt(int value) throws IOException {
    writeLong(value);
  }

  public void writeLong(long value) throws IOException {
    separator();
    ensure(20);
    pos = appendLong(value, buf, pos);
  }

  public void writeFloat(float value) throws IOException {
    separator();
    rawString(Float.toString(value));
  }

  public void writeDouble(double value) throws IOException {
    separator();
    rawString(Double.toString(value));
  }

  /** Plain (no exponent), exact. */
  public void writeDecimal(BigDecimal value) throws IOException {
    separator();
    rawString(value.toPlainString());
  }

  /** The decimal {@code unscaled * 10^-scale}, plain and exact, without allocation. */
  public void writeDecimal(long unscaled, int scale) throws IOException {
    if (scale > ColumnType.MAX_DECIMAL_PRECISION || scale < -ColumnType.MAX_DECIMAL_PRECISION) {
      // Beyond any Spark decimal; keep the buffer arithmetic below bounded.
      writeDecimal(BigDecimal.valueOf(unscaled, scale));
      return;
    }
    separator();
    if (scale <= 0) {
      ensure(20 - scale);
      pos = appendLong(unscaled, buf, pos);
      if (unscaled != 0) {
        for (int i = 0; i < -scale; i++) {
          buf[pos++] = '0';
        }
      }
      return;
    }
    ensure(23 + scale);
    int start = pos;
    pos = appendLong(unscaled, buf, pos);
    int digitsStart = unscaled < 0 ? start + 1 : start;
    int digits = pos - digitsStart;
    if (digits <= scale) {
      // Left-pad with zeros so there is one digit before the point: -5 scale 3 -> -0.005.
      int pad = scale - digits + 1;
      System.arraycopy(buf, digitsStart, buf, digitsStart + pad, digits);
      for (int i = 0; i < pad; i++) {
        buf[digitsStart + i] = '0';
      }
      pos += pad;
    }
    System.arraycopy(buf, pos - scale, buf, pos - scale + 1, scale);
    buf[pos - scale] = '.';
    pos++;
  }

  /** A string: quoted when empty or when it holds a comma, quote, line break or edge whitespace. */
  public void writeString(String value) throws IOException {
    separator();
    if (needsQuotes(value)) {
      quoted(value);
    } else {
      rawString(value);
    }
  }

  /** Binary as standard Base64 (with padding). */
  public void writeBinary(byte[] value) throws IOException {
    separator();
    int i = 0;
    for (; i + 3 <= value.length; i += 3) {
      int n = (value[i] & 0xff) << 16 | (value[i + 1] & 0xff) << 8 | (value[i + 2] & 0xff);
      raw(BASE64[n >>> 18], BASE64[(n >>> 12) & 63], BASE64[(n >>> 6) & 63], BASE64[n & 63]);
    }
    int rest = value.length - i;
    if (rest == 1) {
      int n = (value[i] & 0xff) << 16;
      raw(BASE64[n >>> 18], BASE64[(n >>> 12) & 63], '=', '=');
    } else if (rest == 2) {
      int n = (value[i] & 0xff) << 16 | (value[i + 1] & 0xff) << 8;
      raw(BASE64[n >>> 18], BASE64[(n >>> 12) & 63], BASE64[(n >>> 6) & 63], '=');
    }
    if (value.length == 0) {
      // Keep an empty binary distinct from null.
      raw('"', '"');
    }
  }

  /**
   * A date as {@code yyyy-MM-dd}.
   *
   * @throws IllegalArgumentException outside 0001-01-01..9999-12-31
   */
  public void writeDate(int epochDay) throws IOException {
    separator();
    ensure(KustoDatetime.DATE_TEXT_LENGTH);
    pos = KustoDatetime.writeDate(epochDay, buf, pos);
  }

  /**
   * A timestamp as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (UTC, microseconds).
   *
   * @throws IllegalArgumentException outside Kusto's datetime range
   */
  public void writeTimestampMicros(long epochMicros) throws IOException {
    separator();
    ensure(KustoDatetime.MICROS_TEXT_LENGTH);
    pos = KustoDatetime.writeMicros(epochMicros, buf, pos, 6);
  }

  /**
   * A struct, array or map value (or any other type, nested) as JSON text for a {@code dynamic} column.
   *
   * @param type the value's type
   * @param container the row, struct or array holding the value
   * @param ordinal the value's index in the container
   */
  public void writeDynamic(ColumnType type, IndexedValues container, int ordinal) throws IOException {
    if (container.isNullAt(ordinal)) {
      writeNull();
      return;
    }
    json.setLength(0);
    jsonEncoder.encode(type, container, ordinal, json);
    separator();
    quoted(json);
  }

  /** Ends the current row with {@code \n}. */
  public void endRow() throws IOException {
    ensure(1);
    buf[pos++] = '\n';
    rowStart = true;
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    drain();
    out.close();
  }

  private void separator() throws IOException {
    if (rowStart) {
      rowStart = false;
    } else {
      ensure(1);
      buf[pos++] = ',';
    }
  }

  private static boolean needsQuotes(CharSequence value) {
    int n = value.length();
    if (n == 0 || value.charAt(0) <= ' ' || value.charAt(n - 1) <= ' ') {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void quoted(CharSequence value) throws IOException {
    ensure(1);
    buf[pos++] = '"';
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      ensure(2);
      if (c == '"') {
        buf[pos++] = '"';
      }
      buf[pos++] = c;
    }
    ensure(1);
    buf[pos++] = '"';
  }

  private void rawString(String value) throws IOException {
    int n = value.length();
    if (n > buf.length - pos) {
      drain();
      if (n > buf.length) {
        out.write(value);
        flushedChars += n;
        return;
      }
    }
    value.getChars(0, n, buf, pos);
    pos += n;
  }

  private void raw(char a, char b) throws IOException {
    ensure(2);
    buf[pos++] = a;
    buf[pos++] = b;
  }

  private void raw(char a, char b, char c, char d) throws IOException {
    ensure(4);
    buf[pos++] = a;
    buf[pos++] = b;
    buf[pos++] = c;
    buf[pos++] = d;
  }

  private void ensure(int chars) throws IOException {
    if (pos + chars > buf.length) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      flushedChars += pos;
      pos = 0;
    }
  }

  /** Writes a long's decimal digits at {@code offset} (room for 20 chars needed); returns the new offset. */
  static int appendLong(long value, char[] out, int offset) {
    if (value == 0) {
      out[offset] = '0';
      return offset + 1;
    }
    int pos = offset;
    // Count on the negative side so Long.MIN_VALUE needs no negation.
    long v = value;
    if (v < 0) {
      out[pos++] = '-';
    } else {
      v = -v;
    }
    int digits = 0;
    for (long t = v; t != 0; t /= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      out[i] = (char) ('0' - (v % 10));
      v /= 10;
    }
    return end;
  }
}
