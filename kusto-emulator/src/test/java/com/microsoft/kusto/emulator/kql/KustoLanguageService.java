package com.microsoft.kusto.emulator.kql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.emulator.NodeTools;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's KQL language service (Node, {@code @kusto/language-service-next}) asked for the result schema of a
 * query over given tables: the reference for the emulator's column names and type inference.
 */
final class KustoLanguageService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader answers;
  private final Path script;

  KustoLanguageService() {
    try (InputStream in = KustoLanguageService.class.getResourceAsStream("kql-result-schema.js")) {
      script = Files.createTempFile("kql-result-schema", ".js");
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      ProcessBuilder builder = new ProcessBuilder(NodeTools.nodeExecutable(), script.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().put("NODE_PATH", NodeTools.toolsDirectory().resolve("node_modules").toString());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The result columns as {@code name:type}, or the analyzer's errors prefixed with "error ". */
  List<String> resultSchema(String kql, List<TableSchema> tables) {
    ObjectNode request = JSON.createObjectNode().put("text", kql);
    ArrayNode tableNodes = request.putArray("tables");
    for (TableSchema table : tables) {
      ObjectNode t = tableNodes.addObject().put("name", table.name());
      ArrayNode columns = t.putArray("columns");
      for (ColumnSchema c : table.columns()) {
        columns.addArray().add(c.name()).add(c.type().kustoName());
      }
    }
    try {
      requests.write(JSON.writeValueAsString(request));
      requests.newLine();
      requests.flush();
      JsonNode answer = JSON.readTree(answers.readLine());
      List<String> out = new ArrayList<>();
      for (JsonNode e : answer.path("errors")) {
        out.add("error " + e.asText());
      }
      if (out.isEmpty()) {
        for (JsonNode c : answer.path("columns")) {
          out.add(c.get(0).asText() + ":" + c.get(1).asText());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    requests.close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(script);
  }
}
