package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one local Parquet file exported by Kusto, record by record, as Spark rows of the read's schema
 * ({@link ParquetRowReadSupport}: only the read's columns are decoded, straight into Spark values). Uses
 * parquet-hadoop, which every Spark distribution ships; the file is on the local disk, so Hadoop's local file
 * system is all that is needed (no hadoop-azure).
 */
final class ParquetFileRows implements Iterator<InternalRow>, Closeable {
  private final ParquetReader<InternalRow> reader;
  private final String blobName;
  private InternalRow nextRow;
  private boolean done;

  @SuppressWarnings("deprecation")
  ParquetFileRows(java.nio.file.Path file, StructType schema, Map<String, KustoType> kustoTypes, String blobName)
      throws IOException {
    this.blobName = blobName;
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    this.reader = ParquetReader.builder(new ParquetRowReadSupport(schema, kustoTypes, blobName),
        new Path(file.toUri())).withConf(conf).build();
  }

  @Override
  public boolean hasNext() {
    if (nextRow == null && !done) {
      try {
        nextRow = reader.read();
      } catch (IOException e) {
        throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
            "read exported blob '" + blobName + "'", "it is not readable Parquet: " + e.getMessage(), ""));
      }
      done = nextRow == null;
    }
    return nextRow != null;
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    InternalRow row = nextRow;
    nextRow = null;
    return row;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
