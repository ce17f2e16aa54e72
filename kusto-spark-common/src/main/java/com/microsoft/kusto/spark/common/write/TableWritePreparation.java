package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KqlSyntax;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import com.microsoft.kusto.spark.common.kql.TablePolicy;
import com.microsoft.kusto.spark.common.options.SchemaAdjustmentMode;
import com.microsoft.kusto.spark.common.options.SinkTableCreationMode;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.options.WriteMode;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import com.microsoft.kusto.spark.datasink.SparkIngestionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's work before any row is written: check (or create) the target table, apply {@code adjustSchema},
 * decide whether the write is to be skipped ({@code ingestIfNotExists}, an already committed micro-batch), and for
 * a transactional write create the hidden staging table with the target's columns and ingestion batching policy
 * and a retention/auto-delete policy from {@code stagingResourcesAutoCleanupTimeout} (so that a crashed job's
 * staging data expires). The result is the {@link WritePlan} the executors get.
 */
public final class TableWritePreparation {
  private static final Logger LOG = LoggerFactory.getLogger(TableWritePreparation.class);

  private final KustoRequestRunner runner;

  public TableWritePreparation(KustoRequestRunner runner) {
    this.runner = runner;
  }

  /** Preparation with the shared clients of the write's connection. */
  public static TableWritePreparation forConfig(WriteConfig config) {
    return new TableWritePreparation(WriteClients.of(config.getConnection()).runner(config.getConnection()));
  }

  /** An appending batch write. */
  public WritePlan prepare(WriteConfig config, List<TypedField> schema) {
    return prepare(config, schema, null, false);
  }

  /**
   * @param batch the streaming micro-batch being written, or {@code null} for a batch write
   * @param overwrite true to replace the target's data at commit (Transactional only)
   */
  public WritePlan prepare(WriteConfig config, List<TypedField> schema, MicroBatch batch, boolean overwrite) {
    long deadline = System.currentTimeMillis() + config.getConnection().getTimeoutSeconds() * 1000L;
    String table = config.getTable();
    checkCombinations(config, overwrite);
    String writeId = config.getConnection().getRequestId() + (batch == null ? "" : "_" + batch.batchId());
    Instant startedAt = Instant.now();
    long blobLimit = config.getClientBatchingLimitBytes();
    boolean reportStatus = config.getWriteMode() == WriteMode.Transactional;

    List<KustoColumn> target = TargetTableSchema.readOrNull(runner, table, deadline);
    if (target == null) {
      target = createTarget(config, schema, deadline);
    }
    String mapping = SchemaAdjustment.apply(config.getAdjustSchema(), table, schema, target,
        config.isAddSourceLocationTransform());

    if (batch != null) {
      MicroBatch.requireExactlyOnce(config);
    }
    String skip = skipReason(config, batch, deadline);
    if (skip != null) {
      LOG.info("Write {} to table '{}' skipped: {}", writeId, table, skip);
      return new WritePlan(config, writeId, startedAt, table, null, false, mapping, batchTag(batch), overwrite,
          skip, blobLimit, reportStatus);
    }
    if (config.getWriteMode() != WriteMode.Transactional) {
      return new WritePlan(config, writeId, startedAt, table, null, false, mapping, batchTag(batch), overwrite,
          null, blobLimit, reportStatus);
    }
    String userTemp = config.getTempTableName();
    String temp = userTemp != null ? userTemp : TempTableNames.forWrite(table, writeId);
    if (userTemp != null) {
      if (TargetTableSchema.readOrNull(runner, userTemp, deadline) == null) {
        throw new KustoConnectorException(ErrorCode.INVALID_OPTION_VALUE, KustoConnectorException.message(
            "write through the staging table '" + userTemp + "' of option 'tempTableName'",
            "the table does not exist in database '" + config.getConnection().getDatabase() + "'",
            "Create it with the target's columns before the write, or remove 'tempTableName'."));
      }
    } else {
      createTempTable(config, temp, target, deadline);
    }
    LOG.info("Write {} to table '{}' stages in table '{}'", writeId, table, temp);
    return new WritePlan(config, writeId, startedAt, temp, temp, userTemp == null, mapping, batchTag(batch),
        overwrite, null, blobLimit, reportStatus);
  }

