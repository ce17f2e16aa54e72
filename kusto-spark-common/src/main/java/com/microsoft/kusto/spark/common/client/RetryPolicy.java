package com.microsoft.kusto.spark.common.client;

import java.io.Serializable;
import java.util.Random;

/**
 * How often and how patiently a transient failure (throttling, 5xx, a dropped connection) is retried: exponential
 * backoff with "equal jitter", so that many executors throttled at once do not retry in lock step, bounded by a
 * number of attempts and by a total time budget per operation (option {@code requestRetryTimeout}).
 */
public final class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The backoff before the second attempt of a request (before jitter). */
  public static final long INITIAL_DELAY_MILLIS = 1_000;
  /** The longest backoff between two attempts of a request, unless the service asks for more (Retry-After). */
  public static final long MAX_DELAY_MILLIS = 30_000;

  private final int maxAttempts;
  private final long initialDelayMillis;
  private final long maxDelayMillis;
  private final long budgetMillis;

  /**
   * A policy bounded by attempts only.
   *
   * @param maxAttempts attempts in all, including the first; at least 1
   * @param initialDelayMillis the backoff before the second attempt (before jitter)
   * @param maxDelayMillis the cap of any single backoff
   */
  public RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis) {
    this(maxAttempts, initialDelayMillis, maxDelayMillis, Long.MAX_VALUE);
  }

  /**
   * @param budgetMillis how long after the first attempt started a new attempt may still start
   */
  public RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis, long budgetMillis) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
    }
    if (initialDelayMillis < 0 || maxDelayMillis < initialDelayMillis) {
      throw new IllegalArgumentException(
          "Need 0 <= initialDelayMillis <= maxDelayMillis but got " + initialDelayMillis + " and " + maxDelayMillis);
    }
    if (budgetMillis < 0) {
      throw new IllegalArgumentException("budgetMillis must not be negative but was " + budgetMillis);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelayMillis = initialDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
    this.budgetMillis = budgetMillis;
  }

  /**
   * Every request the connector sends: as many attempts as fit in {@code budgetSeconds} (option
   * {@code requestRetryTimeout}), 1 s doubling to at most 30 s between them.
   */
  public static RetryPolicy forRequests(long budgetSeconds) {
    return new RetryPolicy(Integer.MAX_VALUE, INITIAL_DELAY_MILLIS, MAX_DELAY_MILLIS,
        Math.multiplyExact(budgetSeconds, 1000L));
  }

  /** One attempt, no retry. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, 0, 0);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The total time budget in milliseconds; {@code Long.MAX_VALUE} for none. */
  public long budgetMillis() {
    return budgetMillis;
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
        + ", maxDelayMillis=" + maxDelayMillis + ", budgetMillis=" + budgetMillis + "}";
  }
}
