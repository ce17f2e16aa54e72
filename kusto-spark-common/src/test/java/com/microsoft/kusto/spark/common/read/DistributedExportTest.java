package com.microsoft.kusto.spark.common.read;

import static com.microsoft.kusto.spark.common.client.EmulatorRequests.inSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.common.client.EmulatorRequests;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.OperationPoller;
import com.microsoft.kusto.spark.common.client.PollSchedule;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.KustoExportOptions;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.storage.TransientBlobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export orchestration end to end: the emulator runs the real .export commands into Azurite. */
class DistributedExportTest {
  private static final int ROWS = 1000;
  private static KustoEmulator emulator;
  private static KustoRequestRunner runner;

  @TempDir Path downloads;

  @BeforeAll
  static void start() {
    emulator = KustoEmulator.builder().strictMode(true).database("db").start();
    runner = EmulatorRequests.runner(emulator, "db", null, 3);
    runner.command("create table", ".create table Events (id:long, name:string, ts:datetime)", inSeconds(30));
    String rows =
        IntStream.range(0, ROWS)
            .mapToObj(i -> i + ",name " + i + ",2024-01-01T00:00:" + String.format("%02d", i % 60) + "Z")
            .collect(Collectors.joining("\n"));
    runner.command("ingest", ".ingest inline into table Events <|\n" + rows, inSeconds(30));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void clearFaults() {
    emulator.faults().clear();
  }

  private static ContainerAccess newContainer() {
    String name = "export" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    new BlobServiceClientBuilder()
        .endpoint(emulator.blobEndpoint())
        .credential(new StorageSharedKeyCredential(emulator.storageAccountName(), emulator.storageAccountKey()))
        .buildClient()
        .createBlobContainer(name);
    return ContainerAccess.withAccountKey(
        emulator.blobEndpoint(), emulator.storageAccountName(), name, emulator.storageAccountKey());
  }

  private static DistributedExport export() {
    return new DistributedExport(runner, new OperationPoller(runner, new PollSchedule(20, 200, 60_000, 500)));
  }

  private List<Long> readIds(List<ExportedBlob> blobs) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      for (ExportedBlob blob : blobs) {
        Path file = downloads.resolve(UUID.randomUUID() + ".parquet");
        BlobContainerClient container = blob.container().client();
        container.getBlobClient(blob.name()).downloadToFile(file.toString());
        try (ResultSet rows = statement.executeQuery("select id from read_parquet('" + file + "')")) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
        Files.delete(file);
      }
    }
    Collections.sort(ids);
    return ids;
  }

  @Test
  void exportsTheWholeResultIntoTheReadsDirectory() throws Exception {
    ContainerAccess container = newContainer();
    DistributedExport.Request request =
        new DistributedExport.Request(
            "Events", List.of(container), KustoExportOptions.defaults(), "db/read-1/", null, 1);
    List<ExportedBlob> blobs = export().run(request, inSeconds(60));
    assertThat(blobs).isNotEmpty().allSatisfy(b -> assertThat(b.name()).startsWith("db/read-1/part0"));
    assertThat(readIds(blobs)).containsExactlyElementsOf(LongRangeList.of(ROWS));
  }

  @Test
  void partitionedExportSlicesAreDisjointAndCoverEveryRow() throws Exception {
    ContainerAccess container = newContainer();
    DistributedExport.Request request =
        new DistributedExport.Request(
            "Events\n| where id >= 0 // every row", List.of(container), KustoExportOptions.defaults(), "db/read-2/",
            "name", 4);
    List<ExportedBlob> blobs = export().run(request, inSeconds(60));
    Set<String> slices = new HashSet<>();
    for (ExportedBlob blob : blobs) {
      slices.add(blob.name().substring("db/read-2/".length(), "db/read-2/part0".length()));
    }
    assertThat(slices).hasSizeGreaterThan(1);
    // Sorted ids equal to 0..ROWS-1 means every row once: none missing, none twice.
    assertThat(readIds(blobs)).containsExactlyElementsOf(LongRangeList.of(ROWS));
  }

  @Test
  void aFailedExportThrowsAndLeavesNoBlobs() {
    ContainerAccess container = newContainer();
    emulator.faults().failExports("disk full (injected)");
    DistributedExport.Request request =
        new DistributedExport.Request("Events", List.of(container), KustoExportOptions.defaults(), "db/read-3/", null, 1);
    assertThatThrownBy(() -> export().run(request, inSeconds(60)))
        .isInstanceOf(KustoConnectorException.class)
        .satisfies(e -> assertThat(((KustoConnectorException) e).getErrorCode()).isEqualTo(ErrorCode.EXPORT_FAILED))
        .hasMessageContaining("disk full (injected)")
        .hasMessageContaining(".show operation ");
    assertThat(TransientBlobs.list(container, "db/read-3/")).isEmpty();
  }

  @Test
  void anExportStillRunningAtTheDeadlineTimesOutWithHowToFollowIt() {
    ContainerAccess container = newContainer();
    emulator.faults().stallExports(Duration.ofSeconds(5));
    DistributedExport.Request request =
        new DistributedExport.Request("Events", List.of(container), KustoExportOptions.defaults(), "db/read-4/", null, 1);
    assertThatThrownBy(() -> export().run(request, System.currentTimeMillis() + 1_000))
        .isInstanceOf(KustoConnectorException.class)
        .satisfies(e -> assertThat(((KustoConnectorException) e).getErrorCode()).isEqualTo(ErrorCode.TIMEOUT))
        .hasMessageContaining("follow it with '.show operations ")
        .hasMessageContaining("'timeoutLimit'");
  }

  @Test
  void exportCommandsHideTheCredentialAndSliceByHash() {
    ContainerAccess container =
        ContainerAccess.withSas("https://acc.blob.core.windows.net", "acc", "c", "?sv=1&sig=SECRETSIG");
    List<String> commands =
        DistributedExport.commands(
            new DistributedExport.Request("T", List.of(container), KustoExportOptions.defaults(), "db/r/", "k", 2));
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0))
        .startsWith(".export async compressed to parquet (h@\"https://acc.blob.core.windows.net/c?sv=1&sig=SECRETSIG\")")
        .contains("namePrefix='db/r/part0'")
        // Rows whose partition column is null belong to slice 0, so none is lost.
        .endsWith(" <| T\n| where (isnull(['k']) or hash(['k'], 2) == 0)");
    assertThat(commands.get(1))
        .contains("namePrefix='db/r/part1'")
        .endsWith(" <| T\n| where (isnotnull(['k']) and hash(['k'], 2) == 1)");
  }

  /** 0..n-1 as a list of longs. */
  private static final class LongRangeList {
    static List<Long> of(int n) {
      return LongStreamHolder.range(n);
    }
  }

  private static final class LongStreamHolder {
    static List<Long> range(int n) {
      return java.util.stream.LongStream.range(0, n).boxed().collect(Collectors.toList());
    }
  }
}
