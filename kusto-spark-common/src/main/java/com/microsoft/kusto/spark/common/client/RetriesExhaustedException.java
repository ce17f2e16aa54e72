package com.microsoft.kusto.spark.common.client;

import com.microsoft.kusto.spark.common.util.Secrets;

/**
 * A transient failure that kept coming back until the retry policy's attempts or time budget ran out. Carries how
 * many attempts were made over how long, and the last failure as its cause, so the error the user sees can say
 * what happened (throttled, or unavailable) and what to change.
 */
public final class RetriesExhaustedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final long elapsedMillis;
  private final boolean throttled;

  RetriesExhaustedException(String description, int attempts, long elapsedMillis, Exception last) {
    super(description + " failed " + attempts + " times over " + seconds(elapsedMillis) + " s; the last failure: "
        + Secrets.redact(String.valueOf(last.getMessage())), last);
    this.attempts = attempts;
    this.elapsedMillis = elapsedMillis;
    this.throttled = TransientFailures.isThrottling(last);
  }

  public int attempts() {
    return attempts;
  }

  public long elapsedMillis() {
    return elapsedMillis;
  }

  /** Whether the last answer was throttling (HTTP 429), rather than the service being unavailable or unreachable. */
  public boolean throttled() {
    return throttled;
  }

  /** The last failure. */
  public Exception last() {
    return (Exception) getCause();
  }

  /** {@code 12.3}: elapsed time for messages. */
  public static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
  }
}
