package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.TableReportIngestionResult;
import java.io.Serializable;
import java.util.UUID;

/**
 * One staged blob that was queued for ingestion: its URL (without credential), the ingestion source id, and, for
 * table-reported ingestions, the SDK's {@link TableReportIngestionResult}, which serializes and rebuilds its
 * status-table client on the driver from the coordinates it carries. Other results (queued mode's
 * {@code IngestionStatusResult}) are dropped: they do not serialize, and nothing polls them. The kept result holds
 * the status table's SAS, so it is never shown by {@link #toString()}.
 */
public final class QueuedBlob implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String url;
  private final UUID sourceId;
  private final long rows;
  private final long uncompressedChars;
  private final String dedupTag;
  private final IngestionResult result;

  QueuedBlob(String url, UUID sourceId, long rows, long uncompressedChars, String dedupTag, IngestionResult result) {
    this.url = url;
    this.sourceId = sourceId;
    this.rows = rows;
    this.uncompressedChars = uncompressedChars;
    this.dedupTag = dedupTag;
    this.result = result instanceof TableReportIngestionResult ? result : null;
  }

  /** The blob's URL, without credential. */
  public String url() {
    return url;
  }

  public UUID sourceId() {
    return sourceId;
  }

  public long rows() {
    return rows;
  }

  public long uncompressedChars() {
    return uncompressedChars;
  }

  /** The per-blob {@code ingest-by} value of {@code ensureNoDuplicatedBlobs}, or {@code null}. */
  public String dedupTag() {
    return dedupTag;
  }

  /** The table-reported result to poll, or {@code null} when the ingestion does not report status. */
  IngestionResult result() {
    return result;
  }

  @Override
  public String toString() {
    return "QueuedBlob{" + url + ", sourceId=" + sourceId + ", rows=" + rows + "}";
  }
}
