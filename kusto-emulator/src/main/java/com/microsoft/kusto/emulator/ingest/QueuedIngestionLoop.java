package com.microsoft.kusto.emulator.ingest;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.BlobLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-management side of queued ingestion: polls the ready-for-aggregation queue in Azurite, downloads each
 * message's blob, loads it as one extent, writes the outcome to the status-table row the SDK polls, and deletes
 * the message. Started and stopped by the emulator.
 */
public final class QueuedIngestionLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueuedIngestionLoop.class);
  /** Short, so ingestion feels prompt; a receive on an empty Azurite queue is cheap. */
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final Duration VISIBILITY = Duration.ofMinutes(5);

  private final AzuriteStorage storage;
  private final IngestionExecutor executor;
  private final BlobDownloader downloader;
  private final IngestionStatusWriter statusWriter;
  private final IngestionQueueReporter queueReporter;
  private final QueueClient queue;
  private volatile Thread thread;
  private volatile boolean running;

  public QueuedIngestionLoop(AzuriteStorage storage, IngestionExecutor executor) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.downloader = new BlobDownloader(storage);
    this.statusWriter = new IngestionStatusWriter(storage::table);
    this.queue = storage.queue(AzuriteStorage.READY_QUEUE);
    this.queueReporter =
        new IngestionQueueReporter(
            storage.queue(AzuriteStorage.SUCCESS_QUEUE), storage.queue(AzuriteStorage.FAILURE_QUEUE));
  }

  public synchronized QueuedIngestionLoop start() {
    if (thread == null) {
      running = true;
      thread = new Thread(this::run, "kusto-emulator-queued-ingestion");
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  private void run() {
    while (running) {
      try {
        if (pollOnce() == 0) {
          Thread.sleep(IDLE_POLL.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Queued ingestion poll failed; retrying: {}", e.toString());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Receives and processes one batch of messages; returns how many there were. */
  int pollOnce() {
    int count = 0;
    for (QueueMessageItem item : queue.receiveMessages(32, VISIBILITY, null, null)) {
      count++;
      process(item.getBody().toString());
      queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
    }
    return count;
  }

  private void process(String messageText) {
    IngestionMessage message;
    try {
      message = IngestionMessage.parse(messageText);
    } catch (KustoRequestException e) {
      // Nothing to report to: without an id there is no status row. Dropping the message is what Kusto does.
      LOG.warn("Dropping an unreadable ingestion message: {}", e.getMessage());
      return;
    }
    String source = message.blobPath();
    Path file = null;
    try {
      BlobLocation blob = BlobLocation.parse(message.blobPath());
      source = blob.withoutSas();
      IngestionProperties properties =
          IngestionProperties.fromMap(message.additionalProperties(), message.flushImmediately());
      file = downloader.download(blob);
      executor.ingest(message.database(), message.table(), file, properties, source);
      if (message.reportsSuccessToTable()) {
        statusWriter.succeeded(message.statusRow().get());
      }
      queueReporter.succeeded(message, source);
    } catch (IngestionSkippedException e) {
      if (message.reportsFailureToTable()) {
        statusWriter.skipped(message.statusRow().get(), e.getMessage());
      }
      queueReporter.failed(
          message, source, "Skipped", IngestionSkippedException.INGEST_BY_TAG_ALREADY_EXISTS, e.getMessage(), true);
    } catch (KustoRequestException e) {
      LOG.info("Queued ingestion of {} into {}.{} failed: {}", source, message.database(), message.table(), e.getMessage());
      if (message.reportsFailureToTable()) {
        statusWriter.failed(message.statusRow().get(), e.code(), e.getMessage(), e.permanent());
      }
      queueReporter.failed(message, source, "Failed", e.code(), e.getMessage(), e.permanent());
    } catch (RuntimeException e) {
      LOG.warn("Queued ingestion of {} failed unexpectedly", source, e);
      String details = String.valueOf(e.getMessage());
      if (message.reportsFailureToTable()) {
        statusWriter.failed(message.statusRow().get(), "General_InternalServerError", details, false);
      }
      queueReporter.failed(message, source, "Failed", "General_InternalServerError", details, false);
    } finally {
      if (file != null) {
        BlobDownloader.deleteQuietly(file);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  AzuriteStorage storage() {
    return storage;
  }
}
