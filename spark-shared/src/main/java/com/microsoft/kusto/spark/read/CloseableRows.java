package com.microsoft.kusto.spark.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The rows of one {@link ReadSlice} as a task reads them: an iterator that holds a network response or a blob
 * download open until closed. Each adapter drives it through its own reader type (V1 RDD iterator, V2
 * {@code PartitionReader}).
 */
public interface CloseableRows extends Iterator<InternalRow>, Closeable {
  /** Views a shared row reader ({@link SingleModeRows}, {@link ExportedBlobRows}) as {@code CloseableRows}. */
  static <T extends Iterator<InternalRow> & Closeable> CloseableRows of(T rows) {
    return new CloseableRows() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public InternalRow next() {
        return rows.next();
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }
}
