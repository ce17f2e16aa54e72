package com.microsoft.kusto.emulator.store;

import com.microsoft.kusto.emulator.result.ResultTable;
import java.time.Instant;

/**
 * One asynchronous management operation ({@code .move async extents}, {@code .export async}, ...) as
 * {@code .show operations} reports it; {@code details} is what {@code .show operation <id> details} returns.
 */
public record Operation(
    String id,
    String operation,
    String database,
    Instant startedOn,
    Instant lastUpdatedOn,
    OperationState state,
    String status,
    boolean shouldRetry,
    String rootActivityId,
    String user,
    ResultTable details) {

  Operation finish(OperationState newState, String newStatus, boolean retry, ResultTable newDetails) {
    return new Operation(id, operation, database, startedOn, Instant.now(), newState, newStatus, retry, rootActivityId,
        user, newDetails);
  }
}
