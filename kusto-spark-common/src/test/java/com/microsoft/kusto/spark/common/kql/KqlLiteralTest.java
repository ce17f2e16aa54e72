package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KqlLiteralTest {
  static Stream<Arguments> literals() {
    return Stream.of(
        Arguments.of(KqlLiteral.ofBoolean(true), "true"),
        Arguments.of(KqlLiteral.ofBoolean(false), "false"),
        Arguments.of(KqlLiteral.ofInt(-7), "int(-7)"),
        Arguments.of(KqlLiteral.ofInt(Integer.MIN_VALUE), "int(-2147483648)"),
        Arguments.of(KqlLiteral.ofLong(42), "42"),
        Arguments.of(KqlLiteral.ofLong(-1), "-1"),
        Arguments.of(KqlLiteral.ofLong(Long.MAX_VALUE), "9223372036854775807"),
        Arguments.of(KqlLiteral.ofLong(Long.MIN_VALUE), "long(-9223372036854775808)"),
        Arguments.of(KqlLiteral.ofDouble(1.5), "real(1.5)"),
        Arguments.of(KqlLiteral.ofDouble(-0.0), "real(-0.0)"),
        Arguments.of(KqlLiteral.ofDouble(0.1), "real(0.1)"),
        Arguments.of(KqlLiteral.ofDouble(1e300), "real(1.0E300)"),
        Arguments.of(KqlLiteral.ofDouble(Double.MIN_VALUE), "real(4.9E-324)"),
        Arguments.of(KqlLiteral.ofDouble(Double.NaN), "real(nan)"),
        Arguments.of(KqlLiteral.ofDouble(Double.POSITIVE_INFINITY), "real(+inf)"),
        Arguments.of(KqlLiteral.ofDouble(Double.NEGATIVE_INFINITY), "real(-inf)"),
        Arguments.of(KqlLiteral.ofDecimal(new BigDecimal("1E+5")), "decimal(100000)"),
        Arguments.of(KqlLiteral.ofDecimal(new BigDecimal("-1.50")), "decimal(-1.50)"),
        Arguments.of(
            KqlLiteral.ofDecimal(new BigDecimal("12345678901234567890123456789012345678")),
            "decimal(12345678901234567890123456789012345678)"),
        Arguments.of(KqlLiteral.ofString("it's"), "'it\\'s'"),
        Arguments.of(KqlLiteral.ofDatetimeMicros(0), "datetime(1970-01-01T00:00:00.0000000Z)"),
        Arguments.of(KqlLiteral.ofDatetimeMicros(-1), "datetime(1969-12-31T23:59:59.9999990Z)"),
        Arguments.of(KqlLiteral.ofDatetimeMicros(KustoDatetime.MIN_MICROS), "datetime(0001-01-01T00:00:00.0000000Z)"),
        Arguments.of(KqlLiteral.ofDatetimeMicros(KustoDatetime.MAX_MICROS), "datetime(9999-12-31T23:59:59.9999990Z)"),
        Arguments.of(
            KqlLiteral.ofDatetime(Instant.parse("2024-01-02T03:04:05.123456789Z")),
            "datetime(2024-01-02T03:04:05.1234560Z)"),
        Arguments.of(KqlLiteral.ofDatetime(Instant.parse("2000-02-29T00:00:00Z")), "datetime(2000-02-29T00:00:00.0000000Z)"),
        Arguments.of(KqlLiteral.ofTimespanTicks(0), "timespan(00:00:00)"),
        Arguments.of(KqlLiteral.ofTimespanTicks(-1), "timespan(-00:00:00.0000001)"),
        Arguments.of(KqlLiteral.ofTimespanTicks(93_784_123_456_7L), "timespan(1.02:03:04.1234567)"),
        Arguments.of(KqlLiteral.ofTimespanTicks(Long.MAX_VALUE), "timespan(10675199.02:48:05.4775807)"),
        Arguments.of(KqlLiteral.ofTimespanTicks(Long.MIN_VALUE), "timespan(-10675199.02:48:05.4775808)"),
        Arguments.of(KqlLiteral.ofGuid(new UUID(0, 1)), "guid(00000000-0000-0000-0000-000000000001)"),
        Arguments.of(KqlLiteral.nullOf(KustoType.LONG), "long(null)"),
        Arguments.of(KqlLiteral.nullOf(KustoType.DATETIME), "datetime(null)"));
  }

  @ParameterizedTest
  @MethodSource("literals")
  void rendersTypedLiterals(KqlLiteral literal, String expected) {
    assertThat(literal.toKql()).isEqualTo(expected);
  }

  @Test
  void doublesRoundTripThroughTheirText() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 10_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      String kql = KqlLiteral.ofDouble(d).toKql();
      double back = Double.parseDouble(kql.substring("real(".length(), kql.length() - 1));
      assertThat(Double.doubleToLongBits(back)).as(kql).isEqualTo(Double.doubleToLongBits(d));
    }
  }

  @Test
  void rejectsNullStringsAndOutOfRangeDatetimes() {
    assertThatThrownBy(() -> KqlLiteral.nullOf(KustoType.STRING).toKql())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no null string literal");
    assertThatThrownBy(() -> KqlLiteral.ofDatetimeMicros(KustoDatetime.MIN_MICROS - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside Kusto's datetime range");
    assertThatThrownBy(() -> KqlLiteral.ofDatetimeMicros(KustoDatetime.MAX_MICROS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(KustoDatetime.MAX_MICROS + 1));
  }

  @Test
  void renderingIsIndependentOfTheDefaultTimeZone() {
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(KqlLiteral.ofDatetimeMicros(0).toKql()).isEqualTo("datetime(1970-01-01T00:00:00.0000000Z)");
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
  }
}
