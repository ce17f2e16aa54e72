package com.microsoft.kusto.spark.it.write;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the suite in a JVM of its own, like this one (class path with the shaded adapter, module
 * flags, UTC): for what the suite's shared local session cannot show, such as Spark retrying a task or the JVM
 * exiting.
 */
final class ChildSparkJvm {
  /** What the child did: its exit code (or null if it had to be killed) and its combined output. */
  static final class Outcome {
    final Integer exitCode;
    final String output;

    Outcome(Integer exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  private ChildSparkJvm() {}

  static Outcome run(Path logDir, Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx768m");
    command.add("-Duser.timezone=UTC");
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    Path log = logDir.resolve(main.getSimpleName() + ".log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean exited = child.waitFor(180, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return new Outcome(exited ? child.exitValue() : null, new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
  }
}
