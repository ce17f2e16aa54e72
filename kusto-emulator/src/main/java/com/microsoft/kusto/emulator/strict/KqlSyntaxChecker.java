package com.microsoft.kusto.emulator.strict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.emulator.NodeTools;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks KQL text with Microsoft's own parser ({@code @kusto/language-service-next}), run in one long-lived Node
 * process. Used by the emulator's strict mode, so the emulator is never more lenient than Kusto, and by the
 * connector's conformance tests. Thread-safe: requests are serialized over the process's stdin/stdout.
 */
public final class KqlSyntaxChecker implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader answers;
  private final Path script;

  private KqlSyntaxChecker(Process process, Path script) {
    this.process = process;
    this.script = script;
    this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the checker with the Node tools found by {@link NodeTools}. */
  public static KqlSyntaxChecker start() {
    return start(NodeTools.toolsDirectory());
  }

  public static KqlSyntaxChecker start(Path toolsDirectory) {
    Path script = extractScript();
    ProcessBuilder builder =
        new ProcessBuilder(NodeTools.nodeExecutable(), script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("NODE_PATH", toolsDirectory.resolve("node_modules").toString());
    try {
      return new KqlSyntaxChecker(builder.start(), script);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start Node for the KQL parser ('" + NodeTools.nodeExecutable() + "'): install Node.js 18+", e);
    }
  }

  private static Path extractScript() {
    try (InputStream in = KqlSyntaxChecker.class.getResourceAsStream("kql-check.js")) {
      if (in == null) {
        throw new IllegalStateException("kql-check.js is missing from the emulator jar");
      }
      Path file = Files.createTempFile("kql-check", ".js");
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract the KQL parser bridge script", e);
    }
  }

  /** Syntax check only: what any Kusto cluster would reject before looking at tables. */
  public KqlCheckResult checkSyntax(String text) {
    return check(text, false);
  }

  /** Syntax plus semantic check against Kusto's built-in functions (unknown tables are also reported). */
  public KqlCheckResult checkSemantics(String text) {
    return check(text, true);
  }

  private synchronized KqlCheckResult check(String text, boolean analyze) {
    ObjectNode request = JSON.createObjectNode().put("text", text).put("analyze", analyze);
    try {
      requests.write(JSON.writeValueAsString(request));
      requests.newLine();
      requests.flush();
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException("The KQL parser process ended unexpectedly (exit " + exitCodeOrRunning() + ")");
      }
      JsonNode answer = JSON.readTree(line);
      List<KqlDiagnostic> diagnostics = new ArrayList<>();
      for (JsonNode d : answer.path("diagnostics")) {
        diagnostics.add(
            new KqlDiagnostic(
                d.path("severity").asText(),
                d.path("code").asText(),
                d.path("message").asText(),
                d.path("start").asInt(),
                d.path("length").asInt()));
      }
      return new KqlCheckResult(text, answer.path("kind").asText(), diagnostics);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot talk to the KQL parser process", e);
    }
  }

  private String exitCodeOrRunning() {
    return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
  }

  @Override
  public void close() {
    try {
      requests.close();
    } catch (IOException ignored) {
      // The process is destroyed below either way.
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(script);
    } catch (IOException ignored) {
      // A temp file; deleteOnExit is the fallback.
    }
  }
}
