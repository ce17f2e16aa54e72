package com.microsoft.kusto.spark.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic decoding of Kusto's datetime text agrees with the general parser, and leaves odd forms to it. */
class DatetimeTextTest {
  private static final DateTimeFormatter KUSTO_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void canonicalFormsDecodeAsTheGeneralParserDoes() {
    List<String> texts = new ArrayList<>(List.of("2024-02-29T23:59:59.1234567Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00.0000000Z", "9999-12-31T23:59:59.9999999Z",
        "1900-03-01T12:00:00.5Z", "2000-02-29T00:00:00.000001Z", "1969-12-31T23:59:59.0000001Z"));
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      long seconds = random.nextLong() % 253_402_300_799L;
      Instant instant = Instant.ofEpochSecond(Math.abs(seconds) - (i % 2 == 0 ? 62_135_596_800L : 0),
          random.nextInt(10_000_000) * 100L);
      if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
        continue;
      }
      // As Kusto writes them: 7 fraction digits; some with fewer, which Kusto's other writers use.
      String text = KUSTO_TEXT.format(instant);
      int digits = i % 8;
      texts.add(digits == 0 ? text.substring(0, 19) + "Z" : text.substring(0, 20 + digits) + "Z");
    }
    for (String text : texts) {
      assertThat(DatetimeText.parseToMicros(text)).as(text).isEqualTo(KustoDatetime.parseToMicros(text));
    }
    assertThat(DatetimeText.parseToMicros("1969-12-31T23:59:59.9999999Z")).isEqualTo(-1L);
  }

  @Test
  void otherFormsAndInvalidValuesGoToTheGeneralParser() {
    assertThat(DatetimeText.parseToMicros("2024-01-02 03:04:05")).isEqualTo(KustoDatetime.parseToMicros(
        "2024-01-02 03:04:05"));
    assertThat(DatetimeText.parseToMicros("2024-01-01T00:00:00.Z")).isEqualTo(1_704_067_200_000_000L);
    // java.time reads 24:00:00 as the next midnight; the fast path leaves it to java.time, so both agree.
    assertThat(DatetimeText.parseToMicros("2024-01-01T24:00:00Z"))
        .isEqualTo(KustoDatetime.parseToMicros("2024-01-02T00:00:00Z"));
    assertThat(DatetimeText.parseToMicros("2024-01-02T03:04:05.123456789Z"))
        .isEqualTo(KustoDatetime.parseToMicros("2024-01-02T03:04:05.123456789Z"));
    for (String bad : new String[] {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T25:00:00Z",
        "2024-0x-01T00:00:00Z"}) {
      assertThatThrownBy(() -> DatetimeText.parseToMicros(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
