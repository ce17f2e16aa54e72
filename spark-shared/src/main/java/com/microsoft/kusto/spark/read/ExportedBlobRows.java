package com.microsoft.kusto.spark.read;

import com.azure.storage.blob.models.BlobStorageException;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.read.ExportedBlob;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of a distributed read: the rows of a group of exported Parquet blobs, one blob after the other.
 * Each blob is downloaded with the Azure Storage SDK into a local temporary file, read, and the file is deleted as
 * soon as its rows are consumed (or the reader is closed), so at most one blob per task occupies local disk.
 */
public final class ExportedBlobRows implements Iterator<InternalRow>, Closeable {
  private final Iterator<ExportedBlob> blobs;
  private final StructType schema;
  private final Map<String, KustoType> kustoTypes;
  private ParquetFileRows current;
  private Path currentFile;

  public ExportedBlobRows(List<ExportedBlob> blobs, StructType schema, Map<String, KustoType> kustoTypes) {
    this.blobs = blobs.iterator();
    this.schema = schema;
    this.kustoTypes = kustoTypes;
  }

  @Override
  public boolean hasNext() {
    try {
      while (current == null || !current.hasNext()) {
        closeCurrent();
        if (!blobs.hasNext()) {
          return false;
        }
        open(blobs.next());
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void open(ExportedBlob blob) throws IOException {
    currentFile = Files.createTempFile("kusto-export-", ".parquet");
    try {
      blob.container().client().getBlobClient(blob.name()).downloadToFile(currentFile.toString(), true);
    } catch (BlobStorageException e) {
      Files.deleteIfExists(currentFile);
      currentFile = null;
      String fix = e.getStatusCode() == 404
          ? "The transient blobs of a read are deleted when the Spark query that exported them ends; re-run the"
              + " read (build the DataFrame again), or set 'distributedReadModeTransientCache' to keep them."
          : "Check that the transient storage credential allows read.";
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
          "download exported blob '" + blob.name() + "' from " + blob.container().containerUrl(),
          "storage answered HTTP " + e.getStatusCode() + " (" + e.getErrorCode() + ")", fix));
    }
    current = new ParquetFileRows(currentFile, schema, kustoTypes, blob.name());
  }

  private void closeCurrent() throws IOException {
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      current = null;
      if (currentFile != null) {
        Files.deleteIfExists(currentFile);
        currentFile = null;
      }
    }
  }

  @Override
  public void close() throws IOException {
    closeCurrent();
  }
}
