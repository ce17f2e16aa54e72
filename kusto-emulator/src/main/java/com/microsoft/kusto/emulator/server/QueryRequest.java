package com.microsoft.kusto.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a query or management request: {@code {"db","csl","properties"}}, where {@code properties} is a
 * JSON-encoded string (what the Java SDK sends) or an object, holding {@code Options} and {@code Parameters}.
 */
record QueryRequest(String database, String text, Map<String, JsonNode> options, Map<String, String> parameters) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static QueryRequest parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "The request body is not JSON ({\"db\":..,\"csl\":..,\"properties\":..} expected): " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("csl").isTextual()) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "The request body must be a JSON object with a string 'csl' (and optional 'db', 'properties')");
    }
    String db = root.path("db").isTextual() ? root.path("db").asText() : "NetDefaultDb";
    JsonNode props = root.path("properties");
    if (props.isTextual()) {
      try {
        props = JSON.readTree(props.asText());
      } catch (IOException e) {
        throw KustoRequestException.badRequest("General_BadRequest",
            "'properties' is a string but not JSON: " + e.getMessage());
      }
    }
    Map<String, JsonNode> options = new LinkedHashMap<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (props != null && props.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = props.path("Options").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        options.put(e.getKey(), e.getValue());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.path("Parameters").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        parameters.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
    }
    return new QueryRequest(db, root.path("csl").asText(), options, parameters);
  }
}
