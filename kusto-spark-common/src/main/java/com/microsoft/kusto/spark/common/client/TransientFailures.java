package com.microsoft.kusto.spark.common.client;

import com.azure.core.exception.HttpResponseException;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a failed request may succeed when sent again; the one classification every retry in the
 * connector uses. Kusto marks its errors permanent or not ({@code @permanent}); throttling (429) and 500, 502, 503
 * and 504 are transient, as are connection failures and timeouts. Syntax and semantic errors (400), authentication
 * and permission failures (401, 403), missing entities (404) and anything Kusto calls permanent are not.
 */
public final class TransientFailures {
  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    if (failure instanceof ThrottleException) {
      return true;
    }
    if (failure instanceof KustoDataExceptionBase) {
      Integer status = failure instanceof DataServiceException ? ((DataServiceException) failure).getStatusCode() : null;
      if (status == null && causedByConnectionFailure(failure)) {
        // No HTTP answer: a reset or refused connection, a timeout. The SDK marks these permanent
        // (IODataServiceException), but that is not the service's judgement; nothing reached the engine.
        return true;
      }
      if (((KustoDataExceptionBase) failure).isPermanent() || failure instanceof DataClientException) {
        return false;
      }
      // Not permanent, and either no status (no answer) or a status that says whether to try again.
      return status == null || isTransientStatus(status);
    }
    if (failure instanceof HttpResponseException && ((HttpResponseException) failure).getResponse() != null) {
      return isTransientStatus(((HttpResponseException) failure).getResponse().getStatusCode());
    }
    if (failure instanceof IngestionServiceException) {
      // The ingestion service failed (its queue, its resources): transient unless its cause says otherwise.
      Boolean byCause = transientByCauseStatus(failure);
      return byCause == null || byCause;
    }
    if (failure instanceof IngestionClientException) {
      return causedByConnectionFailure(failure) || Boolean.TRUE.equals(transientByCauseStatus(failure));
    }
    return causedByConnectionFailure(failure);
  }

  /**
   * Whether some failure in the chain is one that sending again cannot fix: an error Kusto marks permanent, or an
   * answer of 400, 401, 403 or 404. For calls whose failures the SDK wraps without a type to go by.
   */
  public static boolean isPermanent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KustoDataExceptionBase && ((KustoDataExceptionBase) t).isPermanent()) {
        return true;
      }
      Integer status = t instanceof DataServiceException ? ((DataServiceException) t).getStatusCode()
          : t instanceof HttpResponseException && ((HttpResponseException) t).getResponse() != null
              ? Integer.valueOf(((HttpResponseException) t).getResponse().getStatusCode()) : null;
      if (status != null && (status == 400 || status == 401 || status == 403 || status == 404)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether sending the request again cannot run it twice: the service refused it before running it (throttled,
   * 429, or unavailable, 503) or the connection was never made. For commands that must not run twice (a move of extents, an export),
   * where a lost answer (a reset after sending, a timeout, 502/504 from a gateway) leaves the outcome unknown.
   */
  public static boolean isSafeToResend(Throwable failure) {
    if (isThrottling(failure)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
      // 503: the service refused the request as unavailable, before running it (unlike 500, 502 and 504).
      if (t instanceof DataServiceException && Integer.valueOf(503).equals(((DataServiceException) t).getStatusCode())
          && !((DataServiceException) t).isPermanent()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the service answered with throttling (HTTP 429). */
  public static boolean isThrottling(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ThrottleException) {
        return true;
      }
      if (t instanceof DataServiceException && Integer.valueOf(429).equals(((DataServiceException) t).getStatusCode())) {
        return true;
      }
      if (t instanceof HttpResponseException && ((HttpResponseException) t).getResponse() != null
          && ((HttpResponseException) t).getResponse().getStatusCode() == 429) {
        return true;
      }
    }
    return false;
  }

  static boolean isTransientStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** Transient or not by the first cause that carries a status or a permanence flag; null when none does. */
  private static Boolean transientByCauseStatus(Throwable failure) {
    for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KustoDataExceptionBase && ((KustoDataExceptionBase) t).isPermanent()) {
        return false;
      }
      if (t instanceof ThrottleException) {
        return true;
      }
      if (t instanceof DataServiceException && ((DataServiceException) t).getStatusCode() != null) {
        return isTransientStatus(((DataServiceException) t).getStatusCode());
      }
      if (t instanceof HttpResponseException && ((HttpResponseException) t).getResponse() != null) {
        return isTransientStatus(((HttpResponseException) t).getResponse().getStatusCode());
      }
    }
    return null;
  }

  private static boolean causedByConnectionFailure(Throwable failure) {
    if (causedByConfigurationError(failure)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** An unknown host or a certificate the client does not trust: waiting does not fix the URL or the trust store. */
  private static boolean causedByConfigurationError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.UnknownHostException || t instanceof javax.net.ssl.SSLHandshakeException
          || t instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }
}
