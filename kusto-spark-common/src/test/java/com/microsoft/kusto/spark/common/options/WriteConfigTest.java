package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.util.TestOptions.remoteWrite;
import static com.microsoft.kusto.spark.common.util.TestOptions.with;
import static com.microsoft.kusto.spark.common.util.TestOptions.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class WriteConfigTest {
  @Test
  void appliesDocumentedDefaults() {
    WriteConfig config = WriteConfig.from(remoteWrite());
    assertThat(config.getTable()).isEqualTo("Target");
    assertThat(config.getWriteMode()).isEqualTo(WriteMode.Transactional);
    assertThat(config.getTableCreateOptions()).isEqualTo(SinkTableCreationMode.FailIfNotExist);
    assertThat(config.getAdjustSchema()).isEqualTo(SchemaAdjustmentMode.NoAdjustment);
    assertThat(config.isWriteEnableAsync()).isFalse();
    assertThat(config.isPollingOnDriver()).isFalse();
    assertThat(config.getWriteResultLimit()).isEqualTo(1);
    assertThat(config.getIngestionProperties()).isEqualTo(new SparkIngestionProperties());
    assertThat(config.getClientBatchingLimitMb()).isEqualTo(300);
    assertThat(config.getClientBatchingLimitBytes()).isEqualTo(300L * 1024 * 1024);
    assertThat(config.getStagingResourcesAutoCleanupTimeoutSeconds()).isEqualTo(604800L);
    assertThat(config.getTempTableName()).isNull();
    assertThat(config.getStreamingIngestSizeMb()).isEqualTo(4);
    assertThat(config.getIngestionStorage()).isEmpty();
    assertThat(config.getTimeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.getMaximalExtentsCountForSplitMergePerNode()).isEqualTo(400);
    assertThat(config.getMaxRetriesOnMoveExtents()).isEqualTo(10);
    assertThat(config.isDisableFlushImmediately()).isFalse();
    assertThat(config.isEnsureNoDuplicatedBlobs()).isFalse();
    assertThat(config.isAddSourceLocationTransform()).isFalse();
    assertThat(config.getConnection().getTimeoutSeconds()).isEqualTo(172800L);
  }

  @Test
  void readsEveryOptionIgnoringCase() {
    SparkIngestionProperties properties = new SparkIngestionProperties(true, Arrays.asList("d"), null, null,
        Arrays.asList("i"), Instant.parse("2024-01-02T03:04:05Z"), null, "MyMapping");
    IngestionStorageParameters storage = new IngestionStorageParameters("https://acc.blob.core.windows.net", "c",
        null, "?sv=1&sig=s");
    WriteConfig config = WriteConfig.from(with(remoteWrite(), "WRITEMODE", "queued", "tablecreateoptions",
        "createifnotexist", "adjustSchema", "GenerateDynamicCsvMapping", "writeEnableAsync", "true",
        "pollingOnDriver", "TRUE", "writeResultLimit", "NONE", "sparkIngestionPropertiesJson", properties.toString(),
        "clientBatchingLimit", "1024", "stagingResourcesAutoCleanupTimeout", "3600", "streamingIngestSizeInMB", "2",
        "kustoIngestionStorageContainer", IngestionStorageParameters.toJsonString(Collections.singletonList(storage)),
        "timeZone", "Europe/Paris", "maximalExtentsCountForSplitMergePerNode", "50", "maxRetriesOnMoveExtents", "3",
        "disableFlushImmediately", "true", "ensureNoDuplicatedBlobs", "true"));
    assertThat(config.getWriteMode()).isEqualTo(WriteMode.Queued);
    assertThat(config.getTableCreateOptions()).isEqualTo(SinkTableCreationMode.CreateIfNotExist);
    assertThat(config.getAdjustSchema()).isEqualTo(SchemaAdjustmentMode.GenerateDynamicCsvMapping);
    assertThat(config.isWriteEnableAsync()).isTrue();
    assertThat(config.isPollingOnDriver()).isTrue();
    assertThat(config.getWriteResultLimit()).as("none means all rows").isNull();
    assertThat(config.getIngestionProperties()).isEqualTo(properties);
    assertThat(config.getClientBatchingLimitMb()).isEqualTo(1024);
    assertThat(config.getStagingResourcesAutoCleanupTimeoutSeconds()).isEqualTo(3600L);
    assertThat(config.getStreamingIngestSizeMb()).isEqualTo(2);
    assertThat(config.getIngestionStorage()).containsExactly(storage);
    assertThat(config.getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.getMaximalExtentsCountForSplitMergePerNode()).isEqualTo(50);
    assertThat(config.getMaxRetriesOnMoveExtents()).isEqualTo(3);
    assertThat(config.isDisableFlushImmediately()).isTrue();
    assertThat(config.isEnsureNoDuplicatedBlobs()).isTrue();
  }

  @Test
  void requiresTable() {
    assertThatThrownBy(() -> WriteConfig.from(without(remoteWrite(), "kustoTable")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.MISSING_REQUIRED_OPTION))
        .hasMessage("Cannot configure the Kusto write: required option 'kustoTable' is missing. Set option "
            + "'kustoTable': Target table.");
  }

  @Test
  void validatesEnumsAndRanges() {
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "tableCreateOptions", "Always")))
        .hasMessage("Cannot read option 'tableCreateOptions': the value [Always] is not an allowed value. Use one of: "
            + "CreateIfNotExist, FailIfNotExist.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "adjustSchema", "Auto")))
        .hasMessage("Cannot read option 'adjustSchema': the value [Auto] is not an allowed value. Use one of: "
            + "NoAdjustment, FailIfNotMatch, GenerateDynamicCsvMapping.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "clientBatchingLimit", "0")))
        .hasMessage("Cannot read option 'clientBatchingLimit': the value [0] is out of range. Use a whole number from "
            + "1 to 1048576.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "streamingIngestSizeInMB", "10")))
        .hasMessage("Cannot read option 'streamingIngestSizeInMB': the value [10] is out of range. Use a whole number "
            + "from 1 to 4.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "stagingResourcesAutoCleanupTimeout", "1.5")))
        .hasMessageStartingWith("Cannot read option 'stagingResourcesAutoCleanupTimeout': the value [1.5] is not a "
            + "whole number.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "writeResultLimit", "-1")))
        .hasMessage("Cannot read option 'writeResultLimit': the value [-1] is out of range. Use a whole number of at "
            + "least 0.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "timeZone", "Mars/Base")))
        .hasMessage("Cannot read option 'timeZone': the value [Mars/Base] is not a time zone id. Use a region id such "
            + "as 'UTC' or 'Europe/Paris', or an offset such as '+02:00'.");
  }

  @Test
  void tempTableNameNeedsFailIfNotExistAndTransactional() {
    assertThat(WriteConfig.from(with(remoteWrite(), "tempTableName", "Staging")).getTempTableName())
        .isEqualTo("Staging");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "tempTableName", "Staging",
        "tableCreateOptions", "CreateIfNotExist")))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CONFLICTING_OPTIONS);
          assertThat(e.getOptionKeys()).containsExactly("tempTableName", "tableCreateOptions");
        })
        .hasMessage("Cannot use option 'tempTableName': 'tempTableName' requires 'tableCreateOptions' to be "
            + "FailIfNotExist, but it is [CreateIfNotExist]. Create the target table beforehand and remove "
            + "'tableCreateOptions', or remove 'tempTableName'.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "tempTableName", "Staging", "writeMode", "Queued")))
        .hasMessage("Cannot use option 'tempTableName': 'tempTableName' requires 'writeMode' to be Transactional, but "
            + "it is [Queued]. Remove 'tempTableName' or use the Transactional write mode.");
  }

  @Test
  void sourceLocationTransformNeedsGeneratedMapping() {
    assertThat(WriteConfig.from(with(remoteWrite(), "addSourceLocationTransform", "true", "adjustSchema",
        "GenerateDynamicCsvMapping")).isAddSourceLocationTransform()).isTrue();
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "addSourceLocationTransform", "true")))
        .hasMessage("Cannot use option 'addSourceLocationTransform': 'addSourceLocationTransform' requires "
            + "'adjustSchema' to be GenerateDynamicCsvMapping, but it is [NoAdjustment]. Set 'adjustSchema' to "
            + "GenerateDynamicCsvMapping.");
    String withMapping = new SparkIngestionProperties(false, null, null, null, null, null, null, "M").toString();
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "addSourceLocationTransform", "true",
        "adjustSchema", "GenerateDynamicCsvMapping", "sparkIngestionPropertiesJson", withMapping)))
        .hasMessageStartingWith("Cannot use option 'addSourceLocationTransform': the source location column is added "
            + "through a generated CSV mapping, but 'sparkIngestionPropertiesJson' sets its own mapping.");
  }

  @Test
  void rejectsInvalidIngestionPropertiesAndStorage() {
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "sparkIngestionPropertiesJson",
        "{\"flushImmediatly\":true}")))
        .hasMessageStartingWith("Cannot parse option 'sparkIngestionPropertiesJson': unknown property "
            + "[flushImmediatly]; allowed properties are flushImmediately, dropByTags, ingestByTags, additionalTags, "
            + "ingestIfNotExists, creationTime, csvMapping, csvMappingNameReference.");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "kustoIngestionStorageContainer",
        "[{\"storageUrl\":\"http://acc.blob.core.windows.net\",\"containerName\":\"c\"}]")))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': 'storageUrl' "
            + "[http://acc.blob.core.windows.net] must be an https URL (http only for loopback).");
    assertThatThrownBy(() -> WriteConfig.from(with(remoteWrite(), "kustoIngestionStorageContainer", "[]")))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': the value is not a non-empty "
            + "JSON array.");
  }

  @Test
  void survivesJavaSerializationAndDefinesEquality() throws Exception {
    WriteConfig config = WriteConfig.from(with(remoteWrite(), "sparkIngestionPropertiesJson",
        new SparkIngestionProperties(false, Arrays.asList("a"), null, null, null, Instant.EPOCH, null, null)
            .toString(), "timeZone", "+02:00", "requestId", "r1"));
    WriteConfig copy = ReadConfigTest.roundTrip(config);
    assertThat(copy).isEqualTo(config).hasSameHashCodeAs(config);
    assertThat(copy.toString()).isEqualTo(config.toString());
    assertThat(WriteConfig.from(with(remoteWrite(), "requestId", "r1")))
        .isEqualTo(WriteConfig.from(with(remoteWrite(), "requestId", "r1")))
        .isNotEqualTo(WriteConfig.from(with(remoteWrite(), "requestId", "r1", "kustoTable", "Other")));
  }
}
