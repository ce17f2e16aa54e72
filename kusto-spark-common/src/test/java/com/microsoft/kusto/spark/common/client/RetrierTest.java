package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import com.microsoft.kusto.spark.common.util.LogCapture;
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
  void givesUpAfterMaxAttemptsSayingHowOftenWithTheLastFailure() {
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
        .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.last()).hasMessage("failure 3");
          assertThat(e.throttled()).isFalse();
        })
        .hasMessageStartingWith("test failed 3 times over 0.");
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void theTimeBudgetBoundsTheRetriesOfOneCall() {
    Retrier budgeted = new Retrier(new RetryPolicy(Integer.MAX_VALUE, 100, 1_000, 5_000),
        TransientFailures::isTransient, millis -> clock.addAndGet(millis), clock::get, new Random(1));
    List<Integer> attempts = new ArrayList<>();
    assertThatThrownBy(() -> budgeted.call("test", Long.MAX_VALUE, attempt -> {
      attempts.add(attempt);
      throw new ThrottleException("https://c");
    })).isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
      assertThat(e.throttled()).isTrue();
      assertThat(e.elapsedMillis()).isLessThan(5_000).isGreaterThan(2_000);
    });
    assertThat(clock.get()).isLessThan(5_000);
    assertThat(attempts.size()).isGreaterThan(3);
  }

  @Test
  void aLongerRetryAfterFromTheServiceReplacesTheBackoff() throws Exception {
    String result = retrier(5).call("test", Long.MAX_VALUE, attempt -> {
      if (attempt == 1) {
        throw new ThrottleException("https://c");
      }
      return "ok";
    }, failed -> failed == 1 ? 7_000 : -1);
    assertThat(result).isEqualTo("ok");
    assertThat(pauses).containsExactly(7_000L);
  }

  @Test
  void aRetryAfterBeyondTheDeadlineEndsTheRetries() {
    List<Integer> attempts = new ArrayList<>();
    assertThatThrownBy(() -> retrier(5).call("test", 5_000, attempt -> {
      attempts.add(attempt);
      throw new ThrottleException("https://c");
    }, failed -> 60_000)).isInstanceOf(RetriesExhaustedException.class);
    assertThat(attempts).containsExactly(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void eachRetryDecisionIsLoggedAtInfoWithoutSecrets() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      retrier(3).call("queue blob", Long.MAX_VALUE, attempt -> {
        if (attempt == 1) {
          throw new IOException("reset while sending https://a.blob.core.windows.net/c/b?sv=1&sig=SECRETSIG");
        }
        return "ok";
      });
      assertThat(log.text()).contains("INFO").contains("queue blob failed on attempt 1").contains("retrying in")
          .contains("sig=****").doesNotContain("SECRETSIG");
    }
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
        .isInstanceOf(RetriesExhaustedException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(clock.get()).isLessThan(250);
    assertThat(attempts.size()).isLessThan(10);
  }
}
