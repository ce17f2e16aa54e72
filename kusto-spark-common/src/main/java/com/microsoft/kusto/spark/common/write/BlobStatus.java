package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.result.IngestionStatus;

/** The final ingestion status of one queued blob, as the status table reported it. */
public final class BlobStatus {
  /** The error code Kusto gives a blob skipped because its {@code ingestIfNotExists} tag already exists. */
  static final String SKIPPED_TAG_EXISTS = "Skipped_IngestByTagAlreadyExists";

  private final QueuedBlob blob;
  private final String status;
  private final String errorCode;
  private final String details;

  BlobStatus(QueuedBlob blob, String status, String errorCode, String details) {
    this.blob = blob;
    this.status = status;
    this.errorCode = errorCode == null ? "" : errorCode;
    this.details = details == null ? "" : details;
  }

  static BlobStatus of(QueuedBlob blob, IngestionStatus status) {
    return new BlobStatus(blob, status.getStatus(), status.getErrorCode(), status.getDetails());
  }

  public QueuedBlob blob() {
    return blob;
  }

  /** {@code Succeeded}, {@code Failed}, {@code PartiallySucceeded}, {@code Skipped}, ... */
  public String status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public String details() {
    return details;
  }

  boolean succeeded() {
    return "Succeeded".equals(status);
  }

  boolean skipped() {
    return "Skipped".equals(status);
  }

  @Override
  public String toString() {
    return "blob '" + blob.url() + "' (source id " + blob.sourceId() + "): " + status
        + (errorCode.isEmpty() || "Unknown".equals(errorCode) ? "" : ", error " + errorCode)
        + (details.isEmpty() ? "" : ", details: " + details);
  }
}
