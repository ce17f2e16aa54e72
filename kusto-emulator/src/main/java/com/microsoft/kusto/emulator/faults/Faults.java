package com.microsoft.kusto.emulator.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Fault injection, so reliability code can be tested: answer the next N requests of a kind with an error status,
 * add latency, fail the ingestion of chosen blobs, fail or stall exports. Thread-safe; {@link #clear()} restores
 * normal behaviour.
 */
public final class Faults {
  private record PendingFailures(int remaining, int status) {}

  private final Map<RequestKind, PendingFailures> failures = new EnumMap<>(RequestKind.class);
  private final Map<RequestKind, Duration> latencies = new ConcurrentHashMap<>();
  private final AtomicReference<Predicate<String>> failingBlobs = new AtomicReference<>(name -> false);
  private final AtomicReference<String> exportFailure = new AtomicReference<>();
  private final AtomicReference<Duration> exportStall = new AtomicReference<>(Duration.ZERO);

  /**
   * Answers the next {@code count} requests of {@code kind} with HTTP {@code status} (429 → the SDK's
   * ThrottleException; 5xx → a transient OneApi error).
   */
  public Faults failNext(RequestKind kind, int count, int status) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "failNext needs count >= 0 and an error status 400..599, got count=" + count + " status=" + status);
    }
    synchronized (failures) {
      failures.put(kind, new PendingFailures(count, status));
    }
    return this;
  }

  /** The status to fail this request with, consuming one pending failure of its kind. */
  public Optional<Integer> takeFailure(RequestKind kind) {
    synchronized (failures) {
      PendingFailures pending = failures.get(kind);
      if (pending == null || pending.remaining() <= 0) {
        return Optional.empty();
      }
      failures.put(kind, new PendingFailures(pending.remaining() - 1, pending.status()));
      return Optional.of(pending.status());
    }
  }

  /** Delays every request of {@code kind} by {@code latency} before it is handled. */
  public Faults addLatency(RequestKind kind, Duration latency) {
    latencies.put(kind, latency);
    return this;
  }

  public Duration latency(RequestKind kind) {
    return latencies.getOrDefault(kind, Duration.ZERO);
  }

  /** Makes queued/streaming ingestion of every blob whose name matches fail (permanently). */
  public Faults failIngestionOfBlobs(Predicate<String> blobName) {
    failingBlobs.set(blobName);
    return this;
  }

  /** Whether ingestion of this blob (name or URL without SAS) must fail; read by the ingestion service. */
  public boolean shouldFailIngestion(String blobName) {
    return failingBlobs.get().test(blobName);
  }

  /** Makes the next exports fail with {@code message} (until cleared). */
  public Faults failExports(String message) {
    exportFailure.set(message);
    return this;
  }

  /** The failure message exports must end with, if set; read by the export service. */
  public Optional<String> exportFailure() {
    return Optional.ofNullable(exportFailure.get());
  }

  /** Keeps exports InProgress for {@code stall} before they do their work. */
  public Faults stallExports(Duration stall) {
    exportStall.set(stall);
    return this;
  }

  public Duration exportStall() {
    return exportStall.get();
  }

  /** Removes every injected fault. */
  public void clear() {
    synchronized (failures) {
      failures.clear();
    }
    latencies.clear();
    failingBlobs.set(name -> false);
    exportFailure.set(null);
    exportStall.set(Duration.ZERO);
  }
}
