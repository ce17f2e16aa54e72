package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.faults.RequestKind;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes under injected faults: throttling and transient server errors are retried without losing or doubling rows;
 * a blob that fails to ingest, the service failing at commit and a task that dies mid-write each leave the target
 * exactly as Transactional promises (unchanged, or every row once), checked in Kusto; an application exiting while
 * its {@code writeEnableAsync} commit runs does not lose it.
 */
class FaultsWriteIntegrationTest {
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.faults().clear();
  }

  @Test
  void throttlingAndTransientServerErrorsAreRetriedAndEveryRowLandsOnce() {
    kit.command(".create table Throttled (id:long, name:string)");
    kit.faults().failNext(RequestKind.MGMT, 1, 429);
    kit.writer(WriteKit.people(0, 1000, 3), "Throttled").mode(SaveMode.Append).save();
    assertThat(kit.faults().takeFailure(RequestKind.MGMT)).as("the throttled answer was sent").isEmpty();

    kit.faults().failNext(RequestKind.MGMT, 1, 503);
    kit.writer(WriteKit.people(1000, 2000, 3), "Throttled").mode(SaveMode.Append).save();
    assertThat(kit.faults().takeFailure(RequestKind.MGMT)).as("the 503 answer was sent").isEmpty();

    assertThat(kit.idStats("Throttled")).isEqualTo("2000 2000 0 1999");
    assertThat(kit.tempTables("Throttled")).isEmpty();
  }

  @Test
  void streamingIngestionRetriesTransientErrorsWithoutDoublingRows() {
    kit.faults().failNext(RequestKind.STREAMING_INGEST, 2, 503);
    kit.writer(WriteKit.people(0, 500, 2), "StreamRetried", "writeMode", "KustoStreaming", "tableCreateOptions",
        "CreateIfNotExist").mode(SaveMode.Append).save();

    assertThat(kit.faults().takeFailure(RequestKind.STREAMING_INGEST)).isEmpty();
    assertThat(kit.idStats("StreamRetried")).isEqualTo("500 500 0 499");
  }

  @Test
  void aFailedBlobFailsTheWriteNamingTableBlobStatusAndRequestIdAndLeavesTheTargetUnchanged() {
    kit.createWithOldRows("FailedBlob");
    // Blob names start with the write id (the request id) and the Spark partition id.
    kit.faults().failIngestionOfBlobs(name -> name.contains("/req_itfail_1_0_"));

    assertThatThrownBy(() -> kit.writer(WriteKit.people(0, 600, 3), "FailedBlob", "requestId", "req-itfail")
        .mode(SaveMode.Append).save())
        .hasStackTraceContaining("Cannot write to table 'FailedBlob' (request id 'req-itfail'): 1 of 3 blobs failed"
            + " to ingest into staging table 'sparkTempTable_FailedBlob_req_itfail_")
        .hasStackTraceContaining("/req_itfail_1_0_")
        .hasStackTraceContaining(": Failed, error BadRequest_InvalidBlob, details: Injected ingestion failure")
        .hasStackTraceContaining("The table is unchanged.");
    assertThat(kit.queryColumn("FailedBlob | project name", "name")).containsExactly("old", "old");
    assertThat(kit.tempTables("FailedBlob")).isEmpty();
  }

  @Test
  void theServiceFailingAtCommitGivesAClearErrorAndLeavesTheTargetUnchanged() {
    kit.createWithOldRows("DownAtCommit");
    // A first write makes this JVM's ingest client fetch and cache its resources, as any job's first write does.
    kit.writer(WriteKit.people(0, 10, 1), "WarmUp", "tableCreateOptions", "CreateIfNotExist")
        .mode(SaveMode.Append).save();

    // The last row of the only partition turns the service's management endpoint into a failing one for longer
    // than the 2 s retry budget of the commit's first command; it answers again for the staging table's drop.
    long rows = 500;
    assertThatThrownBy(() -> kit.writer(RowHook.onRow(WriteKit.people(0, rows, 1), rows - 1,
        () -> kit.faults().failNext(RequestKind.MGMT, 5, 503)), "DownAtCommit", "requestId", "req-down",
        "timeoutLimit", "10", "requestRetryTimeout", "2").mode(SaveMode.Append).save())
        .hasStackTraceContaining("Cannot commit the write to table 'DownAtCommit' (request id 'req-down')")
        .hasStackTraceContaining("(HTTP 503)")
        .hasStackTraceContaining("The table is unchanged.");
    kit.faults().clear();
    assertThat(kit.queryColumn("DownAtCommit | project name", "name")).containsExactly("old", "old");
  }

  @Test
  void aTaskDyingMidWriteIsRetriedWithoutDuplicatesAndAnExitDuringTheBackgroundCommitWaitsForIt(@TempDir Path dir)
      throws Exception {
    kit.command(".create table Retried (id:long, name:string)");
    long rows = 400_000;
    ChildSparkJvm.Outcome child = ChildSparkJvm.run(dir, RetriedTaskWrite.class, kit.cluster(), "Retried",
        Long.toString(rows));

    assertThat(child.exitCode).as("the child write's exit code; its output:\n%s", child.output).isEqualTo(0);
    assertThat(child.output).contains(RetriedTaskWrite.FAILURE).contains(RetriedTaskWrite.EXITING);
    // Checked at once, without polling: the JVM exit waited for the background commit.
    assertThat(kit.idStats("Retried")).isEqualTo(rows + " " + rows + " 0 " + (rows - 1));
    assertThat(kit.tempTables("Retried")).isEmpty();
  }
}
