package com.microsoft.kusto.spark.read;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of a single-mode read: runs the query with the SDK's streaming query API and decodes the response
 * while it arrives ({@link V2ResultRows}). The user's {@code clientRequestPropertiesJson} is sent with it, under
 * the client request id {@code <requestId>;single-mode-read;<task attempt>}.
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
    ClientRequestProperties properties = connection.newClientRequestProperties();
    String clientRequestId = connection.getRequestId() + ";single-mode-read;" + attempt;
    properties.setClientRequestId(clientRequestId);
    String action = "read query results on cluster '" + connection.getClusterUrl() + "', database '"
        + connection.getDatabase() + "' (client request id '" + clientRequestId + "')";
    InputStream response;
    try {
      response = KustoClients.streaming(connection).executeStreamingQuery(connection.getDatabase(), kql, properties);
    } catch (Exception e) {
      // The SDK's exception is not chained: it may carry request text and must not need to serialize.
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(action,
          Secrets.redact(String.valueOf(e.getMessage())), "Check the query, the table and column names."));
    }
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
