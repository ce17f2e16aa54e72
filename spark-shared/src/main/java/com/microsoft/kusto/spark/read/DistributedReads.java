package com.microsoft.kusto.spark.read;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.OperationPoller;
import com.microsoft.kusto.spark.common.client.PollSchedule;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.kql.KustoCommands;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.read.DistributedExport;
import com.microsoft.kusto.spark.common.read.ExportedBlob;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.util.Digests;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver side of a distributed read: chooses the transient storage, exports the query's result into it
 * ({@link DistributedExport}), registers the blobs for deletion ({@link TransientExportCleaner}) and, with
 * {@code distributedReadModeTransientCache}, reuses one export per (exported query, cluster, database, credentials,
 * transient storage) for the life of the JVM.
 */
public final class DistributedReads {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedReads.class);
  private static final Map<List<String>, List<ExportedBlob>> CACHE = new ConcurrentHashMap<>();

  private DistributedReads() {}

  /**
   * Exports and returns the blobs to read.
   *
   * @param owner the driver-side object that planned the read; the blobs are deleted after it is garbage collected
   *     ({@link TransientExportCleaner})
   * @param kql the query to export (the user's query with pushed filters and projection)
   * @param partitionColumn column hashed to split the export; used only when {@code partitions > 1}
   */
  public static List<ExportedBlob> export(
      Object owner, ReadConfig config, String kql, String partitionColumn, int partitions) {
    if (!config.isDistributedReadModeTransientCache()) {
      return exportNow(owner, config, kql, partitionColumn, partitions, true);
    }
    // The credentials and the transient storage are part of the key, as digests: another identity must not get
    // this one's export (and its storage access), nor another storage this one's blobs.
    List<String> key = Arrays.asList(kql, config.getConnection().getClusterUrl(), config.getConnection().getDatabase(),
        partitionColumn, Integer.toString(partitions), config.getConnection().getAuth().identityDigest(),
        config.getTransientStorage() == null ? "kusto-provided"
            : Digests.sha256(config.getTransientStorage().toInsecureString()));
    List<ExportedBlob> cached = CACHE.get(key);
    if (cached != null) {
      LOG.info("Reusing the cached export of this query ({} blobs; distributedReadModeTransientCache)", cached.size());
      return cached;
    }
    // Exports of the same key racing on two threads both succeed; one of them is kept.
    List<ExportedBlob> blobs = exportNow(owner, config, kql, partitionColumn, partitions, false);
    List<ExportedBlob> previous = CACHE.putIfAbsent(key, blobs);
    return previous != null ? previous : blobs;
  }

  private static List<ExportedBlob> exportNow(Object owner, ReadConfig config, String kql,
      String partitionColumn, int partitions, boolean deleteAfterRead) {
    boolean userStorage = config.getTransientStorage() != null;
    List<ContainerAccess> containers = userStorage ? userContainers(config.getTransientStorage())
        : kustoContainers(config);
    DistributedExport.Request request = new DistributedExport.Request(kql, containers, config.getExportOptions(),
        directory(config), partitions > 1 ? partitionColumn : null, partitions);
    KustoRequestRunner runner = KustoClients.engineRunner(config.getConnection());
    List<ExportedBlob> blobs;
    try {
      blobs = new DistributedExport(runner, new OperationPoller(runner, PollSchedule.standard()))
          .run(request, ReadSchemas.deadline(config));
    } catch (KustoConnectorException e) {
      throw withCoordinates(e, config);
    }
    if (userStorage && deleteAfterRead) {
      TransientExportCleaner.register(owner, request);
    }
    return Collections.unmodifiableList(new ArrayList<>(blobs));
  }

  /** Operation failures do not name where they ran; the user needs cluster, database and request id to trace. */
  private static KustoConnectorException withCoordinates(KustoConnectorException e, ReadConfig config) {
    String cluster = config.getConnection().getClusterUrl();
    if (e.getMessage() != null && e.getMessage().contains(cluster)) {
      return e;
    }
    return new KustoConnectorException(e.getErrorCode(), "Distributed read on cluster '" + cluster + "', database '"
        + config.getConnection().getDatabase() + "' (request id '" + config.getConnection().getRequestId()
        + "'): " + e.getMessage(), e);
  }

  /** {@code <database>/dir<uuid>/}, with characters other than letters and digits in the database name as '_'. */
  private static String directory(ReadConfig config) {
    return config.getConnection().getDatabase().replaceAll("[^A-Za-z0-9]", "_") + "/dir" + UUID.randomUUID() + "/";
  }

  private static List<ContainerAccess> userContainers(TransientStorageParameters storage) {
    List<ContainerAccess> containers = new ArrayList<>();
    for (TransientStorageCredentials credentials : storage.getStorageCredentials()) {
      containers.add(ContainerAccess.of(credentials, storage.getEndpointSuffix()));
    }
    return containers;
  }

  /** The containers Kusto provides for exports ({@code .show export containers} on the ingestion endpoint). */
  private static List<ContainerAccess> kustoContainers(ReadConfig config) {
    KustoResultSetTable result = KustoClients.ingestionRunner(config.getConnection())
        .command("show export containers", KustoCommands.showExportContainers(), ReadSchemas.deadline(config))
        .getPrimaryResults();
    List<ContainerAccess> containers = new ArrayList<>();
    while (result.next()) {
      containers.add(ContainerAccess.of(new TransientStorageCredentials(result.getString(0)), null));
    }
    if (containers.isEmpty()) {
      throw new KustoConnectorException(ErrorCode.EXPORT_FAILED, KustoConnectorException.message(
          "find storage for a distributed read on cluster '" + config.getConnection().getClusterUrl() + "'",
          "'.show export containers' returned no container",
          "Give your own storage in option 'transientStorage', or read in 'ForceSingleMode'."));
    }
    return containers;
  }
}
