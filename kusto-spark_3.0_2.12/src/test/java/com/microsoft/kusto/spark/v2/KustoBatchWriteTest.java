package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the integration suite does not cover on every Spark line: overwrite refused outside the Transactional mode,
 * {@code writeEnableAsync} and the static helper. Save modes, creation and adjustment options, write modes and a
 * failed blob are in the suite ({@code kusto-spark-it}, package {@code it.write}).
 */
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
