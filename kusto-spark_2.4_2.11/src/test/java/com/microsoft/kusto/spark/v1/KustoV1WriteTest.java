package com.microsoft.kusto.spark.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch writes through the Spark 2.4 source: every save mode, type encoding, failures, the helper. */
class KustoV1WriteTest {
  private static V1Kit kit;

  @BeforeAll
  static void start() {
    kit = V1Kit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.emulator.faults().clear();
  }

  /** Rows with ids {@code from..to-1}, two partitions. */
  private static Dataset<Row> rows(long from, long to) {
    return kit.spark().range(from, to).repartition(2)
        .select(functions.col("id"), functions.concat(functions.lit("name "), functions.col("id")).as("name"));
  }

  private static void save(Dataset<Row> data, String table, SaveMode mode, String... options) {
    data.write().format("kusto").options(kit.writeOptions(table, options)).mode(mode).save();
  }

  @Test
  void appendCreatesTheTableAndEncodesEveryValueExactly() {
    StructType schema = new StructType().add("id", DataTypes.LongType).add("ts", DataTypes.TimestampType)
        .add("dec", DataTypes.createDecimalType(38, 18)).add("tags", DataTypes.createArrayType(DataTypes.StringType))
        .add("s", DataTypes.StringType);
    Dataset<Row> data = kit.spark().createDataFrame(Arrays.asList(
        RowFactory.create(1L, Timestamp.from(Instant.parse("2024-02-29T23:59:59.123456Z")),
            new BigDecimal("-12345678901234567890.123456789012345678"), Arrays.asList("a", "b\"c"), "x,\"y\"\n"),
        RowFactory.create(2L, null, null, null, null)), schema);

    save(data, "Typed", SaveMode.Append, "tableCreateOptions", "CreateIfNotExist");

    assertThat(kit.column("Typed | order by id asc | project r = strcat(id, '|', tostring(ts), '|', "
        + "tostring(dec), '|', tostring(tags), '|', s)", "r")).containsExactly(
        "1|2024-02-29T23:59:59.1234560Z|-12345678901234567890.123456789012345678|[\"a\",\"b\\\"c\"]|x,\"y\"\n",
        "2||||");
    assertThat(kit.tempTables("Typed")).isEmpty();
  }

  @Test
  void overwriteReplacesTheRowsAndAppendAddsToThem() {
    save(rows(0, 100), "Replaced", SaveMode.Append, "tableCreateOptions", "CreateIfNotExist");
    save(rows(100, 150), "Replaced", SaveMode.Append);
    assertThat(kit.idStats("Replaced")).isEqualTo("150 150 0 149");

    save(rows(1000, 1010), "Replaced", SaveMode.Overwrite);
    assertThat(kit.idStats("Replaced")).isEqualTo("10 10 1000 1009");
    assertThat(kit.tempTables("Replaced")).isEmpty();
  }

  @Test
  void errorIfExistsRefusesAnExistingTableAndCreatesAMissingOne() {
    kit.command(".create table Existing (id:long, name:string)");
    kit.command(".ingest inline into table Existing <|\n7,seven");

    assertThatThrownBy(() -> rows(0, 5).write().format("kusto").options(kit.writeOptions("Existing")).save())
        .isInstanceOf(KustoConnectorException.class).hasMessageContaining("table 'Existing'")
        .hasMessageContaining("ErrorIfExists").hasMessageContaining("mode(\"append\")");
    assertThat(kit.idStats("Existing")).isEqualTo("1 1 7 7");

    rows(0, 5).write().format("kusto").options(kit.writeOptions("Fresh")).save();
    assertThat(kit.idStats("Fresh")).isEqualTo("5 5 0 4");
  }

  @Test
  void ignoreLeavesAnExistingTableAloneAndCreatesAMissingOne() {
    kit.command(".create table Kept (id:long, name:string)");
    kit.command(".ingest inline into table Kept <|\n7,seven");

    save(rows(0, 5), "Kept", SaveMode.Ignore);
    assertThat(kit.idStats("Kept")).isEqualTo("1 1 7 7");

    save(rows(0, 5), "NewlyKept", SaveMode.Ignore);
    assertThat(kit.idStats("NewlyKept")).isEqualTo("5 5 0 4");
  }

  @Test
  void aFailedBlobLeavesTheTableUnchangedAndNoStagingTable() {
    kit.command(".create table Guarded (id:long, name:string)");
    save(rows(0, 10), "Guarded", SaveMode.Append);
    kit.emulator.faults().failIngestionOfBlobs(name -> name.contains("/req_v1fail_"));

    assertThatThrownBy(() -> save(rows(10, 500), "Guarded", SaveMode.Overwrite, "requestId", "req-v1fail"))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("Cannot write to table 'Guarded' (request id 'req-v1fail')");

    assertThat(kit.idStats("Guarded")).isEqualTo("10 10 0 9");
    assertThat(kit.tempTables("Guarded")).isEmpty();
  }

  @Test
  void aFailingTaskFailsTheSaveAndDropsTheStagingTable() {
    kit.command(".create table TaskFails (id:long, name:string)");
    Dataset<Row> failing = rows(0, 100).where("assert_true(id < 90) is null");

    assertThatThrownBy(() -> save(failing, "TaskFails", SaveMode.Append)).hasStackTraceContaining("< 90)' is not true");

    assertThat(kit.idStats("TaskFails")).startsWith("0 ");
    assertThat(kit.tempTables("TaskFails")).isEmpty();
  }

  @Test
  void queuedModeAppendsWithoutStaging() throws InterruptedException {
    save(rows(0, 40), "QueuedTarget", SaveMode.Append, "writeMode", "Queued", "tableCreateOptions",
        "CreateIfNotExist");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!kit.idStats("QueuedTarget").startsWith("40 ") && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(kit.idStats("QueuedTarget")).isEqualTo("40 40 0 39");
  }

  @Test
  void theSimplifiedWriteSyntaxAppendsOnSpark24() {
    KustoWrites.kusto(rows(0, 30), kit.cluster(), V1Kit.DB, "HelperTarget",
        Collections.singletonMap("tableCreateOptions", "CreateIfNotExist"));
    KustoWrites.kusto(rows(30, 40), kit.cluster(), V1Kit.DB, "HelperTarget", null);
    assertThat(kit.idStats("HelperTarget")).isEqualTo("40 40 0 39");
  }
}
