package com.microsoft.kusto.spark.common.client;

import com.microsoft.kusto.spark.common.util.Secrets;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call under a {@link RetryPolicy}: transient failures (by a predicate, usually
 * {@link TransientFailures#isTransient}) are retried after a backoff, or after the pause the service asked for
 * ({@code Retry-After}) when that is longer, as long as attempts remain and the next attempt would start within both
 * the policy's time budget and the caller's deadline; anything else is rethrown at once. Each decision is logged at
 * INFO, secrets redacted.
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  /** One attempt of the call; {@code attempt} counts from 1 (used in client request ids). */
  public interface Attempt<T> {
    T run(int attempt) throws Exception;
  }

  /** The pause the service asked for after a failed attempt ({@code Retry-After}), or a negative value for none. */
  public interface RetryAfter {
    long millisAfter(int failedAttempt);
  }

  /** Waits between attempts; a seam so that tests need not sleep. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Predicate<Throwable> retryable;
  private final Sleeper sleeper;
  private final LongSupplier clockMillis;
  private final Random random;

  public Retrier(RetryPolicy policy, Predicate<Throwable> retryable) {
    this(policy, retryable, Thread::sleep, System::currentTimeMillis, new Random());
  }

  /** The standard retrier of every request: {@link TransientFailures#isTransient} under {@code policy}. */
  public static Retrier forRequests(RetryPolicy policy) {
    return new Retrier(policy, TransientFailures::isTransient);
  }

  public Retrier(
      RetryPolicy policy,
      Predicate<Throwable> retryable,
      Sleeper sleeper,
      LongSupplier clockMillis,
      Random random) {
    this.policy = policy;
    this.retryable = retryable;
    this.sleeper = sleeper;
    this.clockMillis = clockMillis;
    this.random = random;
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** {@link #call(String, long, Attempt, RetryAfter)} without hints from the service. */
  public <T> T call(String description, long deadlineMillis, Attempt<T> attempt) throws Exception {
    return call(description, deadlineMillis, attempt, failed -> -1);
  }

  /**
   * @param description what is being attempted, for the log (must hold no secret)
   * @param deadlineMillis wall-clock time after which no new attempt starts; {@code Long.MAX_VALUE} for none
   * @param retryAfter the service's requested pause after a failed attempt
   * @throws RetriesExhaustedException when a transient failure outlasts the attempts or the time available
   * @throws Exception a failure that is not transient, unchanged, at once
   */
  public <T> T call(String description, long deadlineMillis, Attempt<T> attempt, RetryAfter retryAfter)
      throws Exception {
    long start = clockMillis.getAsLong();
    long budgetEnd = saturatedSum(start, policy.budgetMillis());
    long end = Math.min(deadlineMillis, budgetEnd);
    for (int n = 1; ; n++) {
      try {
        return attempt.run(n);
      } catch (Exception failure) {
        if (!retryable.test(failure)) {
          throw failure;
        }
        long now = clockMillis.getAsLong();
        long pause = Math.max(policy.backoffMillis(n, random), retryAfter.millisAfter(n));
        if (n >= policy.maxAttempts() || saturatedSum(now, pause) >= end) {
          LOG.info("{} failed on attempt {} ({}); not retried: {}", description, n, summary(failure),
              n >= policy.maxAttempts() ? "no attempts left" : "the retry time budget is spent");
          throw new RetriesExhaustedException(description, n, now - start, failure);
        }
        LOG.info("{} failed on attempt {} ({}); retrying in {} ms", description, n, summary(failure), pause);
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          failure.addSuppressed(interrupted);
          throw failure;
        }
      }
    }
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static String summary(Exception failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    return failure.getClass().getSimpleName() + ": " + Secrets.redact(message);
  }
}
