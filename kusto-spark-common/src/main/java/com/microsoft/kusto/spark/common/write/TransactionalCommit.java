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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>Only the blobs of the task attempts Spark committed are moved: every blob of a transactional write carries a
 * tag of its own, and the commit moves exactly the staging extents that carry the tag of a reported blob (by id),
 * leaving behind those of an attempt that queued part of its blobs and then failed, even if they land late.
 *
 * <p>A staging table with more than {@code maximalExtentsCountForSplitMergePerNode} extents is moved in batches of
 * that many extents per node of the cluster (an append; an overwrite replaces in one transaction, as batching it
 * would let readers see part of the new rows beside none of the old). A batch whose move operation fails is sent again
 * after a pause, up to {@code maxRetriesOnMoveExtents} times. Batching is skipped when extent tags must reach the
 * target together (a micro-batch's tag, {@code ingestByTags}).
 */
public final class TransactionalCommit {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalCommit.class);
  /** Tags per {@code .drop extent tags} command. */
  private static final int TAG_BATCH = 200;
  private static final long MOVE_RETRY_PAUSE_MILLIS = 1_000;
  private static final long MOVE_RETRY_MAX_PAUSE_MILLIS = 60_000;

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
      List<String> extents;
      try {
        freeze(plan, deadline);
        extents = untag(plan, blobs, committedExtents(plan, blobs, deadline), deadline);
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
      moveIntoTarget(plan, extents, deadline);
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

  private void freeze(WritePlan plan, long deadline) {
    // No merges in the staging table while its extents are being moved (a user's tempTableName table may not have
    // been frozen at creation).
    runner.command("freeze temp table extents", KustoCommands.alterMergePolicy(plan.ingestTable(), false, false),
        deadline);
  }

  /**
   * The staging extents to move: those carrying the tag of a reported blob. An extent without one came from a task
   * attempt Spark did not commit (one that queued part of its blobs and then failed, so that Spark ran the partition
   * again), possibly landing only now; it is left behind and dropped with the staging table. Returns {@code null}
   * (move everything) for a user's {@code tempTableName} table, which the connector does not own.
   */
  private List<String> committedExtents(WritePlan plan, List<QueuedBlob> blobs, long deadline) {
    if (!plan.tempTableOwned()) {
      return null;
    }
    Set<String> committed = new HashSet<>();
    for (QueuedBlob blob : blobs) {
      if (blob.dedupTag() != null) {
        committed.add((ExtentTags.INGEST_BY + blob.dedupTag()).toLowerCase(Locale.ROOT));
      }
    }
    KustoResultSetTable listed = runner.command("list staging extents",
        KustoCommands.showTableExtents(plan.ingestTable()), deadline).getPrimaryResults();
    List<String> keep = new ArrayList<>();
    int left = 0;
    while (listed.next()) {
      if (hasAny(listed.getString("Tags"), committed)) {
        keep.add(String.valueOf(listed.getObject("ExtentId")));
      } else {
        left++;
      }
    }
    if (left > 0) {
      LOG.warn("Write {}: {} staging extent(s) of task attempts Spark did not commit are left behind (their partitions"
          + " were written again by the attempts it did commit)", plan.writeId(), left);
    }
    return keep;
  }

  /** Whether the {@code Tags} cell of {@code .show extents} (tags separated by line breaks) holds one of {@code tags}. */
  private static boolean hasAny(String tagsCell, Set<String> tags) {
    if (tagsCell == null) {
      return false;
    }
    for (String tag : tagsCell.split("\\r?\\n")) {
      if (tags.contains(tag.trim().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the per-blob tags (they must not reach the target), {@value #TAG_BATCH} tags per command. Kusto gives the
   * extents whose tags change new ids: {@code extents} is returned with each id replaced by its result id.
   */
  private List<String> untag(WritePlan plan, List<QueuedBlob> blobs, List<String> extents, long deadline) {
    List<String> tags = new ArrayList<>();
    for (QueuedBlob blob : blobs) {
      if (blob.dedupTag() != null) {
        tags.add(ExtentTags.INGEST_BY + blob.dedupTag());
      }
    }
    Map<String, String> renamed = new HashMap<>();
    for (int from = 0; from < tags.size(); from += TAG_BATCH) {
      KustoResultSetTable result = runner.command("drop per-blob tags", ExtentTags.dropTagsCommand(
          plan.ingestTable(), tags.subList(from, Math.min(tags.size(), from + TAG_BATCH))), deadline)
          .getPrimaryResults();
      while (result.next()) {
        renamed.put(String.valueOf(result.getObject("OriginalExtentId")).toLowerCase(Locale.ROOT),
            String.valueOf(result.getObject("ResultExtentId")));
      }
    }
    if (extents == null) {
      return null;
    }
    List<String> current = new ArrayList<>(extents.size());
    for (String id : extents) {
      String now = renamed.get(id.toLowerCase(Locale.ROOT));
      current.add(now == null ? id : now);
    }
    return current;
  }

  /**
   * Moves {@code extents} (all staging extents when null) into the target. An append of more extents than
   * {@code maximalExtentsCountForSplitMergePerNode} goes in batches of that many per node, unless extent tags must
   * reach the target all at once: a micro-batch's tag, or {@code ingestByTags} that a later {@code ingestIfNotExists}
   * looks for, would mark a partly moved write as complete.
   */
  private void moveIntoTarget(WritePlan plan, List<String> extents, long deadline) {
    boolean viewSource = isMaterializedViewSource(plan.targetTable(), deadline);
    String activity = plan.overwrite() ? "replace target extents" : "move extents";
    if (extents != null && extents.isEmpty()) {
      if (!plan.overwrite()) {
        LOG.info("Write {}: no staged extent to move into '{}'", plan.writeId(), plan.targetTable());
        return;
      }
      // An overwrite with no rows still replaces the target's extents: by the all-extents form (of an empty table).
      extents = null;
    }
    if (extents == null) {
      moveWithRetries(plan, activity, moveCommand(plan, viewSource), false, deadline);
      return;
    }
    int perNode = plan.config().getMaximalExtentsCountForSplitMergePerNode();
    boolean tagsMustArriveTogether = plan.batchTag() != null
        || plan.config().getIngestionProperties().getIngestByTags() != null;
    if (plan.overwrite() || extents.size() <= perNode || tagsMustArriveTogether) {
      moveWithRetries(plan, activity, moveCommand(plan, viewSource, extents), false, deadline);
      return;
    }
    int batch = perNode * clusterNodes(deadline);
    int batches = 0;
    for (int from = 0; from < extents.size(); from += batch) {
      List<String> ids = extents.subList(from, Math.min(extents.size(), from + batch));
      moveWithRetries(plan, activity + " (batch " + (batches + 1) + ", " + ids.size() + " extents)",
          KustoCommands.moveExtents(plan.ingestTable(), plan.targetTable(), viewSource, ids), batches > 0, deadline);
      batches++;
    }
    LOG.info("Write {}: moved {} staging extents into '{}' in {} batches of up to {}", plan.writeId(),
        extents.size(), plan.targetTable(), batches, batch);
  }

  /**
   * Runs one move (or replace) operation, sending it again after a pause when it fails, up to
   * {@code maxRetriesOnMoveExtents} times: Kusto moves all of a command's extents or none.
   *
   * @param earlierBatchesMoved whether earlier batches of this write are already in the target (for the error)
   */
  private void moveWithRetries(WritePlan plan, String activity, String command, boolean earlierBatchesMoved,
      long deadline) {
    for (int retry = 0; ; retry++) {
      OperationOutcome outcome = runMove(plan, activity, command, deadline);
      if (outcome.succeeded()) {
        LOG.info("Write {}: {} into table '{}' done ({})", plan.writeId(), activity, plan.targetTable(), outcome);
        return;
      }
      checkRetriesLeft(plan, outcome, retry, earlierBatchesMoved);
    }
  }

  private void checkRetriesLeft(WritePlan plan, OperationOutcome outcome, int retry, boolean earlierBatchesMoved) {
    int allowed = plan.config().getMaxRetriesOnMoveExtents();
    if (retry >= allowed) {
      throw new KustoConnectorException(ErrorCode.INGESTION_FAILED, KustoConnectorException.message(
          "move the staged data of table '" + plan.ingestTable() + "' into table '" + plan.targetTable()
              + "' (request id '" + requestId(plan) + "')", outcome + (allowed == 0 ? ""
                  : "; retried " + allowed + " time(s) ('maxRetriesOnMoveExtents')"),
          earlierBatchesMoved
              ? "The extents of the earlier batches are in the target, the rest were not moved: remove the write's"
                  + " rows (or accept them) before writing the missing part again, or raise"
                  + " 'maxRetriesOnMoveExtents'."
              : "The target is unchanged; write again."));
    }
    long pause = Math.min(MOVE_RETRY_MAX_PAUSE_MILLIS, MOVE_RETRY_PAUSE_MILLIS << Math.min(retry, 10));
    LOG.warn("Write {}: moving into '{}' failed ({}); retry {} of {} in {} ms", plan.writeId(), plan.targetTable(),
        outcome, retry + 1, plan.config().getMaxRetriesOnMoveExtents(), pause);
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KustoConnectorException(ErrorCode.TIMEOUT, KustoConnectorException.message(
          "move the staged data into table '" + plan.targetTable() + "'", "interrupted while waiting to retry",
          ""), e);
    }
  }

  private OperationOutcome runMove(WritePlan plan, String activity, String command, long deadline) {
    // Sent once: a move whose answer was lost may have run, and a second one could move or replace twice.
    KustoResultSetTable accepted = runner.commandOnce(activity, command, deadline).getPrimaryResults();
    if (!accepted.next()) {
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
          activity + " into table '" + plan.targetTable() + "'", "the service returned no operation id", ""));
    }
    UUID operation = UUID.fromString(accepted.getString(0));
    return operations.await(activity + " into '" + plan.targetTable() + "'", operation, deadline);
  }

  private int clusterNodes(long deadline) {
    KustoResultSetTable nodes = runner.command("count cluster nodes", ".show cluster | count", deadline)
        .getPrimaryResults();
    return nodes.next() ? (int) Math.max(1, nodes.getLong(0)) : 1;
  }

  private boolean isMaterializedViewSource(String table, long deadline) {
    KustoResultSetTable views = runner.command("find materialized views of the target",
        ".show materialized-views | where SourceTable == " + KqlSyntax.stringLiteral(table) + " | count", deadline)
        .getPrimaryResults();
    return views.next() && views.getLong(0) > 0;
  }

  /** The command that moves these staged extents into the target (replacing its extents for an overwrite). */
  static String moveCommand(WritePlan plan, boolean materializedViewSource, List<String> extents) {
    if (plan.overwrite()) {
      return ".replace async extents in table " + KqlSyntax.quoteIdentifier(plan.targetTable())
          + (materializedViewSource ? " with (SetNewIngestionTime=true)" : "") + " <| {"
          + KustoCommands.showTableExtents(plan.targetTable()) + " | project ExtentId}, {"
          + KustoCommands.showTableExtents(plan.ingestTable(), extents) + " | project ExtentId}";
    }
    return KustoCommands.moveExtents(plan.ingestTable(), plan.targetTable(), materializedViewSource, extents);
  }

  /** The command that moves every staged extent into the target (replacing its extents for an overwrite). */
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
