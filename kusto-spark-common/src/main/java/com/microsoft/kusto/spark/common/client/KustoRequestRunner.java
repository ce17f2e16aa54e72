package com.microsoft.kusto.spark.common.client;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.io.InputStream;

/**
 * Sends the connector's queries and management commands through the official SDK {@link Client}, the one way
 * the core talks to the engine. Every request:
 *
 * <ul>
 *   <li>carries the user's {@code clientRequestPropertiesJson} (the established connector dropped it on
 *       management commands and single-mode reads; here it reaches every request);
 *   <li>gets a client request id {@code <requestId>;<activity>;<attempt>} so one Spark action can be traced in
 *       Kusto's logs;
 *   <li>is retried on throttling and transient failures ({@link TransientFailures}), after the pause Kusto asked
 *       for when it sent {@code Retry-After} ({@link RetryAfterHints}), within the deadline and the retry budget
 *       ({@code requestRetryTimeout});
 *   <li>fails with one {@link KustoConnectorException} naming the cluster, database, activity and client request
 *       id, with secrets redacted from the service's message (hidden literals masked, SAS signatures and
 *       account keys removed).
 * </ul>
 */
public final class KustoRequestRunner {
  private final Client client;
  private final String clusterUrl;
  private final String database;
  private final String requestId;
  private final String clientRequestPropertiesJson;
  private final Retrier retrier;

  /**
   * @param clientRequestPropertiesJson the user's properties ({@code ClientRequestProperties.toString()} form), or
   *     null
   */
  public KustoRequestRunner(
      Client client,
      String clusterUrl,
      String database,
      String requestId,
      String clientRequestPropertiesJson,
      Retrier retrier) {
    this.client = client;
    this.clusterUrl = clusterUrl;
    this.database = database;
    this.requestId = requestId;
    this.clientRequestPropertiesJson = clientRequestPropertiesJson;
    this.retrier = retrier;
  }

  /** Runs a KQL query; {@code activity} names it in request ids, logs and errors (e.g. {@code "read schema"}). */
  public KustoOperationResult query(String activity, String kql, long deadlineMillis) {
    return run(activity, deadlineMillis, properties -> client.executeQuery(database, kql, properties));
  }

  /** Runs a management command (text starting with a dot). */
  public KustoOperationResult command(String activity, String command, long deadlineMillis) {
    return run(activity, deadlineMillis, properties -> client.executeMgmt(database, command, properties));
  }

