package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.kusto.spark.common.client.PollSchedule;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every queued blob's status-table row leaves {@code Pending}, polling on a {@link PollSchedule}
 * (quickly at first, rarely later), within a deadline. A failed read of the status table is retried at the next
 * poll: the row is written by the service and read with a SAS, both of which may hiccup.
 */
final class IngestionStatusPoller {
  private static final Logger LOG = LoggerFactory.getLogger(IngestionStatusPoller.class);

  private final PollSchedule schedule;

  IngestionStatusPoller(PollSchedule schedule) {
    this.schedule = schedule;
  }

  /** The final status of every blob, in the given order. */
  List<BlobStatus> await(String table, String requestId, List<QueuedBlob> blobs, long deadlineMillis) {
    Map<QueuedBlob, BlobStatus> done = new LinkedHashMap<>();
    long started = System.currentTimeMillis();
    long pause = 0;
    String lastReadFailure = null;
    while (true) {
      for (QueuedBlob blob : blobs) {
        if (done.containsKey(blob)) {
          continue;
        }
        try {
          List<IngestionStatus> statuses = blob.result().getIngestionStatusCollection();
          IngestionStatus status = statuses.isEmpty() ? null : statuses.get(0);
          if (status != null && !"Pending".equals(status.getStatus()) && !"Queued".equals(status.getStatus())) {
            done.put(blob, BlobStatus.of(blob, status));
          }
        } catch (Exception e) {
          lastReadFailure = e.getClass().getSimpleName() + ": " + Secrets.redact(String.valueOf(e.getMessage()));
          LOG.debug("Reading the ingestion status of {} failed; retrying: {}", blob, lastReadFailure);
        }
      }
      if (done.size() == blobs.size()) {
        List<BlobStatus> ordered = new ArrayList<>();
        for (QueuedBlob blob : blobs) {
          ordered.add(done.get(blob));
        }
        return ordered;
      }
      long now = System.currentTimeMillis();
      pause = schedule.nextPauseMillis(pause, now - started);
      if (now + pause > deadlineMillis) {
        throw new KustoConnectorException(ErrorCode.TIMEOUT, KustoConnectorException.message(
            "wait for the ingestion into table '" + table + "' (request id '" + requestId + "')",
            (blobs.size() - done.size()) + " of " + blobs.size() + " blobs were still pending after "
                + (now - started) / 1000 + " s" + (lastReadFailure == null ? ""
                    : "; the last status read failed with " + lastReadFailure),
            "Raise 'timeoutLimit' (seconds), or use smaller writes."));
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KustoConnectorException(ErrorCode.TIMEOUT, KustoConnectorException.message(
            "wait for the ingestion into table '" + table + "' (request id '" + requestId + "')",
            "the waiting thread was interrupted", ""), e);
      }
    }
  }
}
