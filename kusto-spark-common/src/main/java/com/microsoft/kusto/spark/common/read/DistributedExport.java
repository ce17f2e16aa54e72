package com.microsoft.kusto.spark.common.read;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.OperationOutcome;
import com.microsoft.kusto.spark.common.client.OperationPoller;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import com.microsoft.kusto.spark.common.kql.ParquetExport;
import com.microsoft.kusto.spark.common.kql.Predicates;
import com.microsoft.kusto.spark.common.options.KustoExportOptions;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.storage.StoredBlob;
import com.microsoft.kusto.spark.common.storage.TransientBlobs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed read, driver side: exports the query's result as Parquet into transient storage with {@code .export
 * async compressed to parquet}, waits for every export operation, and lists the blobs that executors will read.
 *
 * <p>With {@code partitions > 1} the export is split into that many commands, slice {@code i} restricted by
 * {@code hash(column, partitions) == i}: slices are disjoint and cover every row, so no row is exported (or read)
 * twice. If any slice fails, everything this export wrote is deleted before the error is thrown.
 */
public final class DistributedExport {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedExport.class);

  private final KustoRequestRunner runner;
  private final OperationPoller poller;

  public DistributedExport(KustoRequestRunner runner, OperationPoller poller) {
    this.runner = runner;
    this.poller = poller;
  }

  /** What to export and where. */
  public static final class Request {
    final String query;
    final List<ContainerAccess> containers;
    final KustoExportOptions options;
    final String directory;
    final String partitionColumn;
    final int partitions;

    /** The containers the export writes to (their URLs, without credentials). */
    public List<String> containerUrls() {
      List<String> urls = new java.util.ArrayList<>();
      for (ContainerAccess container : containers) {
        urls.add(container.containerUrl());
      }
      return urls;
    }

    /**
     * @param query the final KQL (user query with pushed filters and projection)
     * @param directory a prefix unique to this read, ending with {@code /}; every blob is written under it
     * @param partitionColumn the column hashed to split the export; ignored when {@code partitions == 1}
     */
    public Request(
        String query,
        List<ContainerAccess> containers,
        KustoExportOptions options,
        String directory,
        String partitionColumn,
        int partitions) {
      if (containers.isEmpty()) {
        throw new IllegalArgumentException("An export needs at least one storage container");
      }
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
      }
      if (partitions > 1 && partitionColumn == null) {
        throw new IllegalArgumentException("A partitioned export needs a partition column");
      }
      this.query = query;
      this.containers = new ArrayList<>(containers);
      this.options = options;
      this.directory = directory;
      this.partitionColumn = partitionColumn;
      this.partitions = partitions;
    }
  }

  /** The export commands of a request, one per slice, in slice order (credentials inside hidden literals). */
  static List<String> commands(Request request) {
    List<String> storageUris = new ArrayList<>();
    for (ContainerAccess container : request.containers) {
      storageUris.add(container.secretUrlForKusto());
    }
    List<String> commands = new ArrayList<>(request.partitions);
    for (int slice = 0; slice < request.partitions; slice++) {
      String query =
          request.partitions == 1
              ? request.query
              : KqlQueryBuilder.forQuery(request.query)
                  .filter(Predicates.hashPartition(request.partitionColumn, request.partitions, slice))
                  .build();
      ParquetExport.Builder export =
          ParquetExport.builder()
              .compressed(request.options.isCompressed())
              .namePrefix(request.directory + "part" + slice)
              .compressionType(request.options.getCompressionType())
              .useNativeParquetWriter(request.options.getUseNativeParquetWriter());
      for (String uri : storageUris) {
        export.storageUri(uri);
      }
      if (request.options.getSizeLimitBytes() != null) {
        export.sizeLimitBytes(request.options.getSizeLimitBytes());
      }
      request.options.getAdditionalProperties().forEach(export::property);
      commands.add(KustoCommands.exportToParquet(export.build(), query));
    }
    return commands;
  }

  /** Runs the export and returns the blobs it wrote, in name order. */
  public List<ExportedBlob> run(Request request, long deadlineMillis) {
    List<UUID> operations = new ArrayList<>();
    try {
      List<String> commands = commands(request);
      for (int slice = 0; slice < commands.size(); slice++) {
        operations.add(start(commands.get(slice), slice, commands.size(), deadlineMillis));
      }
      for (UUID operation : operations) {
        OperationOutcome outcome = poller.await("export query results", operation, deadlineMillis);
        if (!outcome.succeeded()) {
          throw new KustoConnectorException(
              ErrorCode.EXPORT_FAILED,
              KustoConnectorException.message(
                  "export query results to transient storage (operation " + operation + ")",
                  "Kusto reports it " + outcome.state() + (outcome.status().isEmpty() ? "" : ": " + outcome.status()),
                  "Check that the storage in 'transientStorage' is writable by the cluster, and the query runs on"
                      + " its own; '.show operation " + operation + " details' has Kusto's account of it."));
        }
      }
      List<ExportedBlob> blobs = list(request);
      LOG.info(
          "Exported into {} blobs under '{}' ({} operation(s))", blobs.size(), request.directory, operations.size());
      return blobs;
    } catch (RuntimeException e) {
      deleteQuietly(request, e);
      throw e;
    }
  }

  private UUID start(String command, int slice, int slices, long deadlineMillis) {
    // Sent once: an export whose answer was lost may be running, and a second one would write the same files again.
    KustoResultSetTable result =
        runner.commandOnce("export slice " + slice + " of " + slices, command, deadlineMillis).getPrimaryResults();
    if (!result.next()) {
      throw new KustoConnectorException(
          ErrorCode.EXPORT_FAILED,
          KustoConnectorException.message(
              "start the export of query results", "Kusto returned no operation id for '.export async'", ""));
    }
    return UUID.fromString(result.getString(result.findColumn("OperationId")));
  }

  private static List<ExportedBlob> list(Request request) {
    List<ExportedBlob> blobs = new ArrayList<>();
    for (ContainerAccess container : request.containers) {
      for (StoredBlob blob : TransientBlobs.list(container, request.directory)) {
        blobs.add(new ExportedBlob(container, blob.name(), blob.sizeBytes()));
      }
    }
    return blobs;
  }

  /** Removes what the export wrote; reports, but never masks, the original failure. */
  public static void deleteQuietly(Request request, Exception failure) {
    for (ContainerAccess container : request.containers) {
      try {
        TransientBlobs.deleteAll(container, request.directory);
      } catch (RuntimeException cleanup) {
        if (failure != null) {
          failure.addSuppressed(cleanup);
        }
        LOG.warn("Could not delete transient blobs under '{}' in {}", request.directory, container.containerUrl());
      }
    }
  }
}
