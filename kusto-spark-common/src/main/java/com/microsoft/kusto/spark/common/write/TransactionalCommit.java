package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.OperationOutcome;
import com.microsoft.kusto.spark.common.client.OperationPoller;
import com.microsoft.kusto.spark.common.client.PollSchedule;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KqlSyntax;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import com.microsoft.kusto.spark.common.options.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's finalization of a write, after every partition's task reported its {@link PartitionResult}.
 *
 * <p>Transactional: wait until every blob's ingestion into the staging table is final; if any failed, the target
 * is left untouched and the error names the table, each failed blob's status and the request id; otherwise all
 * staging extents are moved into the target in one {@code .move extents} command (for an overwrite, one
 * {@code .replace extents} that drops the target's old extents and moves the new ones atomically, so readers see the
 * old rows until the new ones are all in). The staging table is dropped in every case, unless the user supplied it
 * ({@code tempTableName}). Queued and KustoStreaming: nothing is left to do once the tasks have queued or sent
 * their data, unless a Queued plan asked for status reporting ({@link WritePlan#withStatusReporting()}): then the
 * commit waits for every blob and fails if one did not ingest.
 *
 * <p>When the target is the source of a materialized view, the move (or replacement) sets a new ingestion time on
 * the moved extents ({@code SetNewIngestionTime=true}): a view only processes extents ingested after its last run,
 * so extents keeping their staging-time ingestion time could be skipped by it.
 *
 * <p>Not done: batched moves of very many extents.
 */
public final class TransactionalCommit {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalCommit.class);

  private final KustoRequestRunner runner;
  private final PollSchedule statusSchedule;
  private final OperationPoller operations;

  /** @param statusSchedule how often ingestion statuses are read (see {@link #standardStatusSchedule()}) */
  public TransactionalCommit(KustoRequestRunner runner, PollSchedule statusSchedule, OperationPoller operations) {
    this.runner = runner;
    this.statusSchedule = statusSchedule;
    this.operations = operations;
  }

  /** Finalization with the shared clients of the plan's connection and the standard schedules. */
  public static TransactionalCommit forPlan(WritePlan plan) {
    KustoRequestRunner runner = WriteClients.of(plan.config().getConnection()).runner(plan.config().getConnection());
    return new TransactionalCommit(runner, standardStatusSchedule(),
        new OperationPoller(runner, PollSchedule.standard()));
  }

  /** Statuses: 1 s doubling to 2 s in the first minute, then up to 10 s (the established connector's pace). */
  public static PollSchedule standardStatusSchedule() {
    return new PollSchedule(1_000, 2_000, 60_000, 10_000);
  }

  /**
   * Finalizes the write; blocks until done or {@code timeoutLimit}.
   *
   * @throws KustoConnectorException {@link ErrorCode#INGESTION_FAILED} when a blob failed (the target is unchanged)
   */
  public void commit(WritePlan plan, List<PartitionResult> results) {
    if (plan.skipped() || plan.mode() == WriteMode.KustoStreaming) {
      return;
    }
    long deadline = System.currentTimeMillis() + plan.config().getConnection().getTimeoutSeconds() * 1000L;
    List<QueuedBlob> blobs = new ArrayList<>();
    for (PartitionResult result : results) {
      blobs.addAll(result.blobs());
    }
    if (plan.mode() == WriteMode.Queued) {
      if (plan.reportStatus()) {
        checkSucceeded(plan, new IngestionStatusPoller(statusSchedule).await(plan.ingestTable(), requestId(plan),
            blobs, deadline));
      }
      return;
    }
    try {
      List<BlobStatus> statuses =
          new IngestionStatusPoller(statusSchedule).await(plan.ingestTable(), requestId(plan), blobs, deadline);
      checkSucceeded(plan, statuses);
      String existing;
      try {
        freezeAndUntag(plan, blobs, deadline);
        existing = plan.overwrite() ? null : ExtentTags.firstExistingIngestBy(runner, plan.targetTable(),
            plan.config().getIngestionProperties().getIngestIfNotExists(), deadline);
      } catch (KustoConnectorException e) {
        throw beforeMove(plan, e);
      }
      if (existing != null) {
        LOG.info("Write {}: not moved into '{}': tag '{}{}' of ingestIfNotExists appeared meanwhile", plan.writeId(),
            plan.targetTable(), ExtentTags.INGEST_BY, existing);
        return;
      }
      if (blobs.isEmpty() && !plan.overwrite()) {
        LOG.info("Write {}: no rows, nothing to move into '{}'", plan.writeId(), plan.targetTable());
        return;
      }
      moveIntoTarget(plan, deadline);
    } finally {
      dropTempTable(plan, deadline);
    }
  }

  /**
   * {@link #commit} on {@code executor}; the future completes exceptionally with the commit's error, so the caller
   * decides whether to wait, log or fail ({@code writeEnableAsync}).
   */
  public CompletableFuture<Void> commitAsync(WritePlan plan, List<PartitionResult> results, Executor executor) {
    return CompletableFuture.runAsync(() -> commit(plan, results), executor);
  }

  /** After a failed Spark job: drops the staging table (unless user-supplied); never throws. */
  public void abort(WritePlan plan) {
    dropTempTable(plan, System.currentTimeMillis() + plan.config().getConnection().getTimeoutSeconds() * 1000L);
  }

  private static String requestId(WritePlan plan) {
    return plan.config().getConnection().getRequestId();
  }

  private static void checkSucceeded(WritePlan plan, List<BlobStatus> statuses) {
    List<BlobStatus> failed = new ArrayList<>();
    for (BlobStatus status : statuses) {
      boolean duplicate = status.skipped() && BlobStatus.SKIPPED_TAG_EXISTS.equals(status.errorCode())
          && plan.config().isEnsureNoDuplicatedBlobs();
      if (status.skipped() && !duplicate) {
        LOG.warn("Write {}: {}", plan.writeId(), status);
      } else if (!status.succeeded() && !status.skipped()) {
        failed.add(status);
      }
    }
    if (!failed.isEmpty()) {
      StringBuilder reason = new StringBuilder();
      boolean staged = plan.tempTable() != null;
      reason.append(failed.size()).append(" of ").append(statuses.size()).append(" blobs failed to ingest into ")
          .append(staged ? "staging table '" : "table '").append(plan.ingestTable()).append("': ");
      for (int i = 0; i < failed.size(); i++) {
        reason.append(i == 0 ? "" : "; ").append(failed.get(i));
      }
      throw new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
          "write to table '" + plan.targetTable() + "' (request id '" + requestId(plan) + "')", reason.toString(),
          (staged ? "The table is unchanged." : "The other blobs' rows are in the table (Queued mode is not"
              + " all-or-nothing).") + " Fix the data or the mapping the error points to, then write again."));
    }
  }

  /**
   * A request that failed after every blob ingested but before the move was sent (the service unreachable or
   * failing at commit): the target is known to be unchanged, which the request runner's error cannot say.
   */
  private static KustoConnectorException beforeMove(WritePlan plan, KustoConnectorException cause) {
    String failure = String.valueOf(cause.getMessage()).replaceAll("\\.$", "");
    return new KustoConnectorException(cause.getErrorCode(), KustoConnectorException.message(
        "commit the write to table '" + plan.targetTable() + "' (request id '" + requestId(plan) + "')",
        "every blob ingested into the staging table, but preparing the move failed: " + failure,
        "The table is unchanged. Write again once the cluster answers."), cause);
  }

  private void freezeAndUntag(WritePlan plan, List<QueuedBlob> blobs, long deadline) {
    // No merges in the staging table while its extents are being moved.
    runner.command("freeze temp table extents", KustoCommands.alterMergePolicy(plan.ingestTable(), false, false),
        deadline);
    List<String> tags = new ArrayList<>();
    for (QueuedBlob blob : blobs) {
      if (blob.dedupTag() != null) {
        tags.add(ExtentTags.INGEST_BY + blob.dedupTag());
      }
    }
    if (!tags.isEmpty()) {
      runner.command("drop per-blob tags", ExtentTags.dropTagsCommand(plan.ingestTable(), tags), deadline);
    }
  }

  private void moveIntoTarget(WritePlan plan, long deadline) {
    String command = moveCommand(plan, isMaterializedViewSource(plan.targetTable(), deadline));
    String activity = plan.overwrite() ? "replace target extents" : "move extents";
    KustoResultSetTable accepted = runner.command(activity, command, deadline).getPrimaryResults();
    if (!accepted.next()) {
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
          activity + " into table '" + plan.targetTable() + "'", "the service returned no operation id", ""));
    }
    UUID operation = UUID.fromString(accepted.getString(0));
    OperationOutcome outcome = operations.await(activity + " into '" + plan.targetTable() + "'", operation,
        deadline);
    if (!outcome.succeeded()) {
      throw new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
          "move the staged data of table '" + plan.ingestTable() + "' into table '" + plan.targetTable()
              + "' (request id '" + requestId(plan) + "')", outcome.toString(),
          "The target is unchanged; write again."));
    }
    LOG.info("Write {}: {} into table '{}' done ({})", plan.writeId(), activity, plan.targetTable(), outcome);
  }

  private boolean isMaterializedViewSource(String table, long deadline) {
    KustoResultSetTable views = runner.command("find materialized views of the target",
        ".show materialized-views | where SourceTable == " + KqlSyntax.stringLiteral(table) + " | count", deadline)
        .getPrimaryResults();
    return views.next() && views.getLong(0) > 0;
  }

  /** The command that moves the staged extents into the target (replacing its extents for an overwrite). */
  static String moveCommand(WritePlan plan, boolean materializedViewSource) {
    if (plan.overwrite()) {
      return replaceExtents(plan.targetTable(), plan.ingestTable(), materializedViewSource);
    }
    return materializedViewSource
        ? KustoCommands.moveExtents(plan.ingestTable(), plan.targetTable(), true, true, null, null, 0)
        : KustoCommands.moveAllExtents(plan.ingestTable(), plan.targetTable(), true);
  }

  /**
   * {@code .replace async extents in table T [with(SetNewIngestionTime=true)] <| {.show table T extents | project
   * ExtentId}, {.show table Tmp extents | project ExtentId}}: drops every current extent of the target and moves in
   * the staging table's, in one transaction. (Microsoft's parser rejects the braces without a pipe, though Kusto's
   * documentation shows them so.)
   */
  static String replaceExtents(String target, String staging, boolean setNewIngestionTime) {
    return ".replace async extents in table " + KqlSyntax.quoteIdentifier(target)
        + (setNewIngestionTime ? " with (SetNewIngestionTime=true)" : "") + " <| {"
        + KustoCommands.showTableExtents(target) + " | project ExtentId}, {" + KustoCommands.showTableExtents(staging)
        + " | project ExtentId}";
  }

  private void dropTempTable(WritePlan plan, long deadline) {
    if (plan.tempTable() == null || !plan.tempTableOwned()) {
      return;
    }
    try {
      runner.command("drop temp table", KustoCommands.dropTableIfExists(plan.tempTable()),
          Math.max(deadline, System.currentTimeMillis() + 60_000L));
    } catch (RuntimeException e) {
      LOG.warn("Write {}: could not drop temp table '{}'; its auto-delete policy will: {}", plan.writeId(),
          plan.tempTable(), e.getMessage());
    }
  }
}
