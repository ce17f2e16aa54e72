package com.microsoft.kusto.spark.common.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.microsoft.azure.kusto.data.http.HttpClientFactory;
import com.microsoft.azure.kusto.data.http.HttpClientProperties;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The pauses Kusto asked for ({@code Retry-After} on a 429 or 503 answer), by client request id. The SDK turns such
 * an answer into an exception without its headers, so the connector's SDK clients are built on an HTTP client that
 * notes the header here ({@link #recording}); the retrier then looks the failed attempt's id up ({@link #take}).
 * Bounded: the oldest hints are dropped, so ids nobody asks for cannot pile up.
 */
public final class RetryAfterHints {
  private static final int MAX_HINTS = 1024;
  private static final Map<String, Long> HINTS = new LinkedHashMap<String, Long>(64, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_HINTS;
    }
  };

  private RetryAfterHints() {}

  /** The pause asked for in the answer to the request sent with {@code clientRequestId}, or -1; forgets it. */
  public static long take(String clientRequestId) {
    synchronized (HINTS) {
      Long millis = HINTS.remove(clientRequestId);
      return millis == null ? -1 : millis;
    }
  }

  /** The SDK's default HTTP client, {@link #recording} hints: give it to every engine client the connector builds. */
  public static HttpClient httpClient() {
    return recording(HttpClientFactory.create(HttpClientProperties.builder().build()));
  }

  /** {@code delegate}, noting the {@code Retry-After} of every throttled or unavailable answer it receives. */
  public static HttpClient recording(HttpClient delegate) {
    return new HttpClient() {
      @Override
      public Mono<HttpResponse> send(HttpRequest request) {
        return delegate.send(request).doOnNext(RetryAfterHints::note);
      }

      @Override
      public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(request, context).doOnNext(RetryAfterHints::note);
      }

      @Override
      public HttpResponse sendSync(HttpRequest request, Context context) {
        HttpResponse response = delegate.sendSync(request, context);
        note(response);
        return response;
      }
    };
  }

  static void note(HttpResponse response) {
    int status = response.getStatusCode();
    if (status != 429 && status != 503) {
      return;
    }
    String id = response.getRequest().getHeaders().getValue("x-ms-client-request-id");
    long millis = parse(response.getHeaderValue("Retry-After"));
    if (id != null && millis >= 0) {
      synchronized (HINTS) {
        HINTS.put(id, millis);
      }
    }
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date, in milliseconds from now; -1 when absent or unreadable. */
  static long parse(String header) {
    if (header == null || header.trim().isEmpty()) {
      return -1;
    }
    String value = header.trim();
    try {
      return Math.max(0, Math.multiplyExact(Long.parseLong(value), 1000L));
    } catch (NumberFormatException | ArithmeticException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
      } catch (DateTimeParseException notDate) {
        return -1;
      }
    }
  }
}
