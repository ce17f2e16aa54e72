package com.microsoft.kusto.spark.common.client;

import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an async Kusto operation ({@code .export async}, {@code .move async extents}) by polling
 * {@code .show operations <id>} on a {@link PollSchedule}, until it leaves {@code InProgress} or the deadline
 * passes. Progress is logged at INFO, so a long export is visibly alive.
 */
public final class OperationPoller {
  private static final Logger LOG = LoggerFactory.getLogger(OperationPoller.class);

  private final KustoRequestRunner runner;
  private final PollSchedule schedule;
  private final Retrier.Sleeper sleeper;
  private final LongSupplier clockMillis;

  public OperationPoller(KustoRequestRunner runner, PollSchedule schedule) {
    this(runner, schedule, Thread::sleep, System::currentTimeMillis);
  }

  public OperationPoller(
      KustoRequestRunner runner, PollSchedule schedule, Retrier.Sleeper sleeper, LongSupplier clockMillis) {
    this.runner = runner;
    this.schedule = schedule;
    this.sleeper = sleeper;
    this.clockMillis = clockMillis;
  }

  /**
   * @param activity what the operation does, for logs and errors (e.g. {@code "export query results"})
   * @return the outcome once the operation is no longer in progress (succeeded or not: the caller decides)
   * @throws KustoConnectorException with {@link ErrorCode#TIMEOUT} when the deadline passes first; the message
   *     says how to follow the operation, which goes on in Kusto
   */
  public OperationOutcome await(String activity, UUID operationId, long deadlineMillis) {
    long started = clockMillis.getAsLong();
    long pause = 0;
    int polls = 0;
    while (true) {
      OperationOutcome outcome = poll(activity, operationId, deadlineMillis);
      polls++;
      if (!OperationOutcome.isPending(outcome.state())) {
        LOG.info("{}: {} after {} ms and {} polls", activity, outcome, clockMillis.getAsLong() - started, polls);
        return outcome;
      }
      long now = clockMillis.getAsLong();
      pause = schedule.nextPauseMillis(pause, now - started);
      if (now + pause > deadlineMillis) {
        throw new KustoConnectorException(
            ErrorCode.TIMEOUT,
            KustoConnectorException.message(
                "wait for " + activity + " (operation " + operationId + ")",
                "it was still " + outcome.state() + " after " + (now - started) / 1000 + " s, the limit",
                "The operation goes on in Kusto: follow it with '.show operations " + operationId
                    + "', or raise 'timeoutLimit' (seconds)."));
      }
      if (polls % 10 == 0) {
        LOG.info("{}: operation {} still {} after {} s", activity, operationId, outcome.state(), (now - started) / 1000);
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KustoConnectorException(
            ErrorCode.TIMEOUT,
            KustoConnectorException.message(
                "wait for " + activity + " (operation " + operationId + ")",
                "the waiting thread was interrupted",
                "The operation goes on in Kusto: follow it with '.show operations " + operationId + "'."),
            e);
      }
    }
  }

  private OperationOutcome poll(String activity, UUID operationId, long deadlineMillis) {
    KustoOperationResult result =
        runner.command("poll " + activity, KustoCommands.showOperation(operationId), deadlineMillis);
    KustoResultSetTable table = result.getPrimaryResults();
    if (!table.next()) {
      // Kusto answers with no row for a few moments right after an async command is accepted.
      return new OperationOutcome(operationId, "", "");
    }
    return new OperationOutcome(operationId, table.getString("State"), table.getString("Status"));
  }
}
