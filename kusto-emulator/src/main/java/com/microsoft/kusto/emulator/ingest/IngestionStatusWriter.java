package com.microsoft.kusto.emulator.ingest;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * Updates the status-table row the SDK created (Status {@code Pending}) with the outcome, in the types the SDK's
 * reader requires: {@code UpdatedOn} an Edm.DateTime, {@code Status}/{@code FailureStatus} exact enum names,
 * {@code ErrorCode}/{@code Details} strings, ids as Edm.Guid.
 */
final class IngestionStatusWriter {
  private final Function<String, TableClient> tables;

  /** @param tables the status table client by table name */
  IngestionStatusWriter(Function<String, TableClient> tables) {
    this.tables = tables;
  }

  void succeeded(IngestionMessage.StatusRowRef row) {
    write(row, "Succeeded", "Unknown", "Unknown", "");
  }

  void failed(IngestionMessage.StatusRowRef row, String errorCode, String details, boolean permanent) {
    write(row, "Failed", permanent ? "Permanent" : "Transient", errorCode, details);
  }

  void skipped(IngestionMessage.StatusRowRef row, String details) {
    write(row, "Skipped", "Unknown", IngestionSkippedException.INGEST_BY_TAG_ALREADY_EXISTS, details);
  }

  private void write(IngestionMessage.StatusRowRef row, String status, String failureStatus, String errorCode, String details) {
    TableEntity entity =
        new TableEntity(row.partitionKey(), row.rowKey())
            .addProperty("Status", status)
            .addProperty("UpdatedOn", OffsetDateTime.now(ZoneOffset.UTC))
            .addProperty("ActivityId", UUID.randomUUID())
            .addProperty("OperationId", UUID.randomUUID())
            .addProperty("FailureStatus", failureStatus)
            .addProperty("ErrorCode", errorCode)
            .addProperty("Details", details)
            .addProperty("OriginatesFromUpdatePolicy", false);
    tables.apply(tableName(row.tableUrl())).updateEntity(entity, TableEntityUpdateMode.MERGE);
  }

  /** The table name: the last path segment of the status table URL (before its SAS). */
  static String tableName(String tableUrl) {
    int query = tableUrl.indexOf('?');
    String base = query < 0 ? tableUrl : tableUrl.substring(0, query);
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base.substring(base.lastIndexOf('/') + 1);
  }
}
