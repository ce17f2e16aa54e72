package com.microsoft.kusto.spark.common.write;

import com.azure.storage.blob.models.BlobStorageException;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.source.BlobSourceInfo;
import com.microsoft.azure.kusto.ingest.source.CompressionType;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteMode;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.csv.CsvRowEncoder;
import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row sink of the Transactional and Queued modes: rows are streamed as gzip CSV into a staging blob, which is
 * sealed and queued for ingestion whenever its uncompressed size reaches the plan's limit
 * ({@code clientBatchingLimit}); a new blob takes the following rows. Memory is bounded by the upload buffers, not
 * by the partition.
 *
 * <p>Sealed blobs are queued with {@code flushImmediately} (they are full, Kusto's batching would only delay them)
 * unless {@code disableFlushImmediately}; the last one follows the user's setting. With
 * {@code ensureNoDuplicatedBlobs} every blob gets its own {@code ingest-by} tag checked by {@code ingestIfNotExists}.
 * In the Transactional mode and with {@code ensureNoDuplicatedBlobs}, sealed blobs are queued only once the whole
 * partition is written ({@link #finish()}), so a failed or speculative task attempt leaves nothing in the staging
 * table and a retried task cannot ingest rows twice. (Queued mode streams blobs into the target as they fill: it is
 * not all-or-nothing.)
 */
final class BlobPartitionWriter implements PartitionWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BlobPartitionWriter.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss-SSSSSS");
  /** Queue calls: the SDK tries each queue once per attempt; transient service errors get two more chances. */

  private final WritePlan plan;
  private final int partitionId;
  private final CsvRowEncoder encoder;
  private final QueuedIngestClient ingest;
  private final List<ContainerAccess> containers;
  private final List<QueuedBlob> queued = new ArrayList<>();
  private final List<GzipCsvBlob> sealedNotQueued = new ArrayList<>();
  private final boolean deferQueueing;
  private final boolean dedupTags;
  private final boolean blobTags;
  private GzipCsvBlob current;
  private int blobNumber;
  private long rows;

  BlobPartitionWriter(WritePlan plan, List<TypedField> schema, int partitionId, QueuedIngestClient ingest,
      List<ContainerAccess> containers) {
    this.plan = plan;
    this.partitionId = partitionId;
    this.encoder = new CsvRowEncoder(schema, plan.config().getTimeZone());
    this.ingest = ingest;
    this.containers = containers;
    // A transactional commit moves whatever reached the staging table, so an attempt that fails (or a speculative
    // attempt Spark refuses to commit) must not have queued anything: its blobs wait until finish(), which the
    // adapters call only for the attempt Spark lets commit.
    this.dedupTags = plan.config().isEnsureNoDuplicatedBlobs();
    this.deferQueueing = dedupTags || plan.mode() == WriteMode.Transactional;
    // Transactional: every blob's extents carry a tag of their own, so the commit moves only the blobs of the
    // attempts Spark committed. An attempt that fails part-way through queueing (after it was allowed to commit)
    // leaves untagged-for-commit extents in the staging table, which are dropped instead of moved.
    this.blobTags = dedupTags || plan.mode() == WriteMode.Transactional;
  }

  @Override
  public void write(StructAccessor row) {
    try {
      if (current == null) {
        current = newBlob();
      }
      encoder.write(row, current.writer());
      current.rowWritten();
      rows++;
      if (current.chars() >= plan.blobSizeLimitChars()) {
        GzipCsvBlob full = current;
        current = null;
        full.seal();
        handOver(full, flushImmediately(plan, true));
      }
    } catch (IOException | BlobStorageException e) {
      throw storageFailure(e);
    }
  }

  @Override
  public PartitionResult finish() {
    try {
      if (current != null) {
        GzipCsvBlob last = current;
        current = null;
        last.seal();
        handOver(last, flushImmediately(plan, false));
      }
      while (!sealedNotQueued.isEmpty()) {
        // Removed once queued: an abort after a failed queue call must not delete blobs already queued.
        queue(sealedNotQueued.get(0), flushImmediately(plan, sealedNotQueued.size() > 1));
        sealedNotQueued.remove(0);
      }
    } catch (IOException | BlobStorageException e) {
      throw storageFailure(e);
    }
    LOG.info("Partition {} of write {}: {} rows in {} blobs queued into table '{}'", partitionId, plan.writeId(),
        rows, queued.size(), plan.ingestTable());
    return new PartitionResult(partitionId, rows, queued);
  }

  @Override
  public void abort() {
    if (current != null) {
      current.abort();
      current = null;
    }
    for (GzipCsvBlob blob : sealedNotQueued) {
      blob.abort();
    }
    sealedNotQueued.clear();
  }

  /**
   * A blob sealed because it is full needs no batching by Kusto, so it is flushed at once unless
   * {@code disableFlushImmediately}; the partition's last blob follows the user's {@code flushImmediately}.
   */
  static boolean flushImmediately(WritePlan plan, boolean sealedFull) {
    return sealedFull ? !plan.config().isDisableFlushImmediately()
        : plan.config().getIngestionProperties().isFlushImmediately();
  }

  /**
   * The connection's queued client at the time of queueing: a task writing for a long time must not keep one the
   * bounded client cache has since evicted and closed ({@link WriteClients}); the one given at creation serves until
   * then.
   */
  private QueuedIngestClient currentClient() {
    WriteClients clients = WriteClients.of(plan.config().getConnection());
    return clients.isCurrent(ingest) ? ingest : clients.queued();
  }

  private void handOver(GzipCsvBlob blob, boolean flush) {
    if (deferQueueing) {
      sealedNotQueued.add(blob);
    } else {
      queue(blob, flush);
    }
  }

  private GzipCsvBlob newBlob() throws IOException {
    ContainerAccess container = containers.get((partitionId + blobNumber) % containers.size());
    String name = TempTableNames.sanitize(plan.config().getConnection().getDatabase() + "_" + plan.ingestTable())
        + "/" + TempTableNames.sanitize(plan.writeId()) + "_" + partitionId + "_" + blobNumber + "_"
        + UUID.randomUUID() + "_" + LocalTime.now(ZoneOffset.UTC).format(TIME) + "_spark.csv.gz";
    blobNumber++;
    return new GzipCsvBlob(container, name);
  }

  private void queue(GzipCsvBlob blob, boolean flush) {
    UUID sourceId = UUID.randomUUID();
    String blobTag = blobTags ? TempTableNames.sanitize(plan.writeId()) + "_" + sourceId : null;
    BlobSourceInfo source = new BlobSourceInfo(blob.secretUrl(), CompressionType.gz, sourceId);
    IngestionResult result;
    try {
      result = Retrier.forRequests(plan.config().getConnection().retryPolicy()).call(
          "queue blob " + blob.url(), Long.MAX_VALUE,
          attempt -> currentClient().ingestFromBlob(source,
              SdkIngestionProperties.forBlob(plan, flush, blobTag, dedupTags)));
    } catch (KustoConnectorException e) {
      throw e;
    } catch (Exception e) {
      throw new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
          "queue blob '" + blob.url() + "' for ingestion into table '" + plan.ingestTable() + "' (request id '"
              + plan.config().getConnection().getRequestId() + "')",
          Secrets.redact(String.valueOf(e.getMessage())),
          "Check that the principal may ingest into the database; the write can be retried."));
    }
    queued.add(new QueuedBlob(blob.url(), sourceId, blob.rows(), blob.chars(), blobTag, result));
  }


  private KustoConnectorException storageFailure(Exception e) {
    abort();
    return new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
        "stage partition " + partitionId + " of the write to table '" + plan.targetTable() + "' in blob storage",
        e.getClass().getSimpleName() + ": " + Secrets.redact(String.valueOf(e.getMessage())),
        "The storage SDK already retried transient errors; check the staging containers' availability and "
            + "permissions (write and read), then retry the write."));
  }
}
