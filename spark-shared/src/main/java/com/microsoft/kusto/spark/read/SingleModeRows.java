package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of a single-mode read: runs the query with the SDK's streaming query API and decodes the response
 * while it arrives ({@link V2ResultRows}). The user's {@code clientRequestPropertiesJson} is sent with it, under
 * the client request id {@code <requestId>;single-mode-read;<task attempt>.<retry attempt>}.
 *
 * <p>Opening the response is retried like every request (throttling, 5xx, dropped connections, within
 * {@code requestRetryTimeout}). A response that breaks off after rows were handed to Spark is not resumed: the task
 * fails and Spark's task retry reads the query again from the start, so no row is repeated or lost.
 */
public final class SingleModeRows implements Iterator<InternalRow>, Closeable {
  private final InputStream response;
  private final V2ResultRows rows;

  private SingleModeRows(InputStream response, V2ResultRows rows) {
    this.response = response;
    this.rows = rows;
  }

  /**
   * @param attempt the Spark task attempt, so retried tasks are told apart in Kusto's logs
   */
  public static SingleModeRows open(ConnectionConfig connection, String kql, StructType schema, int attempt) {
    String activity = "single-mode read";
    InputStream response = KustoClients.engineRunner(connection)
        .streamingQuery(KustoClients.streaming(connection), activity, attempt, kql, Long.MAX_VALUE);
    String action = "read query results on cluster '" + connection.getClusterUrl() + "', database '"
        + connection.getDatabase() + "' (client request id '" + connection.getRequestId() + ";single-mode-read;"
        + attempt + ".*')";
    return new SingleModeRows(response, new V2ResultRows(response, schema, action));
  }

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
    try {
      rows.close();
    } finally {
      response.close();
    }
  }
}
