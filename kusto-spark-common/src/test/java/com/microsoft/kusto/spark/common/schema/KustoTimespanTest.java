package com.microsoft.kusto.spark.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KustoTimespanTest {
  @ParameterizedTest
  @CsvSource({
    "0, 00:00:00",
    "1, 00:00:00.0000001",
    "-1, -00:00:00.0000001",
    "10000000, 00:00:01",
    "937841234567, 1.02:03:04.1234567",
    "-937841234567, -1.02:03:04.1234567",
    "36000000000, 01:00:00",
    "9223372036854775807, 10675199.02:48:05.4775807",
    "-9223372036854775808, -10675199.02:48:05.4775808"
  })
  void formatsAndParsesKustoTimespans(long ticks, String text) {
    assertThat(KustoTimespan.format(ticks)).isEqualTo(text);
    assertThat(KustoTimespan.parseToTicks(text)).isEqualTo(ticks);
  }

  @ParameterizedTest
  @CsvSource({"1:02:03, 37230000000", "00:00:00.5, 5000000", "2.00:00:00, 1728000000000"})
  void parsesShortForms(String text, long ticks) {
    assertThat(KustoTimespan.parseToTicks(text)).isEqualTo(ticks);
  }

  @Test
  void roundTripsEveryLong() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      long ticks = random.nextLong() >> random.nextInt(64);
      assertThat(KustoTimespan.parseToTicks(KustoTimespan.format(ticks))).isEqualTo(ticks);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "aa:bb:cc", "00:60:00", "24:00:00", "00:00:00.12345678", "10675199.02:48:05.4775808"})
  void rejectsInvalidText(String text) {
    assertThatThrownBy(() -> KustoTimespan.parseToTicks(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void decimalsParseExactly() {
    assertThat(KustoDecimal.parse(" 12345678901234567890.123456789012345678 "))
        .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
    assertThat(KustoDecimal.parse("1E+3").compareTo(new BigDecimal(1000))).isZero();
    assertThat(KustoDecimal.toPlainString(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThatThrownBy(() -> KustoDecimal.parse("1,5")).hasMessageContaining("'1,5'");
  }
}
