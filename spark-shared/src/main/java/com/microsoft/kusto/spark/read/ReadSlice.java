package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.read.ExportedBlob;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * What one task of a planned read reads: in single mode the whole query, which the task runs and streams; in
 * distributed mode a size-balanced group of exported Parquet blobs, read one after the other. Serializable, so
 * each adapter ships it inside its own partition type.
 */
public final class ReadSlice implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ConnectionConfig connection;
  private final String kql;
  private final ArrayList<ExportedBlob> blobs;

  private ReadSlice(ConnectionConfig connection, String kql, List<ExportedBlob> blobs) {
    this.connection = connection;
    this.kql = kql;
    this.blobs = blobs == null ? null : new ArrayList<>(blobs);
  }

  /** Single mode: the task runs {@code kql} on the connection's database. */
  public static ReadSlice query(ConnectionConfig connection, String kql) {
    return new ReadSlice(connection, kql, null);
  }

  /** Distributed mode: the task reads these exported blobs. */
  public static ReadSlice blobs(List<ExportedBlob> blobs) {
    return new ReadSlice(null, null, blobs);
  }

  /** True for a single-mode slice. */
  public boolean isQuery() {
    return blobs == null;
  }

  /** The exported blobs of a distributed-mode slice (empty for a single-mode one). */
  public List<ExportedBlob> exportedBlobs() {
    return blobs == null ? Collections.<ExportedBlob>emptyList() : Collections.unmodifiableList(blobs);
  }

  /**
   * Opens the slice's rows on an executor.
   *
   * @param schema the columns to produce, in order (the scan's required columns)
   * @param kustoTypes the Kusto type of every result column, for decoding exported Parquet
   * @param attempt the Spark task attempt number, so retried queries are told apart in Kusto's logs
   */
  public CloseableRows open(StructType schema, Map<String, KustoType> kustoTypes, int attempt) {
    if (isQuery()) {
      return CloseableRows.of(SingleModeRows.open(connection, kql, schema, attempt));
    }
    return CloseableRows.of(new ExportedBlobRows(blobs, schema, kustoTypes));
  }

  @Override
  public String toString() {
    return isQuery() ? "ReadSlice(single mode)" : "ReadSlice(" + blobs.size() + " exported blobs)";
  }
}
