package com.microsoft.kusto.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulator knows about one request besides its text: ids for tracing, the caller, and the
 * ClientRequestProperties ({@code Options} and {@code Parameters}).
 */
public record RequestContext(
    String clientRequestId,
    String activityId,
    String user,
    String application,
    Map<String, JsonNode> options,
    Map<String, String> parameters) {
  public RequestContext {
    options = Map.copyOf(options);
    parameters = Map.copyOf(parameters);
  }

  /** A context for work the emulator starts itself (tests, background operations). */
  public static RequestContext internal(String activityId) {
    return new RequestContext("KE.internal;" + activityId, activityId, "kusto-emulator", "kusto-emulator", Map.of(),
        Map.of());
  }

  public Optional<JsonNode> option(String name) {
    for (Map.Entry<String, JsonNode> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.ofNullable(e.getValue());
      }
    }
    return Optional.empty();
  }
}
