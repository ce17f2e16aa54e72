package com.microsoft.kusto.spark.common.client;

import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call under a {@link RetryPolicy}: transient failures (by a predicate, usually
 * {@link TransientFailures#isTransient}) are retried after a backoff, as long as attempts remain and the next
 * attempt would start before the deadline; anything else is rethrown at once.
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  /** One attempt of the call; {@code attempt} counts from 1 (used in client request ids). */
  public interface Attempt<T> {
    T run(int attempt) throws Exception;
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

  /**
   * @param description what is being attempted, for the log (must hold no secret)
   * @param deadlineMillis wall-clock time after which no new attempt starts; {@code Long.MAX_VALUE} for none
   * @throws Exception the last failure, unchanged, once retrying stops
   */
  public <T> T call(String description, long deadlineMillis, Attempt<T> attempt) throws Exception {
    for (int n = 1; ; n++) {
      try {
        return attempt.run(n);
      } catch (Exception failure) {
        if (n >= policy.maxAttempts() || !retryable.test(failure)) {
          throw failure;
        }
        long pause = policy.backoffMillis(n, random);
        if (clockMillis.getAsLong() + pause >= deadlineMillis) {
          throw failure;
        }
        LOG.warn(
            "{} failed on attempt {} of {} ({}); retrying in {} ms",
            description,
            n,
            policy.maxAttempts(),
            failure.getClass().getSimpleName(),
            pause);
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
}
