package com.microsoft.kusto.emulator.store;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.result.ResultTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of asynchronous operations, shared by every command that answers with an operation id. Work either runs
 * on the registry's own threads ({@link #run}) or is driven by its owner ({@link #begin}, {@link #complete},
 * {@link #fail}).
 */
public final class OperationRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperationRegistry.class);

  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final Faults faults;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kusto-emulator-operation");
        t.setDaemon(true);
        return t;
      });

  public OperationRegistry() {
    this(new Faults());
  }

  /** @param faults asked before each {@link #run} whether the operation must fail ({@link Faults#failOperations}) */
  public OperationRegistry(Faults faults) {
    this.faults = faults;
  }

  /** Registers an operation in state InProgress and returns its id. */
  public String begin(String operationName, String database, String rootActivityId, String user) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    operations.put(id, new Operation(id, operationName, database, now, now, OperationState.InProgress, "", false,
        rootActivityId, user, null));
    return id;
  }

  public void complete(String id, ResultTable details) {
    operations.computeIfPresent(id, (k, op) -> op.finish(OperationState.Completed, "", false, details));
  }

  /** Marks the operation Failed with {@code status} (the error text shown in the Status column). */
  public void fail(String id, String status, boolean shouldRetry) {
    operations.computeIfPresent(id, (k, op) -> op.finish(OperationState.Failed, status, shouldRetry, null));
  }

  /** Begins an operation and runs {@code work} in the background; its result becomes the operation's details. */
  public String run(String operationName, String database, String rootActivityId, String user,
      Supplier<ResultTable> work) {
    String id = begin(operationName, database, rootActivityId, user);
    if (faults.takeOperationFailure(operationName)) {
      // An injected failure: the work does not run, as when the service gives up on the operation.
      fail(id, "Injected fault: " + operationName + " operation failed (KustoEmulator.faults())", true);
      return id;
    }
    workers.execute(() -> {
      try {
        complete(id, work.get());
      } catch (KustoRequestException e) {
        fail(id, e.getMessage(), !e.permanent());
      } catch (RuntimeException e) {
        LOG.warn("Operation {} ({}) failed", id, operationName, e);
        fail(id, String.valueOf(e.getMessage()), false);
      }
    });
    return id;
  }

  public Optional<Operation> find(String id) {
    return Optional.ofNullable(operations.get(id));
  }

  public List<Operation> all() {
    return operations.values().stream().sorted(Comparator.comparing(Operation::startedOn)).toList();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
