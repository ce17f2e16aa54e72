package com.microsoft.kusto.spark.read;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.ReadMode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the read mode of one Spark action when {@code readMode} is not set: the filtered query's {@code | count}
 * runs with a short deadline; at most {@value #SINGLE_MODE_MAX_ROWS} rows read in single mode, anything larger — or
 * a count that does not answer in time, or stays throttled — in distributed mode, which copes with any size. A count
 * that fails for any other reason (authentication, permission, a syntax or semantic error) fails the read at once
 * with that error: the read itself would fail the same way, only later. The decision is logged.
 */
public final class ReadModeChooser {
  /** The largest row count read in single mode. */
  public static final long SINGLE_MODE_MAX_ROWS = 5000;
  /** How long the count may take before distributed mode is chosen without it. */
  public static final long COUNT_DEADLINE_MILLIS = 5000;

  private static final Logger LOG = LoggerFactory.getLogger(ReadModeChooser.class);
  private static final ExecutorService COUNTS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "kusto-read-mode-count");
    thread.setDaemon(true);
    return thread;
  });

  private ReadModeChooser() {}

  /** The configured mode, or the automatic choice for the filtered query {@code countKql} (ending in count). */
  public static ReadMode choose(ReadConfig config, String countKql) {
    if (config.getReadMode() != null) {
      return config.getReadMode();
    }
    long deadline = System.currentTimeMillis() + COUNT_DEADLINE_MILLIS;
    CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> {
      KustoResultSetTable result =
          KustoClients.engineRunner(config.getConnection()).query("count rows", countKql, deadline)
              .getPrimaryResults();
      result.next();
      return result.getLong(0);
    }, COUNTS);
    try {
      long rows = count.get(COUNT_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
      ReadMode mode = rows <= SINGLE_MODE_MAX_ROWS ? ReadMode.ForceSingleMode : ReadMode.ForceDistributedMode;
      LOG.info("Read mode {}: the query returns {} rows (single mode up to {}); request id {}", mode, rows,
          SINGLE_MODE_MAX_ROWS, config.getConnection().getRequestId());
      return mode;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      count.cancel(true);
      return ReadMode.ForceDistributedMode;
    } catch (TimeoutException e) {
      count.cancel(true);
      LOG.warn("Read mode ForceDistributedMode: the row count did not answer within {} ms; request id {}",
          COUNT_DEADLINE_MILLIS, config.getConnection().getRequestId());
      return ReadMode.ForceDistributedMode;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KustoConnectorException
          && ((KustoConnectorException) cause).getErrorCode() == ErrorCode.RETRIES_EXHAUSTED) {
        LOG.warn("Read mode ForceDistributedMode: the row count stayed throttled or unavailable within {} ms ({});"
            + " request id {}", COUNT_DEADLINE_MILLIS, cause.getMessage(), config.getConnection().getRequestId());
        return ReadMode.ForceDistributedMode;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new KustoConnectorException(ErrorCode.INTERNAL_ERROR, KustoConnectorException.message(
          "count the rows of the query to choose the read mode", String.valueOf(cause),
          "Set 'readMode' to skip the count, and report this."));
    }
  }
}
