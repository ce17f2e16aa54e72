package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backoffDoublesWithJitterInTheUpperHalfAndStopsAtTheCap() {
    RetryPolicy policy = new RetryPolicy(10, 1_000, 8_000);
    Random random = new Random(42);
    long[][] expectedRanges = {{500, 1_000}, {1_000, 2_000}, {2_000, 4_000}, {4_000, 8_000}, {4_000, 8_000}};
    for (int failed = 1; failed <= expectedRanges.length; failed++) {
      for (int sample = 0; sample < 200; sample++) {
        assertThat(policy.backoffMillis(failed, random))
            .as("backoff after %s failures", failed)
            .isBetween(expectedRanges[failed - 1][0], expectedRanges[failed - 1][1]);
      }
    }
  }

  @Test
  void jitterSpreadsRetriesOfManyClients() {
    RetryPolicy policy = new RetryPolicy(5, 1_000, 16_000);
    Random random = new Random(7);
    long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> policy.backoffMillis(3, random)).distinct().count();
    assertThat(distinct).isGreaterThan(50);
  }

  @Test
  void noRetriesMeansOneAttemptAndNoPause() {
    assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.noRetries().backoffMillis(1, new Random())).isZero();
  }

  @Test
  void requestPoliciesAreBoundedByTheirTimeBudgetNotByACount() {
    RetryPolicy policy = RetryPolicy.forRequests(600);
    assertThat(policy.budgetMillis()).isEqualTo(600_000L);
    assertThat(policy.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
    // The backoff doubles from 1 s and stops growing at 30 s.
    assertThat(policy.backoffMillis(20, new Random(1))).isBetween(15_000L, 30_000L);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(3, 1, 1, -1)).hasMessageContaining("budgetMillis must not be negative");
    assertThatThrownBy(() -> new RetryPolicy(0, 1, 1)).hasMessageContaining("maxAttempts must be at least 1 but was 0");
    assertThatThrownBy(() -> new RetryPolicy(3, 10, 5)).hasMessageContaining("initialDelayMillis <= maxDelayMillis");
  }
}
