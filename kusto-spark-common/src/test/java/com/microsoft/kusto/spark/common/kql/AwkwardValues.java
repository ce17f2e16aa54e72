package com.microsoft.kusto.spark.common.kql;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Identifiers and literal values that have broken KQL generators before: quotes, escapes, keywords, edges. */
final class AwkwardValues {
  private AwkwardValues() {}

  static final List<String> IDENTIFIERS =
      List.of(
          "a",
          "Col",
          "where",
          "project",
          "and",
          "or",
          "not",
          "let",
          "true",
          "null",
          "string",
          "with space",
          "it's",
          "back\\slash",
          "quote\"double",
          "brackets[]",
          "new\nline",
          "tab\there",
          "cr\rx",
          "ctl\u0001\u001f\u007f",
          "é",
          "名前",
          "emoji😀",
          "lone\ud800surrogate",
          "-dash",
          "1digit",
          "$dollar",
          "//comment",
          "pipe|x",
          "semi;colon",
          "'",
          "\\",
          "]");

  static final List<String> STRINGS =
      List.of(
          "",
          "x",
          "'",
          "\"",
          "\\",
          "\\'",
          "'\\",
          "a\nb",
          "a\r\nb",
          "\t",
          "\u0000",
          "\u0001\u0002\u001b",
          "\u007f",
          "\u0085\u2028\u2029",
          "é",
          "😀",
          "\ud83d",
          "\ude00x",
          "// not a comment",
          "| where true",
          "}{)(",
          "h@\"x\"",
          "\\u0041",
          " leading and trailing ");

  static final List<Long> LONGS = List.of(0L, 1L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1);

  static final List<Integer> INTS = List.of(0, 7, -7, Integer.MAX_VALUE, Integer.MIN_VALUE);

  static final List<Double> DOUBLES =
      List.of(
          0.0,
          -0.0,
          1.5,
          -2.25,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          -Double.MAX_VALUE,
          1e-300,
          1e300,
          0.1,
          123456789.123456789);

  static final List<BigDecimal> DECIMALS =
      List.of(
          BigDecimal.ZERO,
          new BigDecimal("-1.5"),
          new BigDecimal("12345678901234567890123456789012345678"),
          new BigDecimal("-0.00000000000000000000000000000000000001"),
          new BigDecimal("1E+5"),
          new BigDecimal("1.000"),
          new BigDecimal("3.14159265358979323846264338327950288"));

  static final List<Long> DATETIME_MICROS =
      List.of(
          0L,
          -1L,
          1L,
          KustoDatetime.MIN_MICROS,
          KustoDatetime.MAX_MICROS,
          KustoDatetime.MAX_MICROS - 1,
          -86_400_000_000L * 365 * 30 + 123_456,
          1_704_164_645_123_456L,
          951_782_400_000_000L);

  static final List<Long> TIMESPAN_TICKS =
      List.of(0L, 1L, -1L, 10_000_000L, 864_000_000_000L + 1, -(864_000_000_000L * 3 + 45), Long.MAX_VALUE, Long.MIN_VALUE);

  static final List<UUID> GUIDS =
      List.of(new UUID(0, 0), UUID.fromString("0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e"), new UUID(-1, -1));
}