  private static String batchTag(MicroBatch batch) {
    return batch == null ? null : batch.tag();
  }

  private void checkCombinations(WriteConfig config, boolean overwrite) {
    SparkIngestionProperties props = config.getIngestionProperties();
    if (config.getAdjustSchema() == SchemaAdjustmentMode.GenerateDynamicCsvMapping
        && (props.getCsvMapping() != null || props.getCsvMappingNameReference() != null)) {
      throw conflict("'adjustSchema' GenerateDynamicCsvMapping generates the CSV mapping, but "
          + "'sparkIngestionPropertiesJson' also sets one", "Remove 'csvMapping'/'csvMappingNameReference' from "
          + "the ingestion properties, or use another 'adjustSchema'.");
    }
    if (config.getWriteMode() == WriteMode.KustoStreaming
        && (config.getAdjustSchema() == SchemaAdjustmentMode.GenerateDynamicCsvMapping
            || props.getCsvMapping() != null)) {
      throw conflict("streaming ingestion ('writeMode' KustoStreaming) accepts only a mapping reference, not an "
          + "inline or generated CSV mapping", "Create the mapping on the table and pass 'csvMappingNameReference',"
          + " or use 'writeMode' Transactional or Queued.");
    }
    if (config.getWriteMode() == WriteMode.KustoStreaming && (props.getCreationTime() != null
        || props.getIngestByTags() != null || props.getDropByTags() != null || props.getAdditionalTags() != null)) {
      throw conflict("streaming ingestion ('writeMode' KustoStreaming) cannot set extent tags or 'creationTime'",
          "Remove them from 'sparkIngestionPropertiesJson', or use 'writeMode' Transactional or Queued.");
    }
    if (overwrite && config.getWriteMode() != WriteMode.Transactional) {
      throw conflict("overwriting the table needs 'writeMode' Transactional, which replaces the data in one step, "
          + "but it is " + config.getWriteMode(), "Use the Transactional write mode, or append.");
    }
  }

  private static KustoConnectorException conflict(String reason, String fix) {
    return new KustoConnectorException(ErrorCode.CONFLICTING_OPTIONS,
        KustoConnectorException.message("prepare the write", reason, fix));
  }

