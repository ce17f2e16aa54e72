package com.microsoft.kusto.spark.common.client;

import java.io.Serializable;
import java.util.Random;

/**
 * How often and how patiently a transient failure (throttling, 5xx, a dropped connection) is retried: exponential
 * backoff with "equal jitter", so that many executors throttled at once do not retry in lock step.
 */
public final class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int maxAttempts;
  private final long initialDelayMillis;
  private final long maxDelayMillis;

  /**
   * @param maxAttempts attempts in all, including the first; at least 1
   * @param initialDelayMillis the backoff before the second attempt (before jitter)
   * @param maxDelayMillis the cap of any single backoff
   */
  public RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
    }
    if (initialDelayMillis < 0 || maxDelayMillis < initialDelayMillis) {
      throw new IllegalArgumentException(
          "Need 0 <= initialDelayMillis <= maxDelayMillis but got " + initialDelayMillis + " and " + maxDelayMillis);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelayMillis = initialDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
  }

  /** Requests to the engine: 5 attempts, 1 s doubling to at most 16 s (about 30 s of patience in all). */
  public static RetryPolicy forRequests() {
    return new RetryPolicy(5, 1_000, 16_000);
  }

  /** One attempt, no retry. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, 0, 0);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The pause after {@code failedAttempts} failures: half of the exponential step for sure, the other half at
   * random, never above the cap.
   */
  public long backoffMillis(int failedAttempts, Random random) {
    if (failedAttempts < 1 || initialDelayMillis == 0) {
      return 0;
    }
    long step = initialDelayMillis;
    for (int i = 1; i < failedAttempts && step < maxDelayMillis; i++) {
      step *= 2;
    }
    step = Math.min(step, maxDelayMillis);
    long half = step / 2;
    return half + (long) (random.nextDouble() * (step - half));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelayMillis=" + initialDelayMillis
        + ", maxDelayMillis=" + maxDelayMillis + "}";
  }
}
