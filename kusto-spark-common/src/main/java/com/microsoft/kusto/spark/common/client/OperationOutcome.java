package com.microsoft.kusto.spark.common.client;

import java.util.Locale;
import java.util.UUID;

/** The final state of an async Kusto operation, as {@code .show operations <id>} reports it. */
public final class OperationOutcome {
  private final UUID operationId;
  private final String state;
  private final String status;

  public OperationOutcome(UUID operationId, String state, String status) {
    this.operationId = operationId;
    this.state = state;
    this.status = status == null ? "" : status;
  }

  /** Kusto states that mean "not finished yet". */
  static boolean isPending(String state) {
    String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
    return s.equals("inprogress") || s.equals("scheduled") || s.isEmpty();
  }

  public UUID operationId() {
    return operationId;
  }

  /** For example {@code Completed}, {@code Failed}, {@code PartiallySucceeded}, {@code Abandoned}. */
  public String state() {
    return state;
  }

  /** Kusto's status text; for failures the reason. */
  public String status() {
    return status;
  }

  public boolean succeeded() {
    return "completed".equalsIgnoreCase(state);
  }

  @Override
  public String toString() {
    return "operation " + operationId + ": " + state + (status.isEmpty() ? "" : " (" + status + ")");
  }
}
