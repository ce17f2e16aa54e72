package com.microsoft.kusto.emulator.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ingestion times, strictly increasing across the whole store at the store's microsecond precision. A database
 * cursor is an ingestion time, so two commits never share one and a later commit never gets an earlier one: rows a
 * reader saw at or before a cursor are exactly the rows {@code cursor_before_or_at} selects afterwards.
 */
final class IngestionClock {
  private Instant last = Instant.EPOCH;

  /** The next ingestion time: now, or just after the previous one if the wall clock has not moved past it. */
  synchronized Instant next() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
    return last;
  }

  /** Never hands out a time at or before {@code seen} (an ingestion time reloaded from a persisted database). */
  synchronized void observe(Instant seen) {
    if (seen != null && seen.isAfter(last)) {
      last = seen;
    }
  }
}
