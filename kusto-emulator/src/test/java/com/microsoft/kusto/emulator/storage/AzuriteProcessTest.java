package com.microsoft.kusto.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Azurite starts on free loopback ports and leaves nothing behind: no node process, no workspace. */
class AzuriteProcessTest {

  @Test
  void startsOnThreeDistinctPortsAndCloseKillsTheTreeAndDeletesTheWorkspace() throws Exception {
    AzuriteProcess azurite = AzuriteProcess.start();
    List<ProcessHandle> tree = new ArrayList<>();
    Path workspace = azurite.workspace();
    try {
      ProcessHandle root = ProcessHandle.of(azurite.pid()).orElseThrow();
      tree.add(root);
      root.descendants().forEach(tree::add);
      assertThat(List.of(azurite.blobPort(), azurite.queuePort(), azurite.tablePort())).doesNotHaveDuplicates();
      assertThat(accepts(azurite.blobPort())).isTrue();
      assertThat(accepts(azurite.queuePort())).isTrue();
      assertThat(accepts(azurite.tablePort())).isTrue();
      assertThat(azurite.blobEndpoint()).isEqualTo("http://127.0.0.1:" + azurite.blobPort() + "/devstoreaccount1");
      assertThat(Files.isDirectory(workspace)).isTrue();
      new AzuriteStorage(azurite, StorageHostNames.loopback()).createResources();
      assertThat(Files.list(workspace).count()).isGreaterThan(0);
    } finally {
      azurite.close();
    }

    for (ProcessHandle handle : tree) {
      assertThat(handle.isAlive()).as("process %s", handle.pid()).isFalse();
    }
    assertThat(azurite.isAlive()).isFalse();
    assertThat(Files.exists(workspace)).isFalse();
    assertThat(accepts(azurite.blobPort())).isFalse();
    azurite.close(); // idempotent
  }

  @Test
  void twoInstancesRunSideBySide() {
    try (AzuriteProcess first = AzuriteProcess.start();
        AzuriteProcess second = AzuriteProcess.start()) {
      assertThat(first.blobPort()).isNotEqualTo(second.blobPort());
      assertThat(first.workspace()).isNotEqualTo(second.workspace());
      assertThat(accepts(second.tablePort())).isTrue();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
