package com.microsoft.kusto.spark.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KustoDatetimeTest {
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void formatsLikeJavaTimeAcrossTheWholeRange() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      long micros = KustoDatetime.MIN_MICROS + (long) (random.nextDouble() * (KustoDatetime.MAX_MICROS - KustoDatetime.MIN_MICROS));
      String expected = ISO_MICROS.format(KustoDatetime.toInstant(micros));
      assertThat(KustoDatetime.formatMicros(micros)).isEqualTo(expected);
      assertThat(KustoDatetime.parseToMicros(expected)).isEqualTo(micros);
      int day = (int) Math.floorDiv(micros, 86_400_000_000L);
      assertThat(KustoDatetime.formatDate(day)).isEqualTo(LocalDate.ofEpochDay(day).toString());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1970-01-01T00:00:00.000000Z",
    "-1, 1969-12-31T23:59:59.999999Z",
    "-62135596800000000, 0001-01-01T00:00:00.000000Z",
    "253402300799999999, 9999-12-31T23:59:59.999999Z",
    "951782400000001, 2000-02-29T00:00:00.000001Z"
  })
  void formatsEdges(long micros, String expected) {
    assertThat(KustoDatetime.formatMicros(micros)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-01-02T03:04:05.1234567Z, 1704164645123456",
    "2024-01-02T03:04:05Z, 1704164645000000",
    "2024-01-02T03:04:05.1Z, 1704164645100000",
    "2024-01-02 03:04:05.5, 1704164645500000",
    "1969-12-31T23:59:59.9999999Z, -1",
    "0001-01-01T00:00:00.0000000Z, -62135596800000000"
  })
  void parsesKustoDatetimesFlooringTicksToMicros(String text, long micros) {
    assertThat(KustoDatetime.parseToMicros(text)).isEqualTo(micros);
  }

  @Test
  void rejectsGarbageAndOutOfRangeValues() {
    assertThatThrownBy(() -> KustoDatetime.parseToMicros("yesterday")).hasMessageContaining("'yesterday'");
    assertThatThrownBy(() -> KustoDatetime.formatMicros(KustoDatetime.MAX_MICROS + 1)).hasMessageContaining("253402300800000000");
    assertThatThrownBy(() -> KustoDatetime.formatDate(KustoDatetime.MIN_EPOCH_DAY - 1)).hasMessageContaining("-719163");
  }

  @Test
  void independentOfTheJvmTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"America/Los_Angeles", "Asia/Kathmandu", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertThat(KustoDatetime.formatMicros(1_704_164_645_123_456L)).isEqualTo("2024-01-02T03:04:05.123456Z");
        assertThat(KustoDatetime.parseToMicros("2024-01-02 03:04:05")).isEqualTo(1_704_164_645_000_000L);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void instantConversionFloors() {
    assertThat(KustoDatetime.toMicros(Instant.parse("1969-12-31T23:59:59.9999999Z"))).isEqualTo(-1);
    assertThat(KustoDatetime.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
  }
}
