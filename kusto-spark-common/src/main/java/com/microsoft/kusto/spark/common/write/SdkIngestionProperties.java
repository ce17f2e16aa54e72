package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.IngestionMapping.IngestionMappingKind;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.kusto.spark.common.options.WriteMode;
import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's {@link IngestionProperties} for one blob or chunk of a write: CSV, the plan's ingestion table, status
 * reporting to the status table when the driver polls, and the user's {@code sparkIngestionPropertiesJson} (tags,
 * {@code ingestIfNotExists}, {@code creationTime}, CSV mapping or mapping reference).
 */
final class SdkIngestionProperties {
  private SdkIngestionProperties() {}

  /**
   * @param flushImmediately whether Kusto should skip its batching for this blob
   * @param blobTag a per-blob {@code ingest-by} value (Transactional writes and {@code ensureNoDuplicatedBlobs}),
   *     or {@code null}
   * @param skipIfTagged whether the blob is ingested only if no extent has {@code blobTag} yet
   *     ({@code ensureNoDuplicatedBlobs})
   */
  static IngestionProperties forBlob(WritePlan plan, boolean flushImmediately, String blobTag,
      boolean skipIfTagged) {
    SparkIngestionProperties user = plan.config().getIngestionProperties();
    IngestionProperties props =
        new IngestionProperties(plan.config().getConnection().getDatabase(), plan.ingestTable());
    props.setDataFormat(DataFormat.CSV);
    if (plan.reportStatus()) {
      props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
      props.setReportMethod(IngestionReportMethod.TABLE);
    } else {
      props.setReportLevel(IngestionReportLevel.FAILURES_ONLY);
      props.setReportMethod(IngestionReportMethod.QUEUE);
    }
    props.setFlushImmediately(flushImmediately);
    if (user.getDropByTags() != null) {
      props.setDropByTags(new ArrayList<>(user.getDropByTags()));
    }
    List<String> ingestBy = new ArrayList<>();
    if (user.getIngestByTags() != null) {
      ingestBy.addAll(user.getIngestByTags());
    }
    if (plan.batchTag() != null) {
      ingestBy.add(plan.batchTag().substring(ExtentTags.INGEST_BY.length()));
    }
    if (blobTag != null) {
      ingestBy.add(blobTag);
    }
    if (!ingestBy.isEmpty()) {
      props.setIngestByTags(ingestBy);
    }
    if (user.getAdditionalTags() != null) {
      props.setAdditionalTags(new ArrayList<>(user.getAdditionalTags()));
    }
    List<String> ifNotExists = new ArrayList<>();
    // Into a fresh staging table the user's check would be void: the driver checks the target instead.
    if (plan.mode() != WriteMode.Transactional && user.getIngestIfNotExists() != null) {
      ifNotExists.addAll(user.getIngestIfNotExists());
    }
    if (blobTag != null && skipIfTagged) {
      ifNotExists.add(blobTag);
    }
    if (!ifNotExists.isEmpty()) {
      props.setIngestIfNotExists(ifNotExists);
    }
    if (user.getCreationTime() != null) {
      Map<String, String> additional = new HashMap<>();
      additional.put("creationTime", user.getCreationTime().toString());
      props.setAdditionalProperties(additional);
    }
    String inline = plan.generatedCsvMapping() != null ? plan.generatedCsvMapping() : user.getCsvMapping();
    if (inline != null) {
      props.setIngestionMapping(CsvMappings.toColumnMappings(inline), IngestionMappingKind.CSV);
    } else if (user.getCsvMappingNameReference() != null) {
      props.setIngestionMapping(user.getCsvMappingNameReference(), IngestionMappingKind.CSV);
    }
    return props;
  }
}
