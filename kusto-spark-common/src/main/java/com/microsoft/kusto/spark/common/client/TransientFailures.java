package com.microsoft.kusto.spark.common.client;

import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import java.io.IOException;

/**
 * Decides whether a failed Kusto request may succeed when sent again. Kusto marks its errors permanent or not
 * ({@code @permanent}); throttling (429) and server-side 5xx are transient, as are connection failures.
 */
public final class TransientFailures {
  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    if (failure instanceof ThrottleException) {
      return true;
    }
    if (failure instanceof DataServiceException) {
      DataServiceException service = (DataServiceException) failure;
      if (service.isPermanent()) {
        return false;
      }
      Integer status = service.getStatusCode();
      // No status: the request never got an HTTP answer (connection reset, timeout).
      return status == null || status == 429 || status >= 500;
    }
    if (failure instanceof DataClientException) {
      return causedBy(failure, IOException.class);
    }
    return failure instanceof IOException;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
