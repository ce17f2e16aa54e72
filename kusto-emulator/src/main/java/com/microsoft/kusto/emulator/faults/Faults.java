package com.microsoft.kusto.emulator.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Fault injection, so reliability code can be tested: answer the next N requests of a kind with an error status,
 * add latency, fail the ingestion of chosen blobs, fail or stall exports. Thread-safe; {@link #clear()} restores
 * normal behaviour.
 */
public final class Faults {
  /**
   * A pseudo status for {@link #failNext} and {@link #failEvery}: the connection is closed without an answer, as a
   * reset connection or a load balancer dropping it would look to the client.
   */
  public static final int CONNECTION_RESET = -1;

  private record PendingFailures(int remaining, int status) {}

  private record Periodic(int every, int status, Predicate<String> applies, AtomicInteger seen) {}

  private final Map<RequestKind, PendingFailures> failures = new EnumMap<>(RequestKind.class);
  private final Map<RequestKind, Periodic> periodic = new ConcurrentHashMap<>();
  private final Map<RequestKind, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final AtomicReference<Duration> retryAfter = new AtomicReference<>();
  private final Map<String, Integer> failingOperations = new ConcurrentHashMap<>();
  private final Map<RequestKind, Duration> latencies = new ConcurrentHashMap<>();
  private final AtomicReference<Predicate<String>> failingBlobs = new AtomicReference<>(name -> false);
  private final AtomicReference<String> exportFailure = new AtomicReference<>();
  private final AtomicReference<Duration> exportStall = new AtomicReference<>(Duration.ZERO);

  /**
   * Answers the next {@code count} requests of {@code kind} with HTTP {@code status} (429 → the SDK's
   * ThrottleException; 5xx → a transient OneApi error).
   */
  public Faults failNext(RequestKind kind, int count, int status) {
    if (count < 0 || !validStatus(status)) {
      throw new IllegalArgumentException("failNext needs count >= 0 and an error status 400..599 or"
          + " CONNECTION_RESET, got count=" + count + " status=" + status);
    }
    synchronized (failures) {
      failures.put(kind, new PendingFailures(count, status));
    }
    return this;
  }

  /**
   * Answers one request in {@code every} of {@code kind} (the first, the {@code every+1}-th, ...: so an operation's
   * first request of that kind meets the fault) with
   * HTTP {@code status} or {@link #CONNECTION_RESET}, until cleared: a steady share of failures, as on a busy
   * cluster, that every request of an operation meets. Requests failed by {@link #failNext} come first and are not
   * counted here.
   */
  public Faults failEvery(RequestKind kind, int every, int status) {
    return failEvery(kind, every, status, text -> true);
  }

  /**
   * {@link #failEvery(RequestKind, int, int)} counting only the requests whose text (query or command; the path
   * for streaming ingestion) {@code applies} accepts: for example every command but those a client must not send
   * twice, to test that it does not.
   */
  public Faults failEvery(RequestKind kind, int every, int status, Predicate<String> applies) {
    if (every < 1 || !validStatus(status)) {
      throw new IllegalArgumentException("failEvery needs every >= 1 and an error status 400..599 or"
          + " CONNECTION_RESET, got every=" + every + " status=" + status);
    }
    periodic.put(kind, new Periodic(every, status, applies, new AtomicInteger()));
    return this;
  }

  /** Throttled (429) and unavailable (503) answers carry {@code Retry-After} with this pause, whole seconds. */
  public Faults retryAfter(Duration pause) {
    retryAfter.set(pause);
    return this;
  }

  /** The {@code Retry-After} pause of injected 429 and 503 answers, if set. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter.get());
  }

  /** How many requests of {@code kind} were failed by {@link #failNext} or {@link #failEvery} since the last clear. */
  public int injected(RequestKind kind) {
    AtomicInteger count = injected.get(kind);
    return count == null ? 0 : count.get();
  }

  private void countInjected(RequestKind kind) {
    injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
  }

  private static boolean validStatus(int status) {
    return status == CONNECTION_RESET || (status >= 400 && status <= 599);
  }

  /**
   * The status to fail this request with ({@link #CONNECTION_RESET} for no answer), consuming one pending failure
   * of its kind, else counting it against a {@link #failEvery} rule.
   */
  public Optional<Integer> takeFailure(RequestKind kind) {
    return takeFailure(kind, "");
  }

  /** {@link #takeFailure(RequestKind)} for a request with this text, which {@link #failEvery} rules may select on. */
  public Optional<Integer> takeFailure(RequestKind kind, String text) {
    synchronized (failures) {
      PendingFailures pending = failures.get(kind);
      if (pending == null || pending.remaining() <= 0) {
        Periodic rule = periodic.get(kind);
        if (rule != null && rule.applies().test(text) && (rule.seen().incrementAndGet() - 1) % rule.every() == 0) {
          countInjected(kind);
          return Optional.of(rule.status());
        }
        return Optional.empty();
      }
      failures.put(kind, new PendingFailures(pending.remaining() - 1, pending.status()));
      countInjected(kind);
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

  /**
   * Makes the next {@code count} asynchronous operations named {@code operationName} (as {@code .show operations}
   * names them, for example {@code ExtentsMove}) end {@code Failed} without doing their work.
   */
  public Faults failOperations(String operationName, int count) {
    failingOperations.put(operationName.toLowerCase(java.util.Locale.ROOT), count);
    return this;
  }

  /** Whether this operation must fail, consuming one pending failure of its name; read by the operation log. */
  public boolean takeOperationFailure(String operationName) {
    String key = operationName.toLowerCase(java.util.Locale.ROOT);
    int[] taken = {0};
    failingOperations.computeIfPresent(key, (k, remaining) -> {
      taken[0] = remaining > 0 ? 1 : 0;
      return remaining > 1 ? remaining - 1 : null;
    });
    return taken[0] == 1;
  }

  /** Removes every injected fault. */
  public void clear() {
    synchronized (failures) {
      failures.clear();
    }
    periodic.clear();
    injected.clear();
    failingOperations.clear();
    retryAfter.set(null);
    latencies.clear();
    failingBlobs.set(name -> false);
    exportFailure.set(null);
    exportStall.set(Duration.ZERO);
  }
}
