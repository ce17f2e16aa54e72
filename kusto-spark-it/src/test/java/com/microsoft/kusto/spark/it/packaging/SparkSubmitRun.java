package com.microsoft.kusto.spark.it.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code spark-submit} in a child JVM, the way a user without a Spark distribution can run it: {@code java
 * <flags> -cp <Spark runtime classpath> org.apache.spark.deploy.SparkSubmit ...}. The child's output goes to a file
 * (kept for diagnosis) and is returned with the exit code.
 */
final class SparkSubmitRun {
  /** Exit code and everything the child printed. */
  record Outcome(int exitCode, String output, List<String> command) {}

  private final List<String> command = new ArrayList<>();

  SparkSubmitRun(String jvmFlags, String sparkClasspath) {
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // Spark 4 needs no flags: an empty list must not become an empty argument, which java takes for the main class.
    Arrays.stream(jvmFlags.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).forEach(command::add);
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(sparkClasspath);
    command.add("org.apache.spark.deploy.SparkSubmit");
  }

  /** Appends SparkSubmit arguments (options, then the application jar and its arguments). */
  SparkSubmitRun args(String... args) {
    command.addAll(Arrays.asList(args));
    return this;
  }

  /** Runs the child, killing it after {@code timeoutSeconds}; its output is also written to {@code log}. */
  Outcome run(Path log, long timeoutSeconds) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("spark-submit did not finish within " + timeoutSeconds + " s; its output is in "
            + log + ":\n" + tail(log));
      }
      return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), List.copyOf(command));
    } finally {
      process.destroyForcibly();
    }
  }

  /** The last lines of the child's output, for failure messages. */
  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
