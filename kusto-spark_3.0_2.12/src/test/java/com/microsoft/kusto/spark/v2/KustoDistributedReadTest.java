package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.storage.StoredBlob;
import com.microsoft.kusto.spark.read.TransientExportCleaner;
import java.lang.ref.Reference;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Distributed mode: storage choice, hash slices, cleanup, the transient cache and the automatic mode choice. */
class KustoDistributedReadTest {
  private static final int ROWS = 6000;
  private static EmulatorKit kit;

  @BeforeAll
  static void start() {
    kit = EmulatorKit.start();
    kit.command(".create table Big (id:long, k:string, v:real)");
    kit.command(".ingest inline into table Big <|\n" + IntStream.range(0, ROWS)
        .mapToObj(i -> i + ",key" + (i % 7) + "," + (i * 0.5)).collect(Collectors.joining("\n")));
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.emulator.faults().clear();
  }

  private static List<Long> ids(Dataset<Row> rows) {
    return rows.select("id").collectAsList().stream().map(r -> r.getLong(0)).sorted().collect(Collectors.toList());
  }

  private static List<Long> allIds() {
    return LongStream.range(0, ROWS).boxed().collect(Collectors.toList());
  }

  private static Dataset<Row> distributed(String sasUrl) {
    return kit.read("Big").option("readMode", "ForceDistributedMode")
        .option("transientStorage", EmulatorKit.transientStorage(sasUrl)).load();
  }

  @Test
  void readsThroughKustoProvidedExportContainers() {
    assertThat(ids(kit.read("Big").option("readMode", "ForceDistributedMode").load())).isEqualTo(allIds());
  }

  @Test
  void hashSlicesReturnEveryRowExactlyOnce() {
    String sas = kit.newContainerSasUrl();
    Dataset<Row> sliced = kit.read("Big").option("readMode", "ForceDistributedMode")
        .option("transientStorage", EmulatorKit.transientStorage(sas)).option("numPartitions", "4")
        .option("distributedReadModeTransientCache", "true").load();
    assertThat(ids(sliced)).isEqualTo(allIds());
    // One export per slice, each under its own name prefix; kept here because of the cache.
    List<String> parts = kit.blobs(sas).stream().map(b -> b.name().replaceAll(".*/(part\\d+).*", "$1")).distinct()
        .sorted().collect(Collectors.toList());
    assertThat(parts).containsExactly("part0", "part1", "part2", "part3");
  }