  /**
   * Runs a management command that must not run twice (a move of extents, an export): it is sent again only when the
   * service provably did not run it (throttled, or no connection made). When its answer is lost after it was sent
   * (a reset, a timeout, 502/504), the failure says that the outcome is unknown and how to look it up, rather than
   * risking a second run.
   */
  public KustoOperationResult commandOnce(String activity, String command, long deadlineMillis) {
    Retrier once = new Retrier(retrier.policy(), TransientFailures::isSafeToResend);
    String[] lastId = new String[1];
    try {
      return once.call(activity + " on database '" + database + "'", deadlineMillis, attempt -> {
        ClientRequestProperties properties = newProperties();
        lastId[0] = clientRequestId(activity, attempt);
        properties.setClientRequestId(lastId[0]);
        return client.executeMgmt(database, command, properties);
      }, failed -> RetryAfterHints.take(clientRequestId(activity, failed)));
    } catch (KustoConnectorException e) {
      throw e;
    } catch (Exception e) {
      if (!(e instanceof RetriesExhaustedException) && TransientFailures.isTransient(e)) {
        String action = activity + " on cluster '" + clusterUrl + "', database '" + database
            + "' (client request id '" + lastId[0] + "')";
        throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(action,
            "the answer was lost after the command was sent (" + Secrets.redact(String.valueOf(e.getMessage()))
                + statusSuffix(e) + "), so it may have run; it is not sent again, as running it twice could"
                + " duplicate or remove data",
            "Look it up with '.show commands | where ClientActivityId == \"" + lastId[0] + "\"' (and the"
                + " operation it started in '.show operations'); if it did not run, write (or read) again."));
      }
      throw failure(activity, lastId[0], e);
    }
  }

  /**
   * Opens the streamed response of a KQL query (single-mode reads). Only the opening is retried: once rows were
   * handed on, a broken stream is the reader's to report (a retry here could repeat rows).
   *
   * @param taskAttempt the Spark task attempt, part of the client request id
   *     ({@code <requestId>;<activity>;<taskAttempt>.<retry attempt>})
   */
  public InputStream streamingQuery(StreamingClient streaming, String activity, int taskAttempt, String kql,
      long deadlineMillis) {
    return run(activity, taskAttempt + ".", deadlineMillis,
        properties -> streaming.executeStreamingQuery(database, kql, properties));
  }

  public String database() {
    return database;
  }

  /** The client request id an attempt of {@code activity} is sent with. */
  public String clientRequestId(String activity, int attempt) {
    return clientRequestId(activity, "", attempt);
  }

  private String clientRequestId(String activity, String attemptPrefix, int attempt) {
    return requestId + ";" + activity.replace(' ', '-') + ";" + attemptPrefix + attempt;
  }

  private interface Request<T> {
    T send(ClientRequestProperties properties) throws Exception;
  }

  private <T> T run(String activity, long deadlineMillis, Request<T> request) {
    return run(activity, "", deadlineMillis, request);
  }

  private <T> T run(String activity, String attemptPrefix, long deadlineMillis, Request<T> request) {
    String[] lastId = new String[1];
    try {
      return retrier.call(
          activity + " on database '" + database + "'",
          deadlineMillis,
          attempt -> {
            ClientRequestProperties properties = newProperties();
            lastId[0] = clientRequestId(activity, attemptPrefix, attempt);
            properties.setClientRequestId(lastId[0]);
            return request.send(properties);
          },
          failed -> RetryAfterHints.take(clientRequestId(activity, attemptPrefix, failed)));
    } catch (KustoConnectorException e) {
      throw e;
    } catch (Exception e) {
      throw failure(activity, lastId[0], e);
    }
  }

  /** A fresh copy per attempt: the SDK mutates the object it is given (it writes its default timeout into it). */
  private ClientRequestProperties newProperties() {
    if (clientRequestPropertiesJson == null || clientRequestPropertiesJson.trim().isEmpty()) {
      return new ClientRequestProperties();
    }
    return ConnectionConfig.parseClientRequestProperties(clientRequestPropertiesJson);
  }

  private KustoConnectorException failure(String activity, String clientRequestId, Exception failure) {
    String action =
        activity + " on cluster '" + clusterUrl + "', database '" + database + "' (client request id '"
            + clientRequestId + "')";
    if (failure instanceof RetriesExhaustedException) {
      RetriesExhaustedException exhausted = (RetriesExhaustedException) failure;
      Exception last = exhausted.last();
      String what = exhausted.throttled()
          ? "Kusto throttled the request (HTTP 429)"
          : "the request kept failing with a transient error";
      String reason = what + " on " + exhausted.attempts() + " attempt" + (exhausted.attempts() == 1 ? "" : "s")
          + " over " + RetriesExhaustedException.seconds(exhausted.elapsedMillis()) + " s, until the retry budget"
          + " ran out; the last answer: " + Secrets.redact(String.valueOf(last.getMessage())) + statusSuffix(last);
      String fix = (exhausted.throttled()
          ? "The cluster is busy: raise 'requestRetryTimeout' (seconds, now " + budgetSeconds() + ") so the"
              + " connector waits longer, run fewer concurrent jobs or tasks against it, or add cluster capacity;"
              + " for reads, 'readMode'=ForceDistributedMode sends fewer, longer requests than single mode."
          : "Check that the cluster is reachable and healthy, then retry; raise 'requestRetryTimeout' (seconds,"
              + " now " + budgetSeconds() + ") to wait longer.");
      return new KustoConnectorException(ErrorCode.RETRIES_EXHAUSTED,
          KustoConnectorException.message(action, reason, fix));
    }
    return plainFailure(action, failure);
  }

  private String budgetSeconds() {
    long budget = retrier.policy().budgetMillis();
    return budget == Long.MAX_VALUE ? "unbounded" : String.valueOf(budget / 1000);
  }

  private static KustoConnectorException plainFailure(String action, Exception cause) {
    String serviceMessage = Secrets.redact(String.valueOf(cause.getMessage()));
    String reason = serviceMessage + statusSuffix(cause);
    ErrorCode code =
        cause instanceof KustoDataExceptionBase || cause instanceof java.io.IOException
            ? ErrorCode.KUSTO_REQUEST_FAILED
            : ErrorCode.INTERNAL_ERROR;
    // The SDK's exception is not passed on as the cause: it may hold request text with secrets and does not
    // always serialize, and this exception crosses from executors to the driver.
    return new KustoConnectorException(code, KustoConnectorException.message(action, reason, fixFor(cause)));
  }

  private static String statusSuffix(Exception cause) {
    if (cause instanceof DataServiceException) {
      Integer status = ((DataServiceException) cause).getStatusCode();
      if (status != null) {
        return " (HTTP " + status + (((DataServiceException) cause).isPermanent() ? ", permanent" : "") + ")";
      }
    }
    return "";
  }

  private static String fixFor(Exception cause) {
    Integer status = cause instanceof DataServiceException ? ((DataServiceException) cause).getStatusCode() : null;
    if (status != null && (status == 401 || status == 403)) {
      return "Check the authentication options ('kustoAadAppId'/'kustoAadAppSecret', 'accessToken', ...) and that"
          + " the principal has access to the database.";
    }
    if (status != null && status >= 400 && status < 500) {
      return "Check the query, the table and column names, and the database.";
    }
    return "";
  }
}
