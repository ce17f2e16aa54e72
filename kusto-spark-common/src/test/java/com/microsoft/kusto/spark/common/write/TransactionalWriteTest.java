package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.write.WriteEmulator.ID_NAME;
import static com.microsoft.kusto.spark.common.write.WriteEmulator.roundTrip;
import static com.microsoft.kusto.spark.common.write.WriteEmulator.writeRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.IngestionStorageParameters;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactional writes end to end: staging table, blobs in Azurite, queued ingestion, status polling, move. */
class TransactionalWriteTest {
  private static WriteEmulator kusto;

  @BeforeAll
  static void start() {
    kusto = new WriteEmulator();
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  @AfterEach
  void clearFaults() {
    kusto.emulator.faults().clear();
  }

  @Test
  void severalPartitionsEndInTheTargetAndNoTempTableRemains() {
    kusto.mgmt(".create table Multi (id:long, name:string)");
    WriteConfig config = kusto.config("Multi", "requestId", "req-multi");
    WritePlan plan = roundTrip(kusto.preparation().prepare(config, ID_NAME));
    assertThat(plan.tempTable()).startsWith("sparkTempTable_Multi_req_multi_");
    assertThat(kusto.tempTables("Multi")).containsExactly(plan.tempTable());

    List<PartitionResult> results = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      results.add(roundTrip(writeRange(plan, p, p * 1000L, (p + 1) * 1000L)));
    }
    assertThat(kusto.count("Multi")).isZero();
    kusto.commit().commit(plan, results);

    assertThat(kusto.count("Multi")).isEqualTo(3000);
    assertThat(kusto.column("Multi | summarize n = dcount(id) | extend n = tostring(n)", "n")).containsExactly("3000");
    assertThat(kusto.tempTables("Multi")).isEmpty();
  }

  @Test
  void aFailedBlobLeavesTheTargetUnchangedAndNamesTableStatusAndRequestId() {
    kusto.mgmt(".create table Fail (id:long, name:string)");
    kusto.mgmt(".ingest inline into table Fail <|\n-1,old\n-2,old");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Fail", "requestId", "req-fail"), ID_NAME);
    kusto.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_fail_1_0_"));
    List<PartitionResult> results = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      results.add(writeRange(plan, p, p * 100L, (p + 1) * 100L));
    }
    String failedBlob = results.get(1).blobs().get(0).url();

