package com.microsoft.kusto.spark.common.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.util.TestOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a plan and the user's ingestion properties become the SDK's properties for each blob. */
class SdkIngestionPropertiesTest {
  private static final String PROPS = "{\"ingestByTags\":[\"b1\"],\"dropByTags\":[\"d1\"],\"additionalTags\":[\"a1\"],"
      + "\"ingestIfNotExists\":[\"b0\"],\"creationTime\":\"2021-05-06T07:08:09Z\",\"flushImmediately\":false}";

  private static WritePlan plan(String mode, String mapping, MicroBatch batch, String... options) {
    WriteConfig config = WriteConfig.from(TestOptions.with(TestOptions.remoteWrite(), options));
    return new WritePlan(config, "w1", Instant.now(), mode.equals("Transactional") ? "Tmp" : "Target",
        mode.equals("Transactional") ? "Tmp" : null, true, mapping, batch == null ? null : batch.tag(), false, null,
        1000, mode.equals("Transactional"));
  }

  @Test
  void transactionalBlobsReportToTheStatusTableAndCarryTheUsersTags() {
    WritePlan plan = plan("Transactional", null, new MicroBatch("q", 3), "sparkIngestionPropertiesJson", PROPS);
    IngestionProperties props = SdkIngestionProperties.forBlob(plan, true, null, false);
    assertThat(props.getDatabaseName()).isEqualTo("db");
    assertThat(props.getTableName()).isEqualTo("Tmp");
    assertThat(props.getDataFormat()).isEqualTo(DataFormat.CSV);
    assertThat(props.getReportLevel()).isEqualTo(IngestionReportLevel.FAILURES_AND_SUCCESSES);
    assertThat(props.getReportMethod()).isEqualTo(IngestionReportMethod.TABLE);
    assertThat(props.getFlushImmediately()).isTrue();
    assertThat(props.getIngestByTags()).containsExactly("b1", "q_3");
    assertThat(props.getDropByTags()).containsExactly("d1");
    assertThat(props.getAdditionalTags()).containsExactly("a1");
    // Checked by the driver against the target; against the fresh staging table it would be void.
    assertThat(props.getIngestIfNotExists()).isEmpty();
    assertThat(props.getAdditionalProperties()).containsEntry("creationTime", "2021-05-06T07:08:09Z");
  }

  @Test
  void queuedBlobsLeaveIngestIfNotExistsToKusto() {
    WritePlan plan = plan("Queued", null, null, "writeMode", "Queued", "sparkIngestionPropertiesJson", PROPS);
    IngestionProperties props = SdkIngestionProperties.forBlob(plan, false, null, false);
    assertThat(props.getTableName()).isEqualTo("Target");
    assertThat(props.getReportMethod()).isEqualTo(IngestionReportMethod.QUEUE);
    assertThat(props.getIngestIfNotExists()).containsExactly("b0");
    assertThat(props.getFlushImmediately()).isFalse();
  }

  @Test
  void perBlobDeduplicationTagsTheBlobAndChecksTheSameTag() {
    IngestionProperties props =
        SdkIngestionProperties.forBlob(plan("Transactional", null, null), true, "w1_src", true);
    assertThat(props.getIngestByTags()).containsExactly("w1_src");
    assertThat(props.getIngestIfNotExists()).containsExactly("w1_src");
  }

  @Test
  void aTransactionalBlobIsTaggedForTheCommitWithoutBeingSkippedOnThatTag() {
    IngestionProperties props =
        SdkIngestionProperties.forBlob(plan("Transactional", null, null), true, "w1_src", false);
    assertThat(props.getIngestByTags()).containsExactly("w1_src");
    assertThat(props.getIngestIfNotExists()).isNullOrEmpty();
  }

  @Test
  void mappingsInlineGeneratedOrByReference() {
    String generated = "[{\"Column\":\"x\",\"DataType\":\"long\",\"Properties\":{\"Ordinal\":\"1\"}}]";
    IngestionProperties inline = SdkIngestionProperties.forBlob(plan("Transactional", generated, null), true, null, false);
    assertThat(inline.getIngestionMapping().getIngestionMappingKind()).isEqualTo(IngestionMappingKind.CSV);
    assertThat(inline.getIngestionMapping().getColumnMappings()).extracting(ColumnMapping::getColumnName)
        .containsExactly("x");
    IngestionProperties byName = SdkIngestionProperties.forBlob(plan("Transactional", null, null,
        "sparkIngestionPropertiesJson", "{\"csvMappingNameReference\":\"m1\"}"), true, null, false);
    assertThat(byName.getIngestionMapping().getIngestionMappingReference()).isEqualTo("m1");
  }

  @Test
  void fullBlobsFlushImmediatelyUnlessDisabledAndTheLastFollowsTheUser() {
    WritePlan defaults = plan("Transactional", null, null);
    assertThat(BlobPartitionWriter.flushImmediately(defaults, true)).isTrue();
    assertThat(BlobPartitionWriter.flushImmediately(defaults, false)).isFalse();
    WritePlan disabled = plan("Transactional", null, null, "disableFlushImmediately", "true",
        "sparkIngestionPropertiesJson", "{\"flushImmediately\":true}");
    assertThat(BlobPartitionWriter.flushImmediately(disabled, true)).isFalse();
    assertThat(BlobPartitionWriter.flushImmediately(disabled, false)).isTrue();
  }
}
