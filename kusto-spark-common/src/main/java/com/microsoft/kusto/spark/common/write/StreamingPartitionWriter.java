package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.IngestClient;
import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.csv.CsvRowEncoder;
import com.microsoft.kusto.spark.common.schema.csv.KustoCsvWriter;
import com.microsoft.kusto.spark.common.schema.csv.StructAccessor;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row sink of {@code KustoStreaming}: rows are encoded into an in-memory CSV chunk, and each time the chunk's
 * uncompressed size reaches {@code streamingIngestSizeInMB} it is sent with the SDK's managed streaming client
 * (which itself falls back to queued ingestion for oversized or repeatedly failing chunks). The chunk always ends
 * at a row boundary, so memory is bounded by the chunk size plus one row.
 */
final class StreamingPartitionWriter implements PartitionWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingPartitionWriter.class);

  private final WritePlan plan;
  private final int partitionId;
  private final CsvRowEncoder encoder;
  private final IngestClient client;
  private final long chunkLimitChars;
  private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(64 * 1024);
  private final KustoCsvWriter writer = KustoCsvWriter.utf8(chunk);
  private long chunkStartChars;
  private long rows;
  private int chunks;

  StreamingPartitionWriter(WritePlan plan, List<TypedField> schema, int partitionId, IngestClient client) {
    this.plan = plan;
    this.partitionId = partitionId;
    this.encoder = new CsvRowEncoder(schema, plan.config().getTimeZone());
    this.client = client;
    this.chunkLimitChars =
        Math.min(plan.blobSizeLimitChars(), plan.config().getStreamingIngestSizeMb() * 1024L * 1024L);
  }

  @Override
  public void write(StructAccessor row) {
    try {
      encoder.write(row, writer);
      rows++;
      if (writer.charsWritten() - chunkStartChars >= chunkLimitChars) {
        send();
      }
    } catch (IOException e) {
      throw new IllegalStateException("In-memory CSV encoding cannot fail", e);
    }
  }

  @Override
  public PartitionResult finish() {
    try {
      send();
    } catch (IOException e) {
      throw new IllegalStateException("In-memory CSV encoding cannot fail", e);
    }
    LOG.info("Partition {} of write {}: {} rows streamed into table '{}' in {} chunks", partitionId, plan.writeId(),
        rows, plan.ingestTable(), chunks);
    return new PartitionResult(partitionId, rows, Collections.<QueuedBlob>emptyList());
  }

  @Override
  public void abort() {
    chunk.reset();
  }

  private void send() throws IOException {
    writer.flush();
    chunkStartChars = writer.charsWritten();
    if (chunk.size() == 0) {
      return;
    }
    byte[] data = chunk.toByteArray();
    chunk.reset();
    UUID sourceId = UUID.randomUUID();
    try {
      Retrier.forRequests(plan.config().getConnection().retryPolicy()).call("stream a chunk into " + plan.ingestTable(),
          Long.MAX_VALUE, attempt -> client.ingestFromStream(
              new StreamSourceInfo(new ByteArrayInputStream(data), false, sourceId), properties()));
      chunks++;
    } catch (Exception e) {
      throw new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
          "stream partition " + partitionId + " into table '" + plan.ingestTable() + "' (request id '"
              + plan.config().getConnection().getRequestId() + "', source id " + sourceId + ")",
          Secrets.redact(String.valueOf(e.getMessage())),
          "Check that streaming ingestion is enabled on the table or database, or use 'writeMode' Queued."));
    }
  }

  private IngestionProperties properties() {
    IngestionProperties props =
        new IngestionProperties(plan.config().getConnection().getDatabase(), plan.ingestTable());
    props.setDataFormat(DataFormat.CSV);
    String reference = plan.config().getIngestionProperties().getCsvMappingNameReference();
    if (reference != null) {
      props.setIngestionMapping(reference, IngestionMappingKind.CSV);
    }
    return props;
  }

}
