package com.microsoft.kusto.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the emulator's Node tools (Azurite, Microsoft's KQL parser) when no checkout provides them, as for the
 * standalone jar started from any folder: the jar carries the repository's {@code package.json} and lock file, and
 * {@code npm ci} installs exactly those versions into a per-user cache once ({@code $KUSTO_EMULATOR_CACHE}, else
 * {@code $XDG_CACHE_HOME/kusto-emulator}, else {@code ~/.cache/kusto-emulator}), one folder per lock file. Concurrent
 * first starts wait for each other on a file lock.
 */
final class NodeToolsInstaller {
  static final String CACHE_ENV = "KUSTO_EMULATOR_CACHE";
  /** Where the build puts package.json and package-lock.json inside the jar. */
  private static final String RESOURCES = "kusto-emulator-node/";
  /** Written last: a folder without it holds an interrupted install and is installed again. */
  private static final String DONE = ".kusto-emulator-installed";
  private static final long INSTALL_TIMEOUT_MINUTES = 15;

  private NodeToolsInstaller() {}

  /** The cache folder holding the tools, installing them first if needed; progress goes to {@code progress}. */
  static Path install(PrintStream progress) {
    byte[] packageJson = resource("package.json");
    byte[] lock = resource("package-lock.json");
    Path dir = cacheRoot().resolve("node-tools-" + HexFormat.of().formatHex(sha256(lock), 0, 8));
    if (installed(dir)) {
      return dir;
    }
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(dir.resolve(".install-lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (installed(dir)) {
          return dir; // another process installed them while this one waited
        }
        Files.write(dir.resolve("package.json"), packageJson);
        Files.write(dir.resolve("package-lock.json"), lock);
        requireNode();
        progress.println("Installing the emulator's Node tools (Azurite and Microsoft's KQL parser, versions pinned by"
            + " its lock file) into " + dir + " with 'npm ci'; this happens once.");
        progress.flush();
        runNpmCi(dir);
        Files.writeString(dir.resolve(DONE), "installed\n");
        progress.println("Node tools installed.");
        return dir;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install the emulator's Node tools into " + dir, e);
    }
  }

  static boolean installed(Path dir) {
    return Files.isRegularFile(dir.resolve(DONE))
        && Files.isDirectory(dir.resolve("node_modules").resolve("azurite"))
        && Files.isDirectory(dir.resolve("node_modules").resolve("@kusto").resolve("language-service-next"));
  }

  static Path cacheRoot() {
    String configured = System.getenv(CACHE_ENV);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("kusto-emulator");
  }

  private static byte[] resource(String name) {
    try (InputStream in = NodeToolsInstaller.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("This emulator build carries no " + name + " to install its Node tools from;"
            + " run it from a kusto-spark checkout after 'npm ci', or set -D" + NodeTools.TOOLS_DIR_PROPERTY);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " from the emulator jar", e);
    }
  }

  /** Fails with what to install when Node.js cannot be run. */
  static void requireNode() {
    String node = NodeTools.nodeExecutable();
    try {
      Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // Reported below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("The Kusto emulator needs Node.js 18 or newer (it runs Azurite and Microsoft's KQL"
        + " parser), and '" + node + "' could not be run. Install Node.js with npm (for example 'apt-get install"
        + " nodejs npm', 'brew install node' or https://nodejs.org), or point $NODE at a node executable, then start"
        + " the emulator again.");
  }

  private static void runNpmCi(Path dir) throws IOException {
    String npm = System.getenv("NPM");
    List<String> command = List.of(npm != null && !npm.isBlank() ? npm : "npm", "ci", "--no-audit", "--no-fund",
        "--loglevel=error");
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("Node.js is installed but 'npm' could not be run; install npm (for example"
          + " 'apt-get install npm') or point $NPM at it, then start the emulator again.", e);
    }
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        tail.addLast(line);
        if (tail.size() > 20) {
          tail.removeFirst();
        }
      }
    }
    try {
      if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("'npm ci' did not finish within " + INSTALL_TIMEOUT_MINUTES + " minutes in "
            + dir);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing the Node tools", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("'npm ci' failed (exit " + process.exitValue() + ") in " + dir
          + "; it needs the npm registry (or a proxy set in npm's config). Its last output:\n"
          + String.join("\n", tail));
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
