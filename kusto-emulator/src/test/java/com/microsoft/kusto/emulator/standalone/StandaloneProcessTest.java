package com.microsoft.kusto.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.NodeTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone emulator as a real subprocess: prints its URL once ready, serves the SDK, and on SIGTERM stops
 * itself and its Azurite child. Uses the jar named by {@value #JAR_PROPERTY} (set by the build for
 * {@link StandaloneJarIT}, after {@code package}), else the test classpath.
 */
class StandaloneProcessTest {
  static final String JAR_PROPERTY = "kusto.emulator.standaloneJar";

  private static List<String> command(int port) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-D" + NodeTools.TOOLS_DIR_PROPERTY + "=" + NodeTools.toolsDirectory());
    Path jar = standaloneJar();
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(EmulatorMain.class.getName());
    }
    command.addAll(List.of("--port", Integer.toString(port), "--database", "db"));
    return command;
  }

  private static Path standaloneJar() throws Exception {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null) {
      Path jar = Path.of(configured);
      assertThat(jar).as("the standalone jar built by 'mvn package'").exists();
      return jar;
    }
    // No jar named: the test classpath (a jar left in target/ by an earlier build may be stale).
    return null;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void printsItsUrlServesTheSdkAndStopsWithItsAzuriteOnSigterm() throws Exception {
    int port = freePort();
    Process process = new ProcessBuilder(command(port)).redirectErrorStream(true).start();
    try {
      String url = "http://localhost:" + port;
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
        StringBuilder seen = new StringBuilder();
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(url)) {
              return line;
            }
          }
        } catch (java.io.IOException e) {
          seen.append(e);
        }
        throw new IllegalStateException("The emulator ended without a ready line; output:\n" + seen);
      });
      assertThat(ready.get(90, TimeUnit.SECONDS)).contains(url);
      // Keep draining the output so the child never blocks on a full pipe.
      CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));

      List<ProcessHandle> children = process.toHandle().descendants().toList();
      assertThat(children).as("the Azurite child process").isNotEmpty();

      Client client = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + url));
      client.executeMgmt("db", ".create table T (a:int)");
      client.executeMgmt("db", ".ingest inline into table T <|\n5");
      KustoResultSetTable t = client.executeQuery("db", "T | project a").getPrimaryResults();
      assertThat(t.next()).isTrue();
      assertThat(t.getInt("a")).isEqualTo(5);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("child " + child.pid() + " stopped").isFalse();
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
