package com.microsoft.kusto.spark.common.client;

import java.io.Serializable;

/**
 * How often a long-running Kusto operation is polled: quickly at first (most exports and moves finish in
 * seconds), then rarely, so a two-day {@code timeoutLimit} does not mean thousands of requests.
 */
public final class PollSchedule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long firstMillis;
  private final long capMillis;
  private final long patientAfterMillis;
  private final long patientCapMillis;

  /**
   * @param firstMillis the first pause; doubles after each poll
   * @param capMillis the longest pause while the operation is younger than {@code patientAfterMillis}
   * @param patientCapMillis the longest pause afterwards
   */
  public PollSchedule(long firstMillis, long capMillis, long patientAfterMillis, long patientCapMillis) {
    if (firstMillis < 1 || capMillis < firstMillis || patientCapMillis < capMillis || patientAfterMillis < 0) {
      throw new IllegalArgumentException("Need 1 <= first <= cap <= patientCap and patientAfter >= 0");
    }
    this.firstMillis = firstMillis;
    this.capMillis = capMillis;
    this.patientAfterMillis = patientAfterMillis;
    this.patientCapMillis = patientCapMillis;
  }

  /** 0.5 s doubling to 4 s for the first minute, then up to 30 s. */
  public static PollSchedule standard() {
    return new PollSchedule(500, 4_000, 60_000, 30_000);
  }

  /** The pause before the next poll, given the previous pause (0 before the first) and the time waited so far. */
  public long nextPauseMillis(long previousPauseMillis, long waitedMillis) {
    long cap = waitedMillis < patientAfterMillis ? capMillis : patientCapMillis;
    long next = previousPauseMillis <= 0 ? firstMillis : previousPauseMillis * 2;
    return Math.min(next, cap);
  }
}
