package com.microsoft.kusto.emulator.standalone;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone flags for host names: what the engine URL and the handed-out storage URLs say. */
class EmulatorMainArgumentsTest {
  @Test
  void engineAndStorageHostNamesAppearInTheUrlsHandedOut() throws Exception {
    KustoEmulator.Builder builder = EmulatorMain.parse(new String[] {"--port", "0", "--engine-host",
        "mycluster.kusto.windows.net", "--storage-host", "localhost", "--database", "db"});
    long azuritePid;
    try (KustoEmulator emulator = builder.start()) {
      azuritePid = emulator.storage().orElseThrow().process().pid();
      assertThat(emulator.engineUrl()).isEqualTo("http://mycluster.kusto.windows.net:" + emulator.port());
      // The test cannot map the cluster name to loopback, so it connects through localhost.
      Client client = ClientFactory.createClient(
          new ConnectionStringBuilder("Data Source=http://localhost:" + emulator.port()));
      assertThat(column(client.executeMgmt("db", ".show ingestion resources").getPrimaryResults(), "StorageRoot"))
          .isNotEmpty().allMatch(url -> url.startsWith("http://localhost:"));
    }
    // close() stops the emulator's Azurite as well.
    assertThat(ProcessHandle.of(azuritePid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void theBearerTokenComesFromAFileOrTheEnvironmentSoNoProcessListingShowsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "  from-the-file\n");
    try (KustoEmulator fromFile = EmulatorMain.parse(new String[] {"--port", "0", "--token-file", file.toString()},
        Map.of(EmulatorMain.TOKEN_ENV, "from-the-environment")).storage(false).start()) {
      assertThat(fromFile.requiredBearerToken()).contains("from-the-file");
    }
    try (KustoEmulator fromEnvironment = EmulatorMain.parse(new String[] {"--port", "0"},
        Map.of(EmulatorMain.TOKEN_ENV, "from-the-environment")).storage(false).start()) {
      assertThat(fromEnvironment.requiredBearerToken()).contains("from-the-environment");
    }
    Files.writeString(file, " \n");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--token-file", file.toString()}))
        .hasMessageContaining("--token-file").hasMessageContaining("is empty");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--token-file", dir.resolve("missing").toString()}))
        .hasMessageContaining("cannot read");
  }

  @Test
  void rejectsUnknownOptionsAndMissingValuesNamingThem() {
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--bogus"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "x"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--production-storage-port", "443x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--production-storage-port needs a number").hasMessageContaining("'443x'");
    assertThat(EmulatorMain.parse(new String[] {"--help"})).isNull();
  }
}
