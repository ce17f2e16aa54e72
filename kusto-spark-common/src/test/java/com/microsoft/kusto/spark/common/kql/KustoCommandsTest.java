package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Golden text of every management command template (their syntax is checked in {@link KqlConformanceTest}). */
class KustoCommandsTest {
  private static final List<KustoColumn> COLUMNS =
      List.of(KustoColumn.of("a", KustoType.STRING), KustoColumn.of("it's", KustoType.LONG), KustoColumn.of("where", KustoType.DYNAMIC));
  private static final String COLUMN_TEXT = "(['a']:string, ['it\\'s']:long, ['where']:dynamic)";
  private static final Instant AT = Instant.parse("2024-01-02T03:04:05.1234567Z");

  @Test
  void tables() {
    assertThat(KustoCommands.createTable("T", COLUMNS)).isEqualTo(".create table ['T'] " + COLUMN_TEXT);
    assertThat(KustoCommands.createMergeTable("T", COLUMNS)).isEqualTo(".create-merge table ['T'] " + COLUMN_TEXT);
    assertThat(KustoCommands.createHiddenTable("tmp", COLUMNS, "spark's"))
        .isEqualTo(".create table ['tmp'] " + COLUMN_TEXT + " with (hidden=true, folder='spark\\'s')");
    assertThat(KustoCommands.createHiddenTable("tmp", COLUMNS, null))
        .isEqualTo(".create table ['tmp'] " + COLUMN_TEXT + " with (hidden=true)");
    assertThat(KustoCommands.dropTableIfExists("T")).isEqualTo(".drop table ['T'] ifexists");
    assertThat(KustoCommands.showTableCslSchema("T")).isEqualTo(".show table ['T'] cslschema");
    assertThat(KustoCommands.showTableSchemaAsJson("T")).isEqualTo(".show table ['T'] schema as json");
    assertThatThrownBy(() -> KustoCommands.createTable("T", List.of())).hasMessageContaining("at least one column");
  }

  @Test
  void policies() throws Exception {
    assertThat(KustoCommands.alterRetentionPolicy("T", Duration.ofDays(2).plusHours(3), false))
        .isEqualTo(".alter table ['T'] policy retention '{\"SoftDeletePeriod\":\"2.03:00:00\",\"Recoverability\":\"Disabled\"}'");
    assertThat(KustoCommands.alterAutoDeletePolicy("T", AT, true))
        .isEqualTo(
            ".alter table ['T'] policy auto_delete '{\"ExpiryDate\":\"2024-01-02T03:04:05.1234560Z\",\"DeleteIfNotEmpty\":true}'");
    assertThat(KustoCommands.alterMergePolicy("T", false, false))
        .isEqualTo(".alter table ['T'] policy merge '{\"AllowMerge\":false,\"AllowRebuild\":false}'");
    assertThat(KustoCommands.alterTablePolicy("T", TablePolicy.INGESTION_BATCHING, "{\"Note\":\"it's\\\\\"}"))
        .isEqualTo(".alter table ['T'] policy ingestionbatching '{\"Note\":\"it\\'s\\\\\\\\\"}'");
    assertThat(KustoCommands.alterStreamingIngestionPolicy("T", true)).isEqualTo(".alter table ['T'] policy streamingingestion enable");
    assertThat(KustoCommands.showTablePolicy("T", TablePolicy.INGESTION_BATCHING)).isEqualTo(".show table ['T'] policy ingestionbatching");
    assertThat(KustoCommands.clearStreamingIngestionSchemaCache("T")).isEqualTo(".clear table ['T'] cache streamingingestion schema");
    assertThat(KustoCommands.refreshIngestionBatchingPolicyCache("db", "T"))
        .isEqualTo(".refresh database 'db' table 'T' cache ingestionbatchingpolicy");
  }

