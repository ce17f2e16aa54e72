package com.microsoft.kusto.emulator.ingest;

/**
 * An ingestion not done on purpose: {@code ingestIfNotExists} named an {@code ingest-by:} tag an extent of the
 * table already carries. Reported with status {@code Skipped} and Kusto's error code
 * {@value #INGEST_BY_TAG_ALREADY_EXISTS}.
 */
public final class IngestionSkippedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final String INGEST_BY_TAG_ALREADY_EXISTS = "Skipped_IngestByTagAlreadyExists";

  public IngestionSkippedException(String message) {
    super(message);
  }
}