  private List<KustoColumn> createTarget(WriteConfig config, List<TypedField> schema, long deadline) {
    String table = config.getTable();
    if (config.getTableCreateOptions() == SinkTableCreationMode.FailIfNotExist) {
      throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
          "write to table '" + table + "' in database '" + config.getConnection().getDatabase() + "'",
          "the table does not exist and 'tableCreateOptions' is FailIfNotExist",
          "Create the table first, or set 'tableCreateOptions' to CreateIfNotExist to create it from the"
              + " DataFrame schema."));
    }
    List<KustoColumn> columns = new ArrayList<>(TypeMapping.toKustoColumns(schema));
    if (config.isAddSourceLocationTransform()) {
      columns.add(KustoColumn.of(SchemaAdjustment.SOURCE_LOCATION_COLUMN, KustoType.STRING));
    }
    runner.command("create table", KustoCommands.createTable(table, columns), deadline);
    LOG.info("Created table '{}' with columns {}", table, columns);
    if (config.getWriteMode() == WriteMode.KustoStreaming) {
      runner.command("enable streaming ingestion", KustoCommands.alterStreamingIngestionPolicy(table, true),
          deadline);
    }
    return columns;
  }

  private String skipReason(WriteConfig config, MicroBatch batch, long deadline) {
    if (batch != null && MicroBatchIdempotence.alreadyCommitted(runner, config.getTable(), batch, deadline)) {
      return "micro-batch " + batch.batchId() + " of query " + batch.queryId() + " is already committed (an extent"
          + " of the table has tag '" + batch.tag() + "')";
    }
    String existing = ExtentTags.firstExistingIngestBy(runner, config.getTable(),
        config.getIngestionProperties().getIngestIfNotExists(), deadline);
    if (existing != null) {
      return "an extent of the table has tag '" + ExtentTags.INGEST_BY + existing + "' named in ingestIfNotExists";
    }
    return null;
  }

  private void createTempTable(WriteConfig config, String temp, List<KustoColumn> columns, long deadline) {
    runner.command("create temp table", KustoCommands.createHiddenTable(temp, columns, null), deadline);
    try {
      // No merges from the start: each blob's extents keep the blob's own tag, by which the commit tells the
      // blobs of committed task attempts from those of failed ones.
      runner.command("freeze temp table extents", KustoCommands.alterMergePolicy(temp, false, false), deadline);
      if (config.getIngestionProperties().getCreationTime() == null) {
        // With an explicit creationTime the extents may look old enough for retention to delete them at once.
        Duration cleanup = Duration.ofSeconds(config.getStagingResourcesAutoCleanupTimeoutSeconds());
        runner.command("set temp table retention", KustoCommands.alterRetentionPolicy(temp, cleanup, false),
            deadline);
        runner.command("set temp table auto delete",
            KustoCommands.alterAutoDeletePolicy(temp, Instant.now().plus(cleanup), true), deadline);
      }
      String mappingName = config.getIngestionProperties().getCsvMappingNameReference();
      if (mappingName != null) {
        copyCsvMapping(config, temp, mappingName, deadline);
      }
      String batching = batchingPolicy(config.getTable(), deadline);
      if (batching != null) {
        runner.command("copy ingestion batching policy",
            KustoCommands.alterTablePolicy(temp, TablePolicy.INGESTION_BATCHING, batching), deadline);
      }
    } catch (RuntimeException e) {
      dropQuietly(temp, deadline);
      throw e;
    }
  }

  /** A mapping reference is resolved on the table ingested into, so the staging table needs its own copy. */
  private void copyCsvMapping(WriteConfig config, String temp, String name, long deadline) {
    String table = config.getTable();
    KustoResultSetTable mappings = runner.command("read csv mappings", ".show table "
        + KqlSyntax.quoteIdentifier(table) + " ingestion csv mappings", deadline).getPrimaryResults();
    String mapping = null;
    while (mappings.next()) {
      if (name.equals(mappings.getString("Name"))) {
        mapping = mappings.getString("Mapping");
      }
    }
    if (mapping == null) {
      throw new KustoConnectorException(ErrorCode.INVALID_OPTION_VALUE, KustoConnectorException.message(
          "use the CSV mapping '" + name + "' named by 'csvMappingNameReference' in 'sparkIngestionPropertiesJson'",
          "table '" + table + "' has no CSV ingestion mapping of that name",
          "Create it with '.create table " + table + " ingestion csv mapping', or fix the name."));
    }
    runner.command("copy csv mapping", ".create table " + KqlSyntax.quoteIdentifier(temp) + " ingestion csv mapping "
        + KqlSyntax.stringLiteral(name) + " " + KqlSyntax.stringLiteral(mapping), deadline);
  }

  private String batchingPolicy(String table, long deadline) {
    KustoResultSetTable policy = runner.command("read ingestion batching policy",
        KustoCommands.showTablePolicy(table, TablePolicy.INGESTION_BATCHING), deadline).getPrimaryResults();
    if (!policy.next()) {
      return null;
    }
    String text = policy.getString("Policy");
    return text == null || text.trim().isEmpty() || text.trim().equals("null") ? null : text;
  }

  private void dropQuietly(String temp, long deadline) {
    try {
      runner.command("drop temp table", KustoCommands.dropTableIfExists(temp), deadline);
    } catch (RuntimeException e) {
      LOG.warn("Could not drop temp table '{}' after a failed preparation; its auto-delete policy removes it: {}",
          temp, e.getMessage());
    }
  }
}
