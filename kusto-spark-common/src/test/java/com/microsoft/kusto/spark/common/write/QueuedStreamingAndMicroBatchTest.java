package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.write.WriteEmulator.ID_NAME;
import static com.microsoft.kusto.spark.common.write.WriteEmulator.writeRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.spark.common.client.EmulatorRequests;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queued and KustoStreaming writes, and exactly-once streaming micro-batches, against the emulator. */
class QueuedStreamingAndMicroBatchTest {
  private static WriteEmulator kusto;

  @BeforeAll
  static void start() {
    kusto = new WriteEmulator();
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  private static void awaitCount(String table, long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (kusto.count(table) < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(kusto.count(table)).isEqualTo(expected);
  }

  @Test
  void queuedWritesGoStraightIntoTheTarget() throws Exception {
    kusto.mgmt(".create table Queued (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Queued", "writeMode", "Queued",
        "sparkIngestionPropertiesJson", "{\"ingestByTags\":[\"q-load\"]}"), ID_NAME);
    assertThat(plan.tempTable()).isNull();
    assertThat(plan.ingestTable()).isEqualTo("Queued");
    assertThat(plan.reportStatus()).isFalse();
    // Partition results travel from executors to the driver: they must serialize in every mode.
    List<PartitionResult> results =
        List.of(WriteEmulator.roundTrip(writeRange(plan, 0, 0, 300)), WriteEmulator.roundTrip(writeRange(plan, 1, 300, 600)));
    kusto.commit().commit(plan, results);
    awaitCount("Queued", 600);
    assertThat(kusto.tempTables("Queued")).isEmpty();

    // The SDK passes ingestIfNotExists to Kusto, which skips the blobs of a repeated load.
    WritePlan repeat = kusto.preparation().prepare(kusto.config("Queued", "writeMode", "Queued",
        "sparkIngestionPropertiesJson", "{\"ingestIfNotExists\":[\"q-load\"]}"), ID_NAME);
    assertThat(repeat.skipped()).isTrue();
  }

  @Test
  void streamingWritesSendBoundedChunksSynchronously() {
    kusto.mgmt(".create table Streamed (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Streamed", "writeMode", "KustoStreaming"), ID_NAME)
        .withBlobSizeLimitChars(1_000);
    PartitionResult result = writeRange(plan, 0, 0, 500);
    assertThat(result.rows()).isEqualTo(500);
    assertThat(result.blobs()).isEmpty();
    // Synchronous: no waiting. Every chunk became its own extent.
    assertThat(kusto.count("Streamed")).isEqualTo(500);
    assertThat(kusto.commandColumn(".show table Streamed extents", "ExtentId")).hasSizeGreaterThan(5);
    assertThat(kusto.column("Streamed | summarize n = dcount(id) | project n = tostring(n)", "n"))
        .containsExactly("500");
  }

  @Test
  void streamingRefusesTagsItCannotApply() {
    assertThatThrownBy(() -> kusto.preparation().prepare(kusto.config("Streamed", "writeMode", "KustoStreaming",
        "sparkIngestionPropertiesJson", "{\"additionalTags\":[\"x\"]}"), ID_NAME))
        .hasMessageContaining("streaming ingestion ('writeMode' KustoStreaming) cannot set extent tags");
  }

  @Test
  void aCommittedMicroBatchIsRecognisedInKustoAndSkipped() {
    kusto.mgmt(".create table Stream1 (id:long, name:string)");
    MicroBatch batch7 = new MicroBatch("query-1", 7);
    WritePlan plan = kusto.preparation().prepare(kusto.config("Stream1"), ID_NAME, batch7, false);
    assertThat(plan.skipped()).isFalse();
    assertThat(MicroBatchIdempotence.alreadyCommitted(kusto.runner, "Stream1", batch7, EmulatorRequests.inSeconds(30)))
        .isFalse();
    kusto.commit().commit(plan, List.of(writeRange(plan, 0, 0, 50), writeRange(plan, 1, 50, 100)));
    assertThat(kusto.commandColumn(".show table Stream1 extents", "Tags")).isNotEmpty()
        .allSatisfy(tags -> assertThat(tags).isEqualTo("ingest-by:query-1_7"));

    // A restarted query (fresh objects, nothing remembered in the JVM) replays batch 7: it is skipped.
    WritePlan replay = new TableWritePreparation(kusto.runner).prepare(kusto.config("Stream1"), ID_NAME,
        new MicroBatch("query-1", 7), false);
    assertThat(replay.skipped()).isTrue();
    assertThat(replay.skipReason()).isEqualTo("micro-batch 7 of query query-1 is already committed (an extent of"
        + " the table has tag 'ingest-by:query-1_7')");
    assertThat(kusto.tempTables("Stream1")).isEmpty();
    kusto.commit().commit(replay, List.of(writeRange(replay, 0, 0, 50)));
    assertThat(kusto.count("Stream1")).isEqualTo(100);

    WritePlan next = kusto.preparation().prepare(kusto.config("Stream1"), ID_NAME, new MicroBatch("query-1", 8),
        false);
    assertThat(next.skipped()).isFalse();
    kusto.commit().commit(next, List.of(writeRange(next, 0, 100, 130)));
    assertThat(kusto.count("Stream1")).isEqualTo(130);
    assertThat(MicroBatchIdempotence.alreadyCommitted(kusto.runner, "Stream1", new MicroBatch("query-1", 8),
        EmulatorRequests.inSeconds(30))).isTrue();
    assertThat(MicroBatchIdempotence.alreadyCommitted(kusto.runner, "Stream1", new MicroBatch("query-2", 7),
        EmulatorRequests.inSeconds(30))).isFalse();
  }

  @Test
  void streamingFallsBackToQueuedIngestionWhenTheStreamingEndpointKeepsFailing() throws Exception {
    kusto.mgmt(".create table Fallback (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("Fallback", "writeMode", "KustoStreaming"), ID_NAME);
    kusto.emulator.faults().failNext(RequestKind.STREAMING_INGEST, 1000, 503);
    try {
      PartitionResult result = writeRange(plan, 0, 0, 25);
      assertThat(result.rows()).isEqualTo(25);
    } finally {
      kusto.emulator.faults().clear();
    }
    awaitCount("Fallback", 25);
  }

  @Test
  void aQueuedWriteWithStatusReportingWaitsAndReportsAFailedBlob() {
    kusto.mgmt(".create table QueuedPoll (id:long, name:string)");
    WritePlan plan = kusto.preparation().prepare(kusto.config("QueuedPoll", "writeMode", "Queued", "requestId",
        "req-qp"), ID_NAME).withStatusReporting();
    kusto.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_qp_1_0_"));
    try {
      List<PartitionResult> results = List.of(writeRange(plan, 0, 0, 30), writeRange(plan, 1, 30, 60));
      assertThatThrownBy(() -> kusto.commit().commit(plan, results))
          .hasMessageStartingWith("Cannot write to table 'QueuedPoll' (request id 'req-qp'): 1 of 2 blobs failed to"
              + " ingest into table 'QueuedPoll': blob '" + results.get(1).blobs().get(0).url() + "'")
          .hasMessageContaining("The other blobs' rows are in the table (Queued mode is not all-or-nothing).");
    } finally {
      kusto.emulator.faults().clear();
    }
    // Waited: the successful blob is in when commit returns.
    assertThat(kusto.count("QueuedPoll")).isEqualTo(30);
  }
}