  @Test
  void hashSlicesOnAStringColumnThatIsNotSelected() {
    Dataset<Row> sliced = kit.read("Big").option("readMode", "ForceDistributedMode").option("numPartitions", "3")
        .option("partitionColumn", "k").load().select("id", "v");
    List<Row> rows = sliced.collectAsList();
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.stream().map(r -> r.getLong(0)).sorted().collect(Collectors.toList())).isEqualTo(allIds());
    assertThat(rows).allSatisfy(r -> assertThat(r.getDouble(1)).isEqualTo(r.getLong(0) * 0.5));
  }

  @Test
  void transientBlobsAreDeletedOnceTheReadCanNoLongerRunAgain() throws InterruptedException {
    String sas = kit.newContainerSasUrl();
    Dataset<Row> read = distributed(sas).where("id < 100");
    assertThat(ids(read)).hasSize(100);
    assertThat(kit.blobs(sas)).isNotEmpty();
    // The same Dataset runs its physical plan again, with the same blobs.
    assertThat(ids(read)).hasSize(100);
    // The export is registered against the object that planned the read; the JVM enqueues that reference once the
    // object is garbage collected. Enqueue it here, rather than waiting for a collection to happen.
    List<Reference<?>> registrations = registrationsOf(sas);
    assertThat(registrations).as("the export is registered for deletion").isNotEmpty();
    registrations.forEach(Reference::enqueue);
    long deadline = System.currentTimeMillis() + 20_000;
    List<StoredBlob> left = kit.blobs(sas);
    while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      left = kit.blobs(sas);
    }
    assertThat(left).isEmpty();
    assertThat(registrationsOf(sas)).isEmpty();
  }

  /** The cleaner's registrations of exports into the container of {@code sas}. */
  private static List<Reference<?>> registrationsOf(String sas) {
    String container = sas.substring(0, sas.indexOf('?'));
    String name = container.substring(container.lastIndexOf('/'));
    return TransientExportCleaner.pendingByContainer().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(name)).flatMap(entry -> entry.getValue().stream())
        .collect(Collectors.toList());
  }

  @Test
  void theTransientCacheExportsOnceAndKeepsTheBlobs() {
    String sas = kit.newContainerSasUrl();
    Dataset<Row> cached = kit.read("Big").option("readMode", "ForceDistributedMode")
        .option("transientStorage", EmulatorKit.transientStorage(sas))
        .option("distributedReadModeTransientCache", "true").load();
    assertThat(ids(cached)).isEqualTo(allIds());
    List<StoredBlob> first = kit.blobs(sas);
    assertThat(first).isNotEmpty();
    // Another action with other columns and filters reuses the same export (pushdown is off with the cache).
    assertThat(ids(cached.where("id >= 5990"))).hasSize(10);
    assertThat(kit.blobs(sas)).isEqualTo(first);
    // Kept: a cached export is never registered for deletion.
    assertThat(registrationsOf(sas)).isEmpty();
  }

  @Test
  void theTransientCacheIsNotSharedAcrossCredentialsOrStorage() {
    String sas = kit.newContainerSasUrl();
    String other = kit.newContainerSasUrl();
    assertThat(ids(cachedRead(sas, "identity-one"))).isEqualTo(allIds());
    assertThat(kit.blobs(sas)).isNotEmpty();
    // Same query, cluster and database: another transient storage exports on its own.
    assertThat(ids(cachedRead(other, "identity-one"))).isEqualTo(allIds());
    assertThat(kit.blobs(other)).isNotEmpty();
    // Another identity with the same storage does not get the first identity's export either.
    List<StoredBlob> before = kit.blobs(sas);
    assertThat(ids(cachedRead(sas, "identity-two"))).isEqualTo(allIds());
    assertThat(kit.blobs(sas)).hasSizeGreaterThan(before.size());
    // The same identity and storage again: the cached export, nothing new.
    List<StoredBlob> now = kit.blobs(sas);
    assertThat(ids(cachedRead(sas, "identity-two"))).isEqualTo(allIds());
    assertThat(kit.blobs(sas)).isEqualTo(now);
  }

  private static Dataset<Row> cachedRead(String sas, String token) {
    return kit.read("Big | where id >= 0").option("readMode", "ForceDistributedMode")
        .option("transientStorage", EmulatorKit.transientStorage(sas)).option("accessToken", token)
        .option("distributedReadModeTransientCache", "true").load();
  }

  @Test
  void automaticModeReadsSmallResultsInSingleMode() throws InterruptedException {
    String sas = kit.newContainerSasUrl();
    Dataset<Row> small = kit.read("Big | where id < 5000").option("transientStorage", EmulatorKit.transientStorage(sas))
        .option("distributedReadModeTransientCache", "true").load();
    assertThat(ids(small)).hasSize(5000);
    assertThat(kit.blobs(sas)).isEmpty();
  }

  @Test
  void automaticModeExportsLargeResults() {
    String sas = kit.newContainerSasUrl();
    Dataset<Row> large = kit.read("Big | where id <= 5000").option("transientStorage", EmulatorKit.transientStorage(sas))
        .option("distributedReadModeTransientCache", "true").load();
    assertThat(ids(large)).hasSize(5001);
    assertThat(kit.blobs(sas)).isNotEmpty();
  }

  @Test
  void aFailedExportIsOneClearError() {
    Dataset<Row> read = kit.read("Big").option("readMode", "ForceDistributedMode").option("requestId", "exp-9").load();
    kit.emulator.faults().failExports("disk full");
    assertThatThrownBy(read::collectAsList).isInstanceOfSatisfying(KustoConnectorException.class,
        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.EXPORT_FAILED))
        .hasMessageContaining("disk full").hasMessageContaining(kit.emulator.engineUrl())
        .hasMessageContaining("database '" + EmulatorKit.DB + "'").hasMessageContaining("exp-9");
  }
}
