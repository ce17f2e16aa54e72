package com.microsoft.kusto.spark.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.sql.extension.KustoWrites;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskCommitDenied;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sources.BaseRelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch writes through the Spark 2.4 source, where the V1 adapter decides more than the 3.x one: the save modes Spark
 * 3 refuses, the abort of a failed job, the helper. Append, overwrite, types, write modes and faults are in the shared
 * integration suite, which runs on this line too (kusto-spark-it/spark-2.4).
 */
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

  /** The relation a write returns reads back {@code writeResultLimit} rows of the target, as the established one. */
  @Test
  void theRelationAWriteReturnsReadsBackWriteResultLimitRows() {
    BaseRelation three = new KustoSourceV1().createRelation(kit.spark().sqlContext(), SaveMode.Append,
        scalaMap(kit.writeOptions("ResultRows", "tableCreateOptions", "CreateIfNotExist", "writeResultLimit", "3")),
        rows(0, 10));
    BaseRelation all = new KustoSourceV1().createRelation(kit.spark().sqlContext(), SaveMode.Append,
        scalaMap(kit.writeOptions("ResultRows", "writeResultLimit", "none")), rows(10, 25));
    BaseRelation byDefault = new KustoSourceV1().createRelation(kit.spark().sqlContext(), SaveMode.Append,
        scalaMap(kit.writeOptions("ResultRows")), rows(25, 30));

    assertThat(kit.spark().baseRelationToDataFrame(three).count()).isEqualTo(3);
    assertThat(kit.spark().baseRelationToDataFrame(all).count()).isEqualTo(30);
    assertThat(kit.spark().baseRelationToDataFrame(byDefault).collectAsList()).hasSize(1);
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(java.util.Map<String, String> options) {
    return scala.collection.JavaConverters.mapAsScalaMapConverter(options).asScala()
        .toMap(scala.Predef.<scala.Tuple2<String, String>>$conforms());
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
  void aFailingTaskFailsTheSaveAndDropsTheStagingTable() {
    kit.command(".create table TaskFails (id:long, name:string)");
    Dataset<Row> failing = rows(0, 100).where("assert_true(id < 90) is null");

    assertThatThrownBy(() -> save(failing, "TaskFails", SaveMode.Append)).hasStackTraceContaining("< 90)' is not true");

    assertThat(kit.idStats("TaskFails")).startsWith("0 ");
    assertThat(kit.tempTables("TaskFails")).isEmpty();
  }

  @Test
  void anAttemptTheCommitCoordinatorRefusesHandsNothingToKusto() {
    kit.command(".create table Refused (id:long, name:string)");
    // Inside the task, a phantom attempt of the same partition becomes the authorised committer first, as a
    // speculative copy that finished sooner would. The real attempt must then be refused and queue nothing; once
    // Spark reports the refusal the test cancels the job, since the phantom attempt never finishes.
    Dataset<Row> claimed = kit.spark().range(0, 50).coalesce(1).map((MapFunction<Long, Long>) id -> {
      TaskContext task = TaskContext.get();
      SparkEnv.get().outputCommitCoordinator().canCommit(task.stageId(), task.stageAttemptNumber(),
          task.partitionId(), task.attemptNumber() + 1000);
      return id;
    }, Encoders.LONG()).toDF("id").select(functions.col("id"),
        functions.concat(functions.lit("name "), functions.col("id")).as("name"));
    AtomicBoolean refused = new AtomicBoolean();
    SparkListener cancelOnRefusal = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() instanceof TaskCommitDenied && refused.compareAndSet(false, true)) {
          kit.spark().sparkContext().cancelAllJobs();
        }
      }
    };
    kit.spark().sparkContext().addSparkListener(cancelOnRefusal);
    try {
      assertThatThrownBy(() -> save(claimed, "Refused", SaveMode.Append)).hasStackTraceContaining("cancel");
    } finally {
      kit.spark().sparkContext().removeSparkListener(cancelOnRefusal);
    }

    assertThat(refused).isTrue();
    assertThat(kit.idStats("Refused")).startsWith("0 ");
    assertThat(kit.tempTables("Refused")).isEmpty();
  }

  @Test
  void theSimplifiedWriteSyntaxAppendsOnSpark24() {
    KustoWrites.kusto(rows(0, 30), kit.cluster(), V1Kit.DB, "HelperTarget",
        Collections.singletonMap("tableCreateOptions", "CreateIfNotExist"));
    KustoWrites.kusto(rows(30, 40), kit.cluster(), V1Kit.DB, "HelperTarget", null);
    assertThat(kit.idStats("HelperTarget")).isEqualTo("40 40 0 39");
  }
}
