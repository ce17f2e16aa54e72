package com.microsoft.kusto.spark.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.it.fixture.ConnectorErrors;
import com.microsoft.kusto.spark.it.write.WriteKit;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A busy, flaky cluster: one query in two, and one management command and one streaming ingestion request in three,
 * starting with the first of each, are answered with throttling (429, with {@code Retry-After}), service
 * unavailable (503) or a connection closed without an answer. So every step of an operation meets the fault: the
 * schema probe, the row-count probe and the single-mode query alike. Every operation, read or write, still completes with exact results, checked
 * in Kusto; a permanent error fails at once with Kusto's message; throttling that outlasts {@code requestRetryTimeout}
 * fails saying so.
 */
class TransientFaultsIntegrationTest {
  private static final long SOURCE_ROWS = 300;
  private static final String EXPECTED_SOURCE = SOURCE_ROWS + " " + SOURCE_ROWS + " 0 " + (SOURCE_ROWS - 1);
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
    kit.command(".create-merge table FaultSource (id:long, name:string)");
    StringBuilder rows = new StringBuilder(".ingest inline into table FaultSource <|");
    for (long id = 0; id < SOURCE_ROWS; id++) {
      rows.append('\n').append(id).append(",name ").append(id);
    }
    kit.command(rows.toString());
    // The JVM's ingest client fetches its ingestion resources on first use; the SDK refreshes them on its own timer
    // (retrying only 429), outside any request of the connector, so that first fetch happens before the faults.
    kit.writer(WriteKit.people(0, 1, 1), "FaultWarmUp", "tableCreateOptions", "CreateIfNotExist")
        .mode(SaveMode.Append).save();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.faults().clear();
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (String operation : new String[] {"single-mode read", "automatic-mode read", "distributed read",
        "Transactional write", "Queued write", "KustoStreaming write", "streaming sink"}) {
      for (int fault : new int[] {429, 503, Faults.CONNECTION_RESET}) {
        cells.add(Arguments.of(operation, fault));
      }
    }
    return cells.stream();
  }

  /**
   * The commands the connector sends at most once: an answer lost after sending (a reset) may hide a run, and a
   * second move or export could duplicate data. The emulator fails requests before running them, so a reset on them
   * would be safe to resend here, but not on a real cluster; they get their own test below.
   */
  private static final Pattern SENT_ONCE =
      Pattern.compile("(?i)^\\s*\\.(move|replace)\\s+async\\s+extents|^\\s*\\.export\\s+async");

  private static void injectFaults(int fault) {
    kit.faults().failEvery(RequestKind.QUERY, 2, fault)
        .failEvery(RequestKind.MGMT, 3, fault, text -> fault != Faults.CONNECTION_RESET || !SENT_ONCE.matcher(text)
            .find())
        .failEvery(RequestKind.STREAMING_INGEST, 3, fault).retryAfter(Duration.ofSeconds(1));
  }

  /** Clears the faults after checking that the operation met them ({@code kinds}, at least {@code times} each). */
  private static void assertMetAndClear(int times, RequestKind... kinds) {
    for (RequestKind kind : kinds) {
      assertThat(kit.faults().injected(kind)).as("faults injected into %s requests", kind)
          .isGreaterThanOrEqualTo(times);
    }
    kit.faults().clear();
  }

  @ParameterizedTest(name = "{0} under fault {1}")
  @MethodSource("cells")
  void everyOperationCompletesWithExactResults(String operation, int fault, @TempDir Path dir) throws Exception {
    String table = ("Fault_" + operation.replaceAll("[^A-Za-z]", "_") + "_" + (fault < 0 ? "reset" : fault));
    injectFaults(fault);
    switch (operation) {
      case "single-mode read":
        String single = readStats(read("ForceSingleMode"));
        // The schema probe and the single-mode query each met the fault once.
        assertMetAndClear(2, RequestKind.QUERY);
        assertThat(single).isEqualTo(EXPECTED_SOURCE);
        break;
      case "automatic-mode read":
        // The row-count probe runs between them: it too meets the fault, and is retried or left for distributed
        // mode (within its short deadline).
        String automatic = readStats(read(null));
        assertMetAndClear(2, RequestKind.QUERY);
        assertThat(automatic).isEqualTo(EXPECTED_SOURCE);
        break;
      case "distributed read":
        String distributed = readStats(read("ForceDistributedMode"));
        assertMetAndClear(1, RequestKind.QUERY, RequestKind.MGMT);
        assertThat(distributed).isEqualTo(EXPECTED_SOURCE);
        break;
      case "Transactional write":
        write(table, "Transactional");
        assertMetAndClear(1, RequestKind.MGMT);
        assertExact(table);
        break;
      case "Queued write":
        write(table, "Queued");
        assertMetAndClear(1, RequestKind.MGMT);
        assertThat(WriteKit.await(() -> kit.idStats(table), "600 600 0 599")).isEqualTo("600 600 0 599");
        break;
      case "KustoStreaming write":
        write(table, "KustoStreaming");
        assertMetAndClear(1, RequestKind.MGMT, RequestKind.STREAMING_INGEST);
        assertExact(table);
        break;
      case "streaming sink":
        streamInto(table, dir);
        assertMetAndClear(1, RequestKind.MGMT);
        assertExact(table);
        break;
      default:
        throw new IllegalArgumentException(operation);
    }
  }

  /** A single-mode query runs in a task: Spark wraps the failure, whose cause names cluster, database and id. */
  @Test
  void aPermanentErrorFailsAtOnceWithKustosMessage() {
    Dataset<Row> read = reader("ForceSingleMode").option("requestId", "it-task-fails").load();
    // The schema probe has run while loading; the next query is the task's. One 400 is queued: had it been
    // retried, the second attempt would have succeeded.
    kit.faults().failNext(RequestKind.QUERY, 1, 400);
    assertThatThrownBy(read::collectAsList).satisfies(e -> assertThat(ConnectorErrors.in(e))
        .satisfies(error -> assertThat(error.getErrorCode()).isEqualTo(ErrorCode.KUSTO_REQUEST_FAILED))
        .hasMessageContaining("Injected fault: QUERY request answered with HTTP 400")
        .hasMessageContaining("Check the query")
        .hasMessageContaining(kit.kusto().engineUrl()).hasMessageContaining("database 'db'")
        .hasMessageContaining("it-task-fails;single-mode-read;0.1'"));
  }

  @Test
  void throttlingThatOutlastsTheBudgetFailsSayingSo() {
    Dataset<Row> read = reader("ForceSingleMode").option("requestRetryTimeout", "2").load();
    read.schema();
    kit.faults().failEvery(RequestKind.QUERY, 1, 429);
    assertThatThrownBy(read::collectAsList).satisfies(e -> assertThat(ConnectorErrors.in(e))
        .satisfies(error -> assertThat(error.getErrorCode()).isEqualTo(ErrorCode.RETRIES_EXHAUSTED))
        .hasMessageContaining("Kusto throttled the request (HTTP 429) on")
        .hasMessageContaining("raise 'requestRetryTimeout' (seconds, now 2)"));
  }

  /** A lost answer to a move is not resent (it may have run); the write fails saying so and how to look it up. */
  @Test
  void aMoveWhoseAnswerIsLostIsNotSentTwice() {
    kit.command(".create table LostMove (id:long, name:string)");
    kit.faults().failEvery(RequestKind.MGMT, 1, Faults.CONNECTION_RESET,
        text -> text.toLowerCase(java.util.Locale.ROOT).contains(".move async extents"));
    assertThatThrownBy(() -> write("LostMove", "Transactional")).satisfies(e -> assertThat(ConnectorErrors.in(e))
        .hasMessageContaining("the answer was lost after the command was sent")
        .hasMessageContaining("it is not sent again")
        .hasMessageContaining(".show commands | where ClientActivityId == "));
    assertThat(kit.faults().injected(RequestKind.MGMT)).as("sent once").isEqualTo(1);
    kit.faults().clear();
    // The emulator dropped the request before running it: nothing moved, and the staging table is gone.
    assertThat(kit.count("LostMove")).isZero();
    assertThat(kit.tempTables("LostMove")).isEmpty();
  }

  @Test
  void aRowCountProbeThatStaysThrottledLeavesTheChoiceToDistributedMode() {
    Dataset<Row> read = read(null);
    // From here on every query is throttled: the row-count probe gives up within its short deadline, and the
    // distributed read (an export, a management command) does not query at all.
    kit.faults().failEvery(RequestKind.QUERY, 1, 429);
    assertThat(readStats(read)).isEqualTo(EXPECTED_SOURCE);
    assertThat(kit.faults().injected(RequestKind.QUERY)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRowCountProbeThatFailsPermanentlyFailsTheReadAtOnce() {
    Dataset<Row> read = read(null);
    // One 400 is queued, for the probe: falling back to distributed mode would have read every row.
    kit.faults().failNext(RequestKind.QUERY, 1, 400);
    assertThatThrownBy(read::collectAsList).satisfies(e -> assertThat(ConnectorErrors.in(e))
        .hasMessageContaining("Cannot count rows on cluster")
        .hasMessageContaining("Injected fault: QUERY request answered with HTTP 400"));
  }

  private static DataFrameReader reader(String mode) {
    DataFrameReader reader = LocalSpark.session().read().format("kusto")
        .options(kit.kusto().options("FaultSource"));
    return mode == null ? reader : reader.option("readMode", mode);
  }

  private static Dataset<Row> read(String mode) {
    return reader(mode).load();
  }

  /** "rows distinct-ids min-id max-id", computed by Spark on the rows the connector read. */
  private static String readStats(Dataset<Row> rows) {
    Row stats = rows.selectExpr("count(*)", "count(distinct id)", "min(id)", "max(id)").collectAsList().get(0);
    return stats.get(0) + " " + stats.get(1) + " " + stats.get(2) + " " + stats.get(3);
  }

  private static void write(String table, String mode) {
    kit.writer(WriteKit.people(0, 600, 3), table, "writeMode", mode, "tableCreateOptions", "CreateIfNotExist")
        .mode(SaveMode.Append).save();
  }

  private static void assertExact(String table) {
    assertThat(kit.idStats(table)).isEqualTo("600 600 0 599");
    assertThat(kit.tempTables(table)).isEmpty();
  }

  private static void streamInto(String table, Path dir) throws Exception {
    StructType schema = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
    Path input = dir.resolve("in");
    // Written before the faults matter to it: the file source is local.
    WriteKit.people(0, 600, 2).write().parquet(input.toString());
    Map<String, String> options = kit.options(table, "tableCreateOptions", "CreateIfNotExist");
    StreamingQuery query = LocalSpark.session().readStream().schema(schema).parquet(input.toString())
        .writeStream().format("kusto").options(options)
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).start();
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
  }
}
