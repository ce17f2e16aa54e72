package com.microsoft.kusto.emulator.server;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.command.CommandDispatcher;
import com.microsoft.kusto.emulator.command.KqlExecutor;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.result.V1ResponseWriter;
import com.microsoft.kusto.emulator.result.OneApiError;
import com.microsoft.kusto.emulator.result.V2ResponseWriter;
import com.microsoft.kusto.emulator.strict.KqlCheckResult;
import com.microsoft.kusto.emulator.strict.KqlSyntaxChecker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP(S) listener on loopback: {@code GET /v1/rest/auth/metadata}, {@code POST /v2/rest/query} (and
 * {@code /v1/rest/query}, answered in the v1 shape),
 * {@code POST /v1/rest/mgmt} and {@code POST /v1/rest/ingest/{db}/{table}}, with fault injection, the optional
 * bearer-token check and strict mode (Microsoft's KQL parser) in front.
 */
public final class KustoHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KustoHttpServer.class);
  /** Data-management commands the engine's parser does not know; strict mode lets them through. */
  private static final List<String> DM_COMMANDS =
      List.of(".show ingestion resources", ".get ingestion resources", ".get kusto identity token", ".show export containers",
          ".create tempstorage");
  private static final String METADATA =
      "{\"AzureAD\":{\"LoginEndpoint\":\"https://login.microsoftonline.com\",\"LoginMfaRequired\":false,"
          + "\"KustoClientAppId\":\"db662dc1-0cfe-4e1c-a843-19a68e65be58\","
          + "\"KustoClientRedirectUri\":\"https://microsoft/kustoclient\","
          + "\"KustoServiceResourceId\":\"https://kusto.kusto.windows.net\","
          + "\"FirstPartyAuthorityUrl\":\"https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a\"},"
          + "\"dSTS\":{}}";

  private final HttpServer server;
  private final ExecutorService executor;
  private final CommandDispatcher commands;
  private final KqlExecutor kql;
  private final Faults faults;
  private final KqlSyntaxChecker strict;
  private final String requiredToken;
  private volatile StreamingIngestHandler streamingIngest;

  /**
   * @param port 0 for a free port
   * @param tls null for plain http
   * @param requiredToken null to accept any (or no) Authorization header
   * @param strict null to skip strict mode
   */
  public KustoHttpServer(int port, TlsMaterial tls, String requiredToken, CommandDispatcher commands,
      KqlExecutor kql, Faults faults, KqlSyntaxChecker strict) {
    this.commands = commands;
    this.kql = kql;
    this.faults = faults;
    this.strict = strict;
    this.requiredToken = requiredToken;
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      if (tls == null) {
        server = HttpServer.create(address, 64);
      } else {
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " (is the port in use?)", e);
    }
    executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "kusto-emulator-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void setStreamingIngestHandler(StreamingIngestHandler handler) {
    this.streamingIngest = handler;
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    String activityId = UUID.randomUUID().toString();
    String clientRequestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-ms-client-request-id"))
        .orElse("");
    try (exchange) {
      exchange.getResponseHeaders().set("x-ms-activity-id", activityId);
      exchange.getResponseHeaders().set("x-ms-client-request-id", clientRequestId);
      String path = exchange.getRequestURI().getPath();
      RequestKind kind = kindOf(exchange.getRequestMethod(), path);
      try {
        if (kind == null) {
          throw new KustoRequestException(404, "General_NotFound", "The Kusto emulator has no endpoint "
              + exchange.getRequestMethod() + " " + path, true);
        }
        // Queries and commands are read first, so that fault rules can select on their text.
        QueryRequest request = kind == RequestKind.QUERY || kind == RequestKind.MGMT
            ? QueryRequest.parse(exchange.getRequestBody().readAllBytes()) : null;
        if (applyFaults(kind, exchange, request == null ? path : request.text())) {
          // An injected reset: close the connection without an answer (the exchange closes unanswered).
          return;
        }
        if (kind == RequestKind.AUTH_METADATA) {
          send(exchange, 200, METADATA.getBytes(StandardCharsets.UTF_8), acceptsGzip(exchange));
          return;
        }
        checkToken(exchange);
        RequestContext ctx;
        byte[] answer;
        if (kind == RequestKind.STREAMING_INGEST) {
          ctx = context(exchange, clientRequestId, activityId, Map.of(), Map.of());
          answer = v1(streamingIngest(exchange, path, ctx));
        } else {
          ctx = context(exchange, clientRequestId, activityId, request.options(), request.parameters());
          checkStrict(request.text());
          if (kind == RequestKind.QUERY) {
            // Streamed: the status goes out once the store has accepted the query, then frames as rows are read.
            boolean gzip = acceptsGzip(exchange);
            boolean v1 = path.toLowerCase(Locale.ROOT).equals("/v1/rest/query");
            kql.stream(request.database(), request.text().strip(), request.parameters(), (columns, rows) -> {
              if (v1) {
                V1ResponseWriter.writeQuery(startStream(exchange, gzip), columns, rows, clientRequestId, activityId);
              } else {
                V2ResponseWriter.write(startStream(exchange, gzip), columns, rows, clientRequestId, activityId);
              }
            });
            return;
          } else {
            answer = v1(commands.execute(request.database(), request.text(), ctx));
          }
        }
        send(exchange, 200, answer, acceptsGzip(exchange));
      } catch (KustoRequestException e) {
        send(exchange, e.httpStatus(), OneApiError.body(e, clientRequestId, activityId), false);
      } catch (RuntimeException | IOException e) {
        LOG.warn("Request {} {} failed", exchange.getRequestMethod(), path, e);
        KustoRequestException internal = new KustoRequestException(500, "Internal_ServiceError",
            "The Kusto emulator failed: " + e, false);
        send(exchange, 500, OneApiError.body(internal, clientRequestId, activityId), false);
      }
    } catch (IOException e) {
      LOG.debug("Could not answer a request (client gone?)", e);
    }
  }

  private static RequestKind kindOf(String method, String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if ("GET".equals(method) && p.equals("/v1/rest/auth/metadata")) {
      return RequestKind.AUTH_METADATA;
    }
    if (!"POST".equals(method)) {
      return null;
    }
    if (p.equals("/v2/rest/query") || p.equals("/v1/rest/query")) {
      return RequestKind.QUERY;
    }
    if (p.equals("/v1/rest/mgmt")) {
      return RequestKind.MGMT;
    }
    if (p.startsWith("/v1/rest/ingest/")) {
      return RequestKind.STREAMING_INGEST;
    }
    return null;
  }

  /** Applies the injected faults of {@code kind}: true when the request must go unanswered (a reset). */
  private boolean applyFaults(RequestKind kind, HttpExchange exchange, String text) {
    Duration latency = faults.latency(kind);
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<Integer> status = faults.takeFailure(kind, text);
    if (status.isPresent()) {
      int s = status.get();
      if (s == Faults.CONNECTION_RESET) {
        LOG.debug("Injected fault: {} request closed without an answer", kind);
        return true;
      }
      if (s == 429 || s == 503) {
        faults.retryAfter().ifPresent(pause -> exchange.getResponseHeaders().set("Retry-After",
            String.valueOf((pause.toMillis() + 999) / 1000)));
      }
      String code = s == 429 ? "TooManyRequests" : s >= 500 ? "ServiceUnavailable" : "General_BadRequest";
      throw new KustoRequestException(s, code,
          "Injected fault: " + kind + " request answered with HTTP " + s + " (KustoEmulator.faults())", s < 500
              && s != 429);
    }
    return false;
  }

  private void checkToken(HttpExchange exchange) {
    if (requiredToken == null) {
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String expected = "Bearer " + requiredToken;
    if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      throw new KustoRequestException(401, "Unauthorized",
          header == null
              ? "Missing 'Authorization: Bearer <token>' header: this emulator requires a bearer token"
              : "The bearer token in the Authorization header is not the one this emulator requires",
          true);
    }
  }

  private void checkStrict(String text) {
    if (strict == null) {
      return;
    }
    String normalized = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (DM_COMMANDS.contains(normalized)) {
      return;
    }
    KqlCheckResult result = strict.checkSyntax(text);
    if (!result.isValid()) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "Syntax error (strict mode, Microsoft's KQL parser): " + result.describeErrors());
    }
  }

  private ResultTable streamingIngest(HttpExchange exchange, String path, RequestContext ctx) throws IOException {
    String[] segments = path.substring("/v1/rest/ingest/".length()).split("/");
    if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "Streaming ingestion path must be /v1/rest/ingest/{database}/{table}, got '" + path + "'");
    }
    StreamingIngestHandler handler = streamingIngest;
    if (handler == null) {
      throw KustoRequestException.unsupported("streaming ingestion (no handler is installed)");
    }
    try (InputStream body = exchange.getRequestBody()) {
      return handler.ingest(segments[0], segments[1], queryParameters(exchange.getRequestURI().getRawQuery()), body,
          ctx);
    }
  }

  private static Map<String, String> queryParameters(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static RequestContext context(HttpExchange exchange, String clientRequestId, String activityId,
      Map<String, com.fasterxml.jackson.databind.JsonNode> options, Map<String, String> parameters) {
    String user = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-ms-user")).orElse("");
    String app = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-ms-app")).orElse("");
    return new RequestContext(clientRequestId, activityId, user, app, options, parameters);
  }

  private static byte[] v1(ResultTable table) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    V1ResponseWriter.write(out, List.of(table));
    return out.toByteArray();
  }

  private static boolean acceptsGzip(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
  }

  /** Sends 200 with a chunked body and returns the stream to write it to; the caller closes it. */
  private static OutputStream startStream(HttpExchange exchange, boolean gzip) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (gzip) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    return gzip ? new GZIPOutputStream(body, 64 * 1024) : new BufferedOutputStream(body, 64 * 1024);
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean gzip) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    byte[] payload = body;
    if (gzip) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
        out.write(body);
      }
      payload = compressed.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(status, payload.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(payload);
    }
  }
}
