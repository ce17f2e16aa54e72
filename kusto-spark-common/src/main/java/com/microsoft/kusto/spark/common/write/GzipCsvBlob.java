package com.microsoft.kusto.spark.common.write;

import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.microsoft.kusto.spark.common.schema.csv.KustoCsvWriter;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.util.RedactedException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gzip CSV blob being written: rows go through the {@link KustoCsvWriter} into gzip and straight into the
 * storage SDK's block-blob output stream, which uploads blocks as they fill (see {@link UploadBuffers}). Nothing is
 * committed until {@link #seal()}; {@link #abort()} leaves at most uncommitted blocks, which storage discards.
 */
final class GzipCsvBlob {
  private static final Logger LOG = LoggerFactory.getLogger(GzipCsvBlob.class);

  private final ContainerAccess container;
  private final String name;
  private final OutputStream blobStream;
  private final KustoCsvWriter writer;
  private long rows;

  GzipCsvBlob(ContainerAccess container, String name) throws IOException {
    this.container = container;
    this.name = name;
    BlockBlobClient blob = container.client().getBlobClient(name).getBlockBlobClient();
    ParallelTransferOptions transfer = new ParallelTransferOptions()
        .setBlockSizeLong((long) UploadBuffers.BLOCK_SIZE_BYTES)
        .setMaxConcurrency(UploadBuffers.MAX_CONCURRENCY)
        .setMaxSingleUploadSizeLong((long) UploadBuffers.BLOCK_SIZE_BYTES);
    this.blobStream = blob.getBlobOutputStream(transfer, null, null, null, null);
    this.writer = KustoCsvWriter.utf8(new GZIPOutputStream(blobStream, UploadBuffers.GZIP_BUFFER_BYTES));
  }

  KustoCsvWriter writer() {
    return writer;
  }

  void rowWritten() {
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Uncompressed characters written so far. */
  long chars() {
    return writer.charsWritten();
  }

  String name() {
    return name;
  }

  ContainerAccess container() {
    return container;
  }

  /** The blob's URL with the container's credential, for Kusto to read it. Secret: never log it. */
  String secretUrl() {
    return container.containerUrl() + "/" + name + "?" + secretQuery();
  }

  private String secretQuery() {
    String url = container.secretUrlForKusto();
    return url.substring(url.indexOf('?') + 1);
  }

  /** The blob's URL without credential. */
  String url() {
    return container.containerUrl() + "/" + name;
  }

  /** Finishes gzip and commits the blob. */
  void seal() throws IOException {
    writer.close();
  }

  /** Gives up on the blob after a failure; never throws. */
  void abort() {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing aborted blob {} failed", url(), RedactedException.of(e));
    }
    try {
      container.client().getBlobClient(name).deleteIfExists();
    } catch (RuntimeException e) {
      LOG.debug("Deleting aborted blob {} failed", url(), RedactedException.of(e));
    }
  }
}
