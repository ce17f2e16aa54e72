package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterHintsTest {
  @Test
  void readsDelaySecondsAndHttpDates() {
    assertThat(RetryAfterHints.parse("7")).isEqualTo(7_000L);
    assertThat(RetryAfterHints.parse(" 0 ")).isZero();
    String inAMinute = ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60)
        .format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(RetryAfterHints.parse(inAMinute)).isBetween(55_000L, 60_000L);
  }

  @Test
  void ignoresWhatIsNotAPause() {
    assertThat(RetryAfterHints.parse(null)).isEqualTo(-1);
    assertThat(RetryAfterHints.parse("soon")).isEqualTo(-1);
    assertThat(RetryAfterHints.parse("")).isEqualTo(-1);
  }

  @Test
  void anUnknownRequestHasNoHint() {
    assertThat(RetryAfterHints.take("never-sent")).isEqualTo(-1);
  }
}