    assertThatThrownBy(() -> kusto.commit().commit(plan, results))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INGESTION_FAILED))
        .hasMessageStartingWith("Cannot write to table 'Fail' (request id 'req-fail'): 1 of 3 blobs failed to ingest"
            + " into staging table '" + plan.tempTable() + "': blob '" + failedBlob + "'")
        .hasMessageContaining(": Failed, error BadRequest_InvalidBlob, details: Injected ingestion failure")
        .hasMessageEndingWith("The table is unchanged. Fix the data or the mapping the error points to, then write"
            + " again.");
    assertThat(kusto.column("Fail | project name", "name")).containsExactly("old", "old");
    assertThat(kusto.tempTables("Fail")).isEmpty();
  }

  @Test
  void aSmallBatchingLimitSplitsAPartitionIntoSeveralBlobsAndEveryRowLandsOnce() {
    kusto.mgmt(".create table Split (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Split"), ID_NAME).withBlobSizeLimitChars(2_000);
    PartitionResult result = writeRange(plan, 0, 0, 1000);

    assertThat(result.blobs()).hasSizeGreaterThan(5);
    // Sealed at the first row end at or past the limit; the last blob holds the rest.
    assertThat(result.blobs().subList(0, result.blobs().size() - 1))
        .allSatisfy(b -> assertThat(b.uncompressedChars()).isBetween(2_000L, 2_100L));
    assertThat(result.blobs().stream().mapToLong(QueuedBlob::rows).sum()).isEqualTo(1000);
    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.count("Split")).isEqualTo(1000);
    assertThat(kusto.column("Split | summarize n = dcount(id), lo = min(id), hi = max(id)"
        + " | project r = strcat(n, ' ', lo, ' ', hi)", "r")).containsExactly("1000 0 999");
  }

  @Test
  void tagsAndCreationTimeReachTheExtentsAndIngestIfNotExistsSkipsTheNextWrite() {
    kusto.mgmt(".create table Tagged (id:long, name:string)");
    String properties = "{\"ingestByTags\":[\"load-1\"],\"dropByTags\":[\"d1\"],\"additionalTags\":[\"extra\"],"
        + "\"creationTime\":\"2020-01-02T03:04:05Z\"}";
    WritePlan plan = kusto.preparation().prepare(kusto.config("Tagged", "sparkIngestionPropertiesJson", properties),
        ID_NAME);
    kusto.commit().commit(plan, List.of(writeRange(plan, 0, 0, 10)));

    assertThat(kusto.commandColumn(".show table Tagged extents", "Tags"))
        .singleElement().satisfies(tags -> assertThat(tags.split("\r\n"))
            .containsExactlyInAnyOrder("ingest-by:load-1", "drop-by:d1", "extra"));
    assertThat(kusto.commandColumn(".show table Tagged extents", "MinCreatedOn"))
        .singleElement().satisfies(t -> assertThat(t).startsWith("2020-01-02T03:04:05"));

    WritePlan again = kusto.preparation().prepare(kusto.config("Tagged", "sparkIngestionPropertiesJson",
        "{\"ingestIfNotExists\":[\"load-1\"]}"), ID_NAME);
    assertThat(again.skipped()).isTrue();
    assertThat(again.skipReason()).isEqualTo("an extent of the table has tag 'ingest-by:load-1' named in"
        + " ingestIfNotExists");
    assertThat(kusto.tempTables("Tagged")).isEmpty();
    kusto.commit().commit(again, List.of(writeRange(again, 0, 100, 110)));
    assertThat(kusto.count("Tagged")).isEqualTo(10);
  }

  @Test
  void aGeneratedMappingPutsColumnsByName() {
    kusto.mgmt(".create table ByName (name:string, extra:string, id:long)");
    WritePlan plan = kusto.preparation().prepare(
        kusto.config("ByName", "adjustSchema", "GenerateDynamicCsvMapping"), ID_NAME);
    kusto.commit().commit(plan, List.of(writeRange(plan, 0, 0, 5)));
    assertThat(kusto.column("ByName | where id == 3 | project r = strcat(name, '|', isempty(extra))", "r"))
        .containsExactly("name 3|true");
  }

  @Test
  void addSourceLocationTransformFillsTheSourceBlobOfEachRow() {
    WritePlan created = kusto.preparation().prepare(kusto.config("WithSource", "adjustSchema",
        "GenerateDynamicCsvMapping", "addSourceLocationTransform", "true", "tableCreateOptions", "CreateIfNotExist"),
        ID_NAME).withBlobSizeLimitChars(200);
    PartitionResult result = writeRange(created, 0, 0, 20);
    kusto.commit().commit(created, List.of(result));
    assertThat(kusto.commandColumn(".show table WithSource cslschema", "Schema"))
        .containsExactly("id:long,name:string," + SchemaAdjustment.SOURCE_LOCATION_COLUMN + ":string");
    // Each row names the blob it was staged in (the URL without its SAS), one of this write's blobs.
    List<String> sources = kusto.column("WithSource | distinct " + SchemaAdjustment.SOURCE_LOCATION_COLUMN,
        SchemaAdjustment.SOURCE_LOCATION_COLUMN);
    assertThat(sources).hasSize(result.blobs().size()).allSatisfy(url -> assertThat(url).doesNotContain("sig="));
    assertThat(result.blobs()).allSatisfy(blob -> assertThat(sources).contains(blob.url()));

    kusto.mgmt(".create table WithoutSourceColumn (id:long, name:string)");
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("WithoutSourceColumn", "adjustSchema",
        "GenerateDynamicCsvMapping", "addSourceLocationTransform", "true"), ID_NAME))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
        .hasMessageContaining("has no string column of that name")
        .hasMessageContaining(".alter-merge table WithoutSourceColumn (" + SchemaAdjustment.SOURCE_LOCATION_COLUMN
            + ":string)");
  }

  @Test
  void overwriteReplacesTheOldRowsInOneStep() {
    kusto.mgmt(".create table Over (id:long, name:string)");
    kusto.mgmt(".ingest inline into table Over <|\n-1,old\n-2,old\n-3,old");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Over"), ID_NAME, null, true);
    List<PartitionResult> results = List.of(writeRange(plan, 0, 0, 4), writeRange(plan, 1, 4, 7));
    assertThat(kusto.count("Over")).isEqualTo(3);
    kusto.commit().commit(plan, results);
    assertThat(kusto.column("Over | summarize n = count(), lo = min(id) | project r = strcat(n, ' ', lo)", "r"))
        .containsExactly("7 0");
    assertThat(kusto.tempTables("Over")).isEmpty();
  }

  @Test
  void asyncCommitReportsTheFailureThroughTheFuture() throws Exception {
    kusto.mgmt(".create table AsyncFail (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("AsyncFail", "requestId", "req-async"), ID_NAME);
    kusto.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_async_0_0_"));
    List<PartitionResult> results = List.of(writeRange(plan, 0, 0, 10));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Void> future = kusto.commit().commitAsync(plan, results, executor);
      assertThatThrownBy(() -> future.get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(KustoConnectorException.class)
          .hasMessageContaining("Cannot write to table 'AsyncFail' (request id 'req-async')");
    } finally {
      executor.shutdownNow();
    }
    assertThat(kusto.count("AsyncFail")).isZero();
    assertThat(kusto.tempTables("AsyncFail")).isEmpty();
  }

  @Test
  void blobsOfAnAttemptSparkDidNotCommitAreDroppedNotMoved() throws InterruptedException {
    kusto.mgmt(".create table Retried (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Retried"), ID_NAME).withBlobSizeLimitChars(500);
    // The first attempt was allowed to commit and queued every blob, then failed before the driver heard of it
    // (Spark ran the partition again): its blobs reach the staging table, but its result is never reported.
    PartitionResult lost = writeRange(plan, 0, 0, 150);
    assertThat(lost.blobs()).hasSizeGreaterThan(2);
    PartitionResult retried = writeRange(plan, 0, 0, 200);
    // Both attempts' rows are in the staging table before the commit starts.
    assertThat(awaitCount(plan.tempTable(), 350)).isEqualTo(350);

    kusto.commit().commit(plan, List.of(retried));
    assertThat(kusto.column("Retried | summarize n = count(), d = dcount(id) | project r = strcat(n, ' ', d)", "r"))
        .containsExactly("200 200");
    assertThat(kusto.tempTables("Retried")).isEmpty();
  }

  @Test
  void aStagingTableOverTheExtentLimitIsMovedInBatchesOfThatManyExtentsPerNode() {
    kusto.mgmt(".create table Batched (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Batched", "maximalExtentsCountForSplitMergePerNode",
        "2"), ID_NAME).withBlobSizeLimitChars(300);
    PartitionResult result = writeRange(plan, 0, 0, 100);
    assertThat(result.blobs()).hasSizeGreaterThanOrEqualTo(4);
    long movesBefore = moveOperations();

    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.column("Batched | summarize n = count(), d = dcount(id) | project r = strcat(n, ' ', d)", "r"))
        .containsExactly("100 100");
    // One node in the emulator: batches of 2 extents, so at least half as many moves as blobs.
    assertThat(moveOperations() - movesBefore)
        .isGreaterThanOrEqualTo(result.blobs().size() / 2);
  }

  @Test
  void aFailedMoveIsRetriedUpToMaxRetriesOnMoveExtents() {
    kusto.mgmt(".create table MoveRetried (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("MoveRetried", "maxRetriesOnMoveExtents", "2"),
        ID_NAME);
    PartitionResult result = writeRange(plan, 0, 0, 30);
    kusto.emulator.faults().failOperations("ExtentsMove", 2);
    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.count("MoveRetried")).isEqualTo(30);

    kusto.mgmt(".create table MoveFailed (id:long, name:string)");
    kusto.mgmt(".ingest inline into table MoveFailed <|\n-1,old");
    WritePlan failing = kusto.preparation().prepare(kusto.config("MoveFailed", "maxRetriesOnMoveExtents", "1"),
        ID_NAME);
    PartitionResult rows = writeRange(failing, 0, 0, 30);
    kusto.emulator.faults().failOperations("ExtentsMove", 2);
    assertThatThrownBy(() -> kusto.commit().commit(failing, List.of(rows)))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("Injected fault: ExtentsMove operation failed")
        .hasMessageContaining("retried 1 time(s) ('maxRetriesOnMoveExtents')");
    assertThat(kusto.column("MoveFailed | project name", "name")).containsExactly("old");
  }

  @Test
  void theServiceFailingAtCommitGivesAnErrorSayingTheTargetIsUnchanged() {
    kusto.mgmt(".create table Down (id:long, name:string)");
    kusto.mgmt(".ingest inline into table Down <|\n-1,old");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Down", "requestId", "req-down"), ID_NAME);
    List<PartitionResult> results = List.of(writeRange(plan, 0, 0, 50));
    // Every attempt of the commit's first command fails (the test runner tries 3 times); the service is back for
    // the staging table's drop.
    kusto.emulator.faults().failNext(RequestKind.MGMT, 3, 503);

    assertThatThrownBy(() -> kusto.commit().commit(plan, results))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageStartingWith("Cannot commit the write to table 'Down' (request id 'req-down'): every blob"
            + " ingested into the staging table, but preparing the move failed: Cannot freeze temp table extents")
        .hasMessageContaining("(HTTP 503)")
        .hasMessageEndingWith("The table is unchanged. Write again once the cluster answers.");
    assertThat(kusto.column("Down | project name", "name")).containsExactly("old");
    assertThat(kusto.tempTables("Down")).isEmpty();
  }

  @Test
  void aMaterializedViewSourceGetsMovesWithANewIngestionTimeWhichKustoAccepts() throws Exception {
    kusto.mgmt(".create table ViewSource (id:long, name:string)");
    kusto.mgmt(".ingest inline into table ViewSource <|\n-1,old");
    WritePlan append = kusto.preparation().prepare(kusto.config("ViewSource"), ID_NAME);
    WritePlan overwrite = kusto.preparation().prepare(kusto.config("ViewSource"), ID_NAME, null, true);
    assertThat(TransactionalCommit.moveCommand(append, false))
        .isEqualTo(".move async extents all from table ['" + append.tempTable() + "'] to table ['ViewSource']");
    assertThat(TransactionalCommit.moveCommand(append, true))
        .isEqualTo(".move async extents to table ['ViewSource'] with (SetNewIngestionTime=true) <| .show table ['"
            + append.tempTable() + "'] extents");
    assertThat(TransactionalCommit.moveCommand(overwrite, true))
        .startsWith(".replace async extents in table ['ViewSource'] with (SetNewIngestionTime=true) <| {");
    assertThat(TransactionalCommit.moveCommand(overwrite, false))
        .startsWith(".replace async extents in table ['ViewSource'] <| {");

    // The strict emulator accepts both forms, and they move the staged rows.
    writeRange(append, 0, 0, 5);
    writeRange(overwrite, 0, 100, 103);
    assertThat(awaitCount(append.tempTable(), 5)).isEqualTo(5);
    assertThat(awaitCount(overwrite.tempTable(), 3)).isEqualTo(3);
    kusto.mgmt(TransactionalCommit.moveCommand(append, true));
    assertThat(awaitCount("ViewSource", 6)).isEqualTo(6);
    kusto.mgmt(TransactionalCommit.moveCommand(overwrite, true));
    assertThat(awaitCount("ViewSource", 3)).isEqualTo(3);
    kusto.commit().abort(append);
    kusto.commit().abort(overwrite);
  }

  private static long moveOperations() {
    return kusto.commandColumn(".show operations | where Operation == 'ExtentsMove' | project OperationId",
        "OperationId").size();
  }

  private static long awaitCount(String table, long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    long count = kusto.count(table);
    while (count != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      count = kusto.count(table);
    }
    return count;
  }

  @Test
  void perBlobDeduplicationTagsAreRemovedBeforeTheMove() {
    kusto.mgmt(".create table Dedup (id:long, name:string)");
    WritePlan plan = kusto.preparation()
        .prepare(kusto.config("Dedup", "ensureNoDuplicatedBlobs", "true"), ID_NAME).withBlobSizeLimitChars(500);
    PartitionResult result = writeRange(plan, 0, 0, 100);
    assertThat(result.blobs()).hasSizeGreaterThan(2).allSatisfy(b -> assertThat(b.dedupTag()).isNotNull());
    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.count("Dedup")).isEqualTo(100);
    assertThat(kusto.commandColumn(".show table Dedup extents", "Tags")).allSatisfy(t -> assertThat(t).isEmpty());
  }

  @Test
  void aUserSuppliedStagingTableIsUsedAndKept() {
    kusto.mgmt(".create table Kept (id:long, name:string)");
    kusto.mgmt(".create table MyStaging (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Kept", "tempTableName", "MyStaging"), ID_NAME);
    assertThat(plan.ingestTable()).isEqualTo("MyStaging");
    assertThat(plan.tempTableOwned()).isFalse();
    kusto.commit().commit(plan, List.of(writeRange(plan, 0, 0, 20)));
    assertThat(kusto.count("Kept")).isEqualTo(20);
    assertThat(kusto.commandColumn(".show tables with (IncludeHiddenTables=true) | where TableName == 'MyStaging'", "TableName"))
        .containsExactly("MyStaging");
    assertThat(kusto.count("MyStaging")).isZero();
  }

  @Test
  void userStagingContainersAreUsedWithTheirSas() {
    kusto.mgmt(".create table UserStore (id:long, name:string)");
    BlobContainerClient container = new BlobServiceClientBuilder()
        .endpoint(kusto.emulator.blobEndpoint())
        .credential(new StorageSharedKeyCredential(kusto.emulator.storageAccountName(),
            kusto.emulator.storageAccountKey()))
        .buildClient()
        .createBlobContainer("userstage");
    String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
        new BlobContainerSasPermission().setReadPermission(true).setWritePermission(true).setCreatePermission(true)
            .setDeletePermission(true)));
    String storage = IngestionStorageParameters.toJsonString(
        List.of(new IngestionStorageParameters(kusto.emulator.blobEndpoint(), "userstage", null, sas)));
    WritePlan plan = kusto.preparation().prepare(kusto.config("UserStore", "kustoIngestionStorageContainer", storage),
        ID_NAME);
    PartitionResult result = writeRange(plan, 0, 0, 40);
    assertThat(result.blobs()).singleElement()
        .satisfies(b -> assertThat(b.url()).startsWith(kusto.emulator.blobEndpoint() + "/userstage/"));
    assertThat(result.toString()).doesNotContain(sas);
    kusto.commit().commit(plan, List.of(result));
    assertThat(kusto.count("UserStore")).isEqualTo(40);
  }

  @Test
  void aMappingReferenceIsCopiedToTheStagingTable() {
    kusto.mgmt(".create table Mapped (name:string, id:long)");
    kusto.mgmt(".create table Mapped ingestion csv mapping 'swap' "
        + "'[{\"column\":\"id\",\"Properties\":{\"Ordinal\":\"0\"}},"
        + "{\"column\":\"name\",\"Properties\":{\"Ordinal\":\"1\"}}]'");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Mapped", "sparkIngestionPropertiesJson",
        "{\"csvMappingNameReference\":\"swap\"}"), ID_NAME);
    kusto.commit().commit(plan, List.of(writeRange(plan, 0, 0, 5)));
    assertThat(kusto.column("Mapped | where id == 4 | project name", "name")).containsExactly("name 4");

    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Mapped", "sparkIngestionPropertiesJson",
        "{\"csvMappingNameReference\":\"nope\"}"), ID_NAME))
        .hasMessage("Cannot use the CSV mapping 'nope' named by 'csvMappingNameReference' in"
            + " 'sparkIngestionPropertiesJson': table 'Mapped' has no CSV ingestion mapping of that name. Create it"
            + " with '.create table Mapped ingestion csv mapping', or fix the name.");
    assertThat(kusto.tempTables("Mapped")).isEmpty();
  }

  @Test
  void aTagThatAppearsWhileTheWriteRunsStopsTheMove() {
    kusto.mgmt(".create table Race (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Race", "sparkIngestionPropertiesJson",
        "{\"ingestIfNotExists\":[\"day-1\"],\"ingestByTags\":[\"day-1\"]}"), ID_NAME);
    assertThat(plan.skipped()).isFalse();
    List<PartitionResult> results = List.of(writeRange(plan, 0, 0, 10));
    // Another writer commits the same load first.
    kusto.mgmt(".ingest inline into table Race with (tags='[\"ingest-by:day-1\"]') <|\n-1,other");
    kusto.commit().commit(plan, results);
    assertThat(kusto.column("Race | project name", "name")).containsExactly("other");
    assertThat(kusto.tempTables("Race")).isEmpty();
  }

  @Test
  void anEmptyOverwriteEmptiesTheTableAndAnEmptyAppendChangesNothing() {
    kusto.mgmt(".create table Empty (id:long, name:string)");
    kusto.mgmt(".ingest inline into table Empty <|\n-1,old");
    WritePlan append = kusto.preparation().prepare(kusto.config("Empty"), ID_NAME);
    PartitionResult nothing = writeRange(append, 0, 0, 0);
    assertThat(nothing.blobs()).isEmpty();
    kusto.commit().commit(append, List.of(nothing));
    assertThat(kusto.count("Empty")).isEqualTo(1);

    WritePlan overwrite = kusto.preparation().prepare(kusto.config("Empty"), ID_NAME, null, true);
    kusto.commit().commit(overwrite, List.of(writeRange(overwrite, 0, 0, 0)));
    assertThat(kusto.count("Empty")).isZero();
    assertThat(kusto.tempTables("Empty")).isEmpty();
  }

  @Test
  void aStagingContainerThatRefusesWritesFailsThePartitionWithoutLeakingTheSas() {
    kusto.mgmt(".create table NoWrite (id:long, name:string)");
    BlobContainerClient container = new BlobServiceClientBuilder()
        .endpoint(kusto.emulator.blobEndpoint())
        .credential(new StorageSharedKeyCredential(kusto.emulator.storageAccountName(),
            kusto.emulator.storageAccountKey()))
        .buildClient()
        .createBlobContainer("readonlystage");
    String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
        new BlobContainerSasPermission().setReadPermission(true)));
    String storage = IngestionStorageParameters.toJsonString(
        List.of(new IngestionStorageParameters(kusto.emulator.blobEndpoint(), "readonlystage", null, sas)));
    WritePlan plan = kusto.preparation().prepare(kusto.config("NoWrite", "kustoIngestionStorageContainer", storage),
        ID_NAME);
    String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");

    assertThatThrownBy(() -> writeRange(plan, 3, 0, 10))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INGESTION_FAILED))
        .hasMessageStartingWith("Cannot stage partition 3 of the write to table 'NoWrite' in blob storage: ")
        .hasMessageContaining("check the staging containers' availability and permissions")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(signature));
    kusto.commit().abort(plan);
    assertThat(kusto.tempTables("NoWrite")).isEmpty();
  }
}