  @Test
  void extentsAndOperations() {
    assertThat(KustoCommands.showTableExtents("T")).isEqualTo(".show table ['T'] extents");
    assertThat(KustoCommands.countTableExtents("T")).isEqualTo(".show table ['T'] extents | count");
    assertThat(KustoCommands.moveAllExtents("tmp", "T", true)).isEqualTo(".move async extents all from table ['tmp'] to table ['T']");
    assertThat(KustoCommands.moveAllExtents("tmp", "T", false)).isEqualTo(".move extents all from table ['tmp'] to table ['T']");
    assertThat(KustoCommands.moveExtents("tmp", "T", true, false, null, null, 0))
        .isEqualTo(".move async extents to table ['T'] <| .show table ['tmp'] extents");
    assertThat(KustoCommands.moveExtents("tmp", "T", true, true, AT, AT.plusSeconds(1), 400))
        .isEqualTo(
            ".move async extents to table ['T'] with (SetNewIngestionTime=true,"
                + " extentCreatedOnFrom='2024-01-02T03:04:05.1234560Z', extentCreatedOnTo='2024-01-02T03:04:06.1234560Z')"
                + " <| .show table ['tmp'] extents with (extentsShowFilteringRuntimePolicy='{\"MaximumResultsCount\":400}')");
    assertThat(KustoCommands.dropAllExtents("T")).isEqualTo(".drop extents <| .show table ['T'] extents");
    UUID id = UUID.fromString("0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e");
    assertThat(KustoCommands.showOperation(id)).isEqualTo(".show operations 0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e");
    assertThat(KustoCommands.showOperationDetails(id)).isEqualTo(".show operation 0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e details");
  }

  @Test
  void exportHidesSecretsInObfuscatedLiterals() {
    ParquetExport export =
        ParquetExport.builder()
            .storageUri("https://a.blob.core.windows.net/c?sv=1&sig=SECRET")
            .storageUri("https://b.blob.core.windows.net/c;KEY==")
            .sizeLimitBytes(1024)
            .namePrefix("db/dir1/part0")
            .useNativeParquetWriter(false)
            .property("distribution", "per_node")
            .build();
    assertThat(KustoCommands.exportToParquet(export, "T // c\n| where x == 1;"))
        .isEqualTo(
            ".export async compressed to parquet (h@\"https://a.blob.core.windows.net/c?sv=1&sig=SECRET\","
                + " h@\"https://b.blob.core.windows.net/c;KEY==\") with (sizeLimit=1024, namePrefix='db/dir1/part0',"
                + " compressionType='snappy', useNativeParquetWriter=false, distribution='per_node') <| T // c\n| where x == 1");
    assertThat(export.toString()).doesNotContain("SECRET").doesNotContain("KEY==");
    ParquetExport plain = ParquetExport.builder().storageUri("https://a/c").compressed(false).compressionType(null).build();
    assertThat(KustoCommands.exportToParquet(plain, "T")).isEqualTo(".export async to parquet (h@\"https://a/c\") <| T");
  }

  @Test
  void exportRejectsUnsafeInput() {
    assertThatThrownBy(() -> ParquetExport.builder().storageUri("https://a/c?sig=S\"ECRET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value hidden")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ECRET"));
    assertThatThrownBy(() -> ParquetExport.builder().property("bad name", "x")).hasMessageContaining("'bad name'");
    assertThatThrownBy(() -> ParquetExport.builder().build()).hasMessageContaining("at least one storage URI");
  }

  @Test
  void policyBodiesAreValidJson() throws Exception {
    String command = KustoCommands.alterRetentionPolicy("T", Duration.ofMillis(1500), true);
    String body = command.substring(command.indexOf("'{") + 1, command.length() - 1);
    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.get("SoftDeletePeriod").asText()).isEqualTo("00:00:01.5000000");
    assertThat(json.get("Recoverability").asText()).isEqualTo("Enabled");
  }

  @Test
  void ingestInlineAndDataManagement() {
    assertThat(KustoCommands.ingestInline("T", "1,\"a\"")).isEqualTo(".ingest inline into table ['T'] <|\n1,\"a\"");
    assertThat(KustoCommands.showExportContainers()).isEqualTo(".show export containers");
  }
}
