package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code df.write} save modes, table creation options, write modes, a failed ingestion and the static helper. */
class KustoBatchWriteTest {
  private static EmulatorKit kit;

  @BeforeAll
  static void start() {
    kit = EmulatorKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** Rows (id, "name id") for ids {@code from..to-1}, in three partitions. */
  private static Dataset<Row> people(long from, long to) {
    return kit.spark().range(from, to).repartition(3)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"));
  }

  private static void createPeopleTable(String table) {
    kit.command(".create table " + table + " (id:long, name:string)");
  }

  private static String idStats(String table) {
    return WriteSupport.column(kit, table + " | summarize n = count(), d = dcount(id), lo = min(id), hi = max(id)"
        + " | project r = strcat(n, ' ', d, ' ', lo, ' ', hi)", "r").get(0);
  }

  @Test
  void appendAddsEveryRowOfEveryPartitionOnceAndLeavesNoStagingTable() {
    createPeopleTable("Appended");
    kit.command(".ingest inline into table Appended <|\n-1,old");
    people(0, 2000).write().format("kusto").options(WriteSupport.options(kit, "Appended")).mode(SaveMode.Append)
        .save();

    assertThat(idStats("Appended")).isEqualTo("2001 2001 -1 1999");
    assertThat(WriteSupport.column(kit, "Appended | where id == 1234 | project name", "name"))
        .containsExactly("name 1234");
    assertThat(WriteSupport.tempTables(kit, "Appended")).isEmpty();
  }

  @Test
  void overwriteReplacesTheOldRowsWithAllTheNewOnes() {
    createPeopleTable("Replaced");
    kit.command(".ingest inline into table Replaced <|\n-1,old\n-2,old");
    people(0, 1500).write().format("kusto").options(WriteSupport.options(kit, "Replaced"))
        .mode(SaveMode.Overwrite).save();

    assertThat(idStats("Replaced")).isEqualTo("1500 1500 0 1499");
    assertThat(WriteSupport.column(kit, "Replaced | where name == 'old' | count | project n = tostring(Count)", "n"))
        .containsExactly("0");
    assertThat(WriteSupport.tempTables(kit, "Replaced")).isEmpty();
  }

  @Test
  void errorIfExistsAndIgnoreAreRejectedBySparkNamingTheModeAndTheFix() {
    createPeopleTable("Modes");
    for (SaveMode mode : new SaveMode[] {SaveMode.ErrorIfExists, SaveMode.Ignore}) {
      assertThatThrownBy(() -> people(0, 10).write().format("kusto").options(WriteSupport.options(kit, "Modes"))
          .mode(mode).save())
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining(mode.name())
          // Spark 3.x says "Append or Overwrite", Spark 4 quotes each mode: both name the two modes to use.
          .hasMessageContainingAll("Append", "Overwrite");
    }
    assertThat(WriteSupport.count(kit, "Modes")).isZero();
  }

  @Test
  void createIfNotExistCreatesTheTableFromTheDataFrameSchema() {
    people(0, 100).write().format("kusto")
        .options(WriteSupport.options(kit, "Created", "tableCreateOptions", "CreateIfNotExist"))
        .mode(SaveMode.Append).save();

    assertThat(WriteSupport.commandColumn(kit, ".show table Created cslschema", "Schema"))
        .containsExactly("id:long,name:string");
    assertThat(idStats("Created")).isEqualTo("100 100 0 99");
  }

  @Test
  void failIfNotExistFailsBeforeAnyTaskAndCreatesNothing() {
    assertThatThrownBy(() -> people(0, 10).write().format("kusto")
        .options(WriteSupport.options(kit, "Missing", "tableCreateOptions", "FailIfNotExist"))
        .mode(SaveMode.Append).save())
        .hasMessageContaining("table 'Missing'")
        .hasMessageContaining("FailIfNotExist")
        .hasMessageContaining("CreateIfNotExist");
    assertThat(WriteSupport.tableExists(kit, "Missing")).isFalse();
  }

  @Test
  void queuedModeQueuesStraightIntoTheTarget() throws InterruptedException {
    createPeopleTable("QueuedT");
    people(0, 900).write().format("kusto").options(WriteSupport.options(kit, "QueuedT", "writeMode", "Queued"))
        .mode(SaveMode.Append).save();

    assertThat(WriteSupport.awaitValue(() -> WriteSupport.count(kit, "QueuedT"), 900)).isEqualTo(900);
    assertThat(idStats("QueuedT")).isEqualTo("900 900 0 899");
    assertThat(WriteSupport.tempTables(kit, "QueuedT")).isEmpty();
  }

  @Test
  void kustoStreamingModeSendsTheRowsWithStreamingIngestion() {
    people(0, 700).write().format("kusto").options(WriteSupport.options(kit, "Streamed", "writeMode",
        "KustoStreaming", "tableCreateOptions", "CreateIfNotExist")).mode(SaveMode.Append).save();

    assertThat(idStats("Streamed")).isEqualTo("700 700 0 699");
  }

  @Test
  void overwriteInQueuedModeIsRefusedBeforeWriting() {
    createPeopleTable("NoQueuedOverwrite");
    kit.command(".ingest inline into table NoQueuedOverwrite <|\n-1,old");
    assertThatThrownBy(() -> people(0, 10).write().format("kusto")
        .options(WriteSupport.options(kit, "NoQueuedOverwrite", "writeMode", "Queued"))
        .mode(SaveMode.Overwrite).save())
        .hasMessageContaining("Transactional").hasMessageContaining("Queued");
    assertThat(WriteSupport.count(kit, "NoQueuedOverwrite")).isEqualTo(1);
  }

  @Test
  void aFailedBlobFailsTheJobNamingTableAndRequestIdAndLeavesTheTargetAndNoStagingTable() {
    createPeopleTable("Failing");
    kit.command(".ingest inline into table Failing <|\n-1,old\n-2,old");
    // Blob names start with the write id (the request id) and the Spark partition id.
    kit.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_sparkfail_1_0_"));

    assertThatThrownBy(() -> people(0, 600).write().format("kusto")
        .options(WriteSupport.options(kit, "Failing", "requestId", "req-sparkfail")).mode(SaveMode.Append).save())
        .hasStackTraceContaining("Cannot write to table 'Failing' (request id 'req-sparkfail'): 1 of 3 blobs failed")
        .hasStackTraceContaining("The table is unchanged.");
    assertThat(WriteSupport.column(kit, "Failing | project name", "name")).containsExactly("old", "old");
    assertThat(WriteSupport.tempTables(kit, "Failing")).isEmpty();
  }

  @Test
  void writeEnableAsyncReturnsBeforeTheCommitWhichCompletesInTheBackground() throws InterruptedException {
    createPeopleTable("AsyncT");
    people(0, 500).write().format("kusto").options(WriteSupport.options(kit, "AsyncT", "writeEnableAsync", "true"))
        .mode(SaveMode.Append).save();

    assertThat(WriteSupport.awaitValue(() -> WriteSupport.count(kit, "AsyncT"), 500)).isEqualTo(500);
    assertThat(idStats("AsyncT")).isEqualTo("500 500 0 499");
  }

  @Test
  void withWriteEnableAsyncAFailedIngestionDoesNotFailTheSaveAndTheBackgroundCommitMovesNothing()
      throws InterruptedException {
    createPeopleTable("AsyncFail");
    kit.command(".ingest inline into table AsyncFail <|\n-1,old");
    kit.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_asyncfail_0_0_"));

    // Without writeEnableAsync this save throws (see the failed-blob test): here it returns.
    people(0, 300).write().format("kusto").options(WriteSupport.options(kit, "AsyncFail", "writeEnableAsync",
        "true", "requestId", "req-asyncfail")).mode(SaveMode.Append).save();

    assertThat(WriteSupport.awaitValue(() -> WriteSupport.tempTables(kit, "AsyncFail").size(), 0)).isZero();
    assertThat(WriteSupport.column(kit, "AsyncFail | project name", "name")).containsExactly("old");
  }

  @Test
  void staticHelperAppendsAndPassesTheIngestionProperties() {
    createPeopleTable("Helped");
    Map<String, String> conf = new HashMap<>();
    conf.put("timeoutLimit", "120");
    SparkIngestionProperties tagged = new SparkIngestionProperties(false, null,
        Collections.singletonList("helper-run"), null, null, null, null, null);
    KustoWrites.kusto(people(0, 300), WriteSupport.cluster(kit), EmulatorKit.DB, "Helped", conf, tagged);
    assertThat(idStats("Helped")).isEqualTo("300 300 0 299");

    // The same run again, now only if its tag is absent: skipped, so the properties did reach the write.
    SparkIngestionProperties onlyOnce = new SparkIngestionProperties(false, null, null, null,
        Collections.singletonList("helper-run"), null, null, null);
    KustoWrites.kusto(people(0, 300), WriteSupport.cluster(kit), EmulatorKit.DB, "Helped", conf, onlyOnce);
    KustoWrites.kusto(people(300, 400), WriteSupport.cluster(kit), EmulatorKit.DB, "Helped", conf);
    assertThat(idStats("Helped")).isEqualTo("400 400 0 399");
  }
}
