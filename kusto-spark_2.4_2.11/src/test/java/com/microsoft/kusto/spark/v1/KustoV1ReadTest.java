package com.microsoft.kusto.spark.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.sql.extension.KustoReads;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads through the Spark 2.4 (Data Source V1) source: both names, both modes, schemas, pushdown, explain. */
class KustoV1ReadTest {
  private static V1Kit kit;

  @BeforeAll
  static void start() {
    kit = V1Kit.start();
    kit.command(".create table People (id:long, name:string, score:real, n:int)");
    kit.command(".ingest inline into table People <|\n1,ann,1.5,1\n2,Bob,2.5,3\n3,bob,,5\n4,dee,4.5,");
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  private static List<Long> ids(Dataset<Row> rows) {
    return rows.select("id").collectAsList().stream().map(r -> r.getLong(0)).sorted().collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void bothFormatNamesReadEveryRowInBothModes(String mode) {
    Dataset<Row> shortName = kit.read("People").option("readMode", mode).load();
    assertThat(shortName.schema().simpleString()).isEqualTo("struct<id:bigint,name:string,score:double,n:int>");
    assertThat(shortName.orderBy("id").collectAsList()).extracting(Row::toString)
        .containsExactly("[1,ann,1.5,1]", "[2,Bob,2.5,3]", "[3,bob,null,5]", "[4,dee,4.5,null]");
    Dataset<Row> longName = kit.spark().read().format("com.microsoft.kusto.spark.datasource")
        .options(kit.readOptions("People | where id > 2")).option("readMode", mode).load();
    assertThat(ids(longName)).containsExactly(3L, 4L);
    assertThat(longName.count()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void pushedFiltersAreExactAndNotEvaluatedAgainBySpark(String mode) {
    Dataset<Row> pushed = kit.read("People").option("readMode", mode).load().where("name = 'bob' and n > 2");
    String plan = pushed.select("name").queryExecution().executedPlan().toString();
    assertThat(plan).contains("| where ").contains("['name'] == 'bob'").contains("| project ['name']")
        .doesNotContain("Filter (");
    assertThat(ids(pushed)).containsExactly(3L);

    Dataset<Row> unpushed = kit.read("People").option("readMode", mode).option("queryFilterPushDown", "false")
        .load().where("name = 'bob' and n > 2");
    assertThat(unpushed.queryExecution().executedPlan().toString()).contains("Filter (").doesNotContain("| where ");
    assertThat(ids(unpushed)).containsExactly(3L);
  }

  @Test
  void aFilterKustoCannotTranslateExactlyStaysWithSpark() {
    Dataset<Row> rows = kit.read("People").load().where("lower(name) = 'bob'");
    assertThat(rows.queryExecution().executedPlan().toString()).contains("Filter (");
    assertThat(ids(rows)).containsExactly(2L, 3L);
  }

  @Test
  void customSchemaAndAUserSchemaDecideTheSparkTypes() {
    Dataset<Row> custom = kit.read("People").option("customSchema", "id INT, name STRING, score DOUBLE, n LONG")
        .option("readMode", "ForceSingleMode").load();
    assertThat(custom.schema().simpleString()).isEqualTo("struct<id:int,name:string,score:double,n:bigint>");
    assertThat(custom.where("id = 4").collectAsList()).extracting(Row::toString).containsExactly("[4,dee,4.5,null]");

    StructType user = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
    Dataset<Row> withSchema = kit.read("People | project id, name").schema(user).load();
    assertThat(withSchema.where("id < 2").collectAsList()).extracting(Row::toString).containsExactly("[1,ann]");
  }

  @Test
  void explainPlansWithoutExportingAndTheActionExportsOnce() {
    String sas = kit.newContainerSasUrl();
    // The transient cache keeps the blobs (and keeps them from a JVM-exit cleanup after the emulator stopped).
    Dataset<Row> read = kit.read("People").option("readMode", "ForceDistributedMode")
        .option("transientStorage", V1Kit.transientStorage(sas)).option("distributedReadModeTransientCache", "true")
        .load().where("id >= 2");
    read.explain(true);
    assertThat(kit.blobNames(sas)).isEmpty();
    assertThat(read.count()).isEqualTo(3);
    assertThat(kit.blobNames(sas)).isNotEmpty();
  }

  @Test
  void aMissingTableFailsTheLoadNamingIt() {
    assertThatThrownBy(() -> kit.read("NoSuchTable").option("requestId", "v1-missing").load())
        .isInstanceOf(KustoConnectorException.class).hasMessageContaining("NoSuchTable")
        .hasMessageContaining("v1-missing");
  }

  @Test
  void theSimplifiedReadSyntaxWorksOnSpark24() {
    Dataset<Row> rows = KustoReads.kusto(kit.spark(), kit.emulator.engineUrl(), V1Kit.DB, "People | where n >= 3",
        Collections.singletonMap("readMode", "ForceSingleMode"));
    assertThat(ids(rows)).containsExactly(2L, 3L);
  }
}
