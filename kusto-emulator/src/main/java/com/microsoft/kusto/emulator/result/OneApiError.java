package com.microsoft.kusto.emulator.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Kusto's OneApi error body: {@code {"error":{"code","message","@type","@message","@context","@permanent"}}}. */
public final class OneApiError {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Kusto never echoes the content of obfuscated literals (h"...", h@'...'): they carry storage credentials.
  private static final Pattern HIDDEN_LITERAL = Pattern.compile("(?<![A-Za-z0-9_])([hH]@?)([\"'])(?:(?!\\2).)*(\\2|$)");

  private OneApiError() {}

  public static byte[] body(KustoRequestException e, String clientRequestId, String activityId) {
    return node(e, clientRequestId, activityId, false).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code {"error":{...}}} as a tree. In band (an element of {@code OneApiErrors} in a 200 answer) the plain
   * {@code message} carries the whole text, since that is the one clients show there.
   */
  static ObjectNode node(KustoRequestException e, String clientRequestId, String activityId, boolean inBand) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", e.code());
    error.put("message", inBand ? maskHiddenLiterals(e.getMessage()) : summary(e.httpStatus()));
    error.put("@type", type(e.httpStatus()));
    error.put("@message", maskHiddenLiterals(e.getMessage()));
    ObjectNode context = error.putObject("@context");
    context.put("clientRequestId", clientRequestId);
    context.put("activityId", activityId);
    error.put("@permanent", e.permanent());
    return root;
  }

  static String maskHiddenLiterals(String message) {
    return message == null ? null : HIDDEN_LITERAL.matcher(message).replaceAll("$1$2****$2");
  }

  private static String summary(int status) {
    return switch (status) {
      case 400 -> "Request is invalid and cannot be executed.";
      case 401 -> "Request is unauthorized.";
      case 404 -> "Not found.";
      case 429 -> "Request was throttled.";
      default -> status >= 500 ? "Service is temporarily unavailable." : "Request failed.";
    };
  }

  private static String type(int status) {
    return switch (status) {
      case 400 -> "Kusto.Data.Exceptions.KustoBadRequestException";
      case 401 -> "Kusto.Data.Exceptions.KustoUnauthorizedException";
      case 429 -> "Kusto.Data.Exceptions.KustoRequestThrottledException";
      default -> "Kusto.Data.Exceptions.KustoServiceException";
    };
  }
}
