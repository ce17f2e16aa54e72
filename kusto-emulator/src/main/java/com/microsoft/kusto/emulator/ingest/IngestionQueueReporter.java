package com.microsoft.kusto.emulator.ingest;

import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Posts the outcome of a queued ingestion to the successful- or failed-ingestions queue when the message asks for
 * queue reporting ({@code Queue} or {@code QueueAndTable}), in Kusto's message shape (Base64 of JSON with
 * PascalCase keys). The Java SDK only hands these queues to callers; other tools read them.
 */
final class IngestionQueueReporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QueueClient succeeded;
  private final QueueClient failed;

  IngestionQueueReporter(QueueClient succeeded, QueueClient failed) {
    this.succeeded = succeeded;
    this.failed = failed;
  }

  void succeeded(IngestionMessage message, String source) {
    if (!message.reportsToQueue() || !message.reportLevel().equalsIgnoreCase("FailuresAndSuccesses")) {
      return;
    }
    ObjectNode body = common(message, source);
    body.put("SucceededOn", Instant.now().toString());
    send(succeeded, body);
  }

  void failed(IngestionMessage message, String source, String status, String errorCode, String details, boolean permanent) {
    if (!message.reportsToQueue() || message.reportLevel().equalsIgnoreCase("None")) {
      return;
    }
    ObjectNode body = common(message, source);
    body.put("FailedOn", Instant.now().toString());
    body.put("Details", details);
    body.put("ErrorCode", errorCode);
    body.put("FailureStatus", status.equals("Skipped") ? "Unknown" : permanent ? "Permanent" : "Transient");
    body.put("OriginatesFromUpdatePolicy", false);
    send(failed, body);
  }

  private static ObjectNode common(IngestionMessage message, String source) {
    ObjectNode body = JSON.createObjectNode();
    body.put("OperationId", UUID.randomUUID().toString());
    body.put("Database", message.database());
    body.put("Table", message.table());
    body.put("IngestionSourceId", message.id());
    body.put("IngestionSourcePath", source);
    body.put("RootActivityId", UUID.randomUUID().toString());
    return body;
  }

  private static void send(QueueClient queue, ObjectNode body) {
    queue.sendMessage(Base64.getEncoder().encodeToString(body.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
