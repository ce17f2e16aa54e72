package com.microsoft.kusto.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same checks as {@link StandaloneProcessTest}, run by failsafe after {@code package} against the published
 * {@code kusto-emulator-<version>-standalone.jar} with {@code java -jar}; and that jar copied to an empty folder,
 * with no checkout anywhere near, installing its own Node tools.
 */
class StandaloneJarIT extends StandaloneProcessTest {
  @BeforeAll
  static void requireTheJar() {
    assertThat(System.getProperty(JAR_PROPERTY)).as("system property " + JAR_PROPERTY).isNotBlank();
  }

  /** {@code java -jar} of a copy of the jar in {@code folder}, started there, with {@code env} added. */
  private static ProcessBuilder copiedJar(Path folder, Map<String, String> env, String... args) throws Exception {
    Path jar = folder.resolve("kusto-emulator-standalone.jar");
    Files.copy(Path.of(System.getProperty(JAR_PROPERTY)), jar);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().remove("KUSTO_TOOLS_DIR");
    builder.environment().putAll(env);
    return builder;
  }

  @Test
  void copiedToAnEmptyFolderItInstallsItsNodeToolsOnceAndServesTheSdk(@TempDir Path folder, @TempDir Path cache)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    // npm installs from its local cache (filled by the build's own 'npm ci'): tests talk to loopback only. A user's
    // first start fetches the same pinned versions from the registry.
    Process process = copiedJar(folder, Map.of("KUSTO_EMULATOR_CACHE", cache.toString(), "npm_config_offline",
        "true"), "--port", Integer.toString(port), "--database", "db").start();
    try {
      String url = "http://localhost:" + port;
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(url)) {
              return seen.toString();
            }
          }
        } catch (java.io.IOException e) {
          seen.append(e);
        }
        throw new IllegalStateException("The emulator ended without a ready line; output:\n" + seen);
      });
      String output = ready.get(5, TimeUnit.MINUTES);
      CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
      assertThat(output).contains("Installing the emulator's Node tools").contains(cache.toString());
      try (var installed = Files.list(cache)) {
        assertThat(installed.map(p -> p.getFileName().toString())).singleElement()
            .satisfies(name -> assertThat(name).startsWith("node-tools-"));
      }

      Client client = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + url));
      client.executeMgmt("db", ".create table T (a:int)");
      client.executeMgmt("db", ".ingest inline into table T <|\n5");
      assertThat(client.executeQuery("db", "T | count").getPrimaryResults().next()).isTrue();
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  @Test
  void withoutNodeItSaysWhatToInstallAndExits(@TempDir Path folder, @TempDir Path cache) throws Exception {
    Process process = copiedJar(folder, Map.of("KUSTO_EMULATOR_CACHE", cache.toString(), "NODE",
        folder.resolve("no-node-here").toString()), "--port", "0").start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(output).contains("Cannot start the Kusto emulator").contains("needs Node.js 18 or newer")
        .contains("no-node-here").doesNotContain("\tat ");
  }
}
