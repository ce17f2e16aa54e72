package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private final List<Long> pauses = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(0);

  private Retrier retrier(int attempts) {
    return new Retrier(
        new RetryPolicy(attempts, 100, 1_000),
        TransientFailures::isTransient,
        millis -> {
          pauses.add(millis);
          clock.addAndGet(millis);
        },
        clock::get,
        new Random(1));
  }

  @Test
  void retriesTransientFailuresUntilSuccess() throws Exception {
    List<Integer> attempts = new ArrayList<>();
    String result =
        retrier(5)
            .call(
                "test",
                Long.MAX_VALUE,
                attempt -> {
                  attempts.add(attempt);
                  if (attempt < 3) {
                    throw new IOException("connection reset");
                  }
                  return "ok";
                });
    assertThat(result).isEqualTo("ok");
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(pauses).hasSize(2);
    assertThat(pauses.get(1)).isGreaterThanOrEqualTo(100);
  }

  @Test
  void permanentFailuresAreRethrownAtOnce() {
    List<Integer> attempts = new ArrayList<>();
    IllegalStateException bug = new IllegalStateException("bug");
    assertThatThrownBy(
            () ->
                retrier(5)
                    .call(
                        "test",
                        Long.MAX_VALUE,
                        attempt -> {
                          attempts.add(attempt);
                          throw bug;
                        }))
        .isSameAs(bug);
    assertThat(attempts).containsExactly(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailure() {
    List<Integer> attempts = new ArrayList<>();
    assertThatThrownBy(
            () ->
                retrier(3)
                    .call(
                        "test",
                        Long.MAX_VALUE,
                        attempt -> {
                          attempts.add(attempt);
                          throw new IOException("failure " + attempt);
                        }))
        .hasMessage("failure 3");
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void startsNoAttemptAfterTheDeadline() {
    List<Integer> attempts = new ArrayList<>();
    assertThatThrownBy(
            () ->
                retrier(10)
                    .call(
                        "test",
                        250,
                        attempt -> {
                          attempts.add(attempt);
                          throw new IOException("failure " + attempt);
                        }))
        .isInstanceOf(IOException.class);
    assertThat(clock.get()).isLessThan(250);
    assertThat(attempts.size()).isLessThan(10);
  }
}
