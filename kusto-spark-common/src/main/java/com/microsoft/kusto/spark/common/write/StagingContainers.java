package com.microsoft.kusto.spark.common.write;

import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.resources.ContainerWithSas;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.client.TransientFailures;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.IngestionStorageParameters;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The blob containers a partition stages its CSV in: the user's ({@code kustoIngestionStorageContainer}, SAS only)
 * or Kusto's temporary storage as the SDK's resource manager lists it (cached by the SDK, refreshed hourly). The
 * storage clients are shared per JVM, so each task does not build its own HTTP pipeline.
 */
final class StagingContainers {
  private static final ConcurrentMap<ContainerAccess, ContainerAccess> SHARED = new ConcurrentHashMap<>();

  private StagingContainers() {}

  static List<ContainerAccess> resolve(WriteConfig config, QueuedIngestClient ingest) {
    List<ContainerAccess> containers = new ArrayList<>();
    if (!config.getIngestionStorage().isEmpty()) {
      for (IngestionStorageParameters user : config.getIngestionStorage()) {
        containers.add(shared(fromUser(user)));
      }
      Collections.shuffle(containers);
      return containers;
    }
    List<ContainerWithSas> listed;
    try {
      // The SDK wraps resource-refresh failures in its own exceptions without a status to go by: everything but a
      // permanent answer (authentication, permission) is retried.
      listed = new Retrier(config.getConnection().retryPolicy(), t -> !TransientFailures.isPermanent(t)).call(
          "list ingestion containers", Long.MAX_VALUE,
          attempt -> ingest.getResourceManager().getShuffledContainers());
    } catch (Exception e) {
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
          "get the ingestion storage containers from '" + config.getConnection().getIngestionUrl() + "'",
          Secrets.redact(String.valueOf(e.getMessage())),
          "Check 'kustoIngestionUri' and that the principal may ingest, or give your own containers in "
              + "'kustoIngestionStorageContainer'."));
    }
    for (ContainerWithSas c : listed) {
      String url = c.getEndpointWithoutSas();
      int slash = url.lastIndexOf('/');
      containers.add(shared(ContainerAccess.withSas(url.substring(0, slash), c.getAccountName(),
          url.substring(slash + 1), c.getSas())));
    }
    if (containers.isEmpty()) {
      throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
          "stage data for ingestion", "the service listed no temporary storage container",
          "Retry later, or give your own containers in 'kustoIngestionStorageContainer'."));
    }
    return containers;
  }

  private static ContainerAccess fromUser(IngestionStorageParameters user) {
    if (user.getSas() == null) {
      throw new KustoConnectorException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
          "stage data in container '" + user.getContainerName() + "' of 'kustoIngestionStorageContainer'",
          "only SAS access is supported here; a user-delegation SAS from 'userMsi' is not",
          "Give a SAS token with write and read permissions in 'sas'."));
    }
    return ContainerAccess.withSas(user.getStorageUrl(), accountName(user.getStorageUrl()), user.getContainerName(),
        user.getSas());
  }

  /** {@code https://acc.blob.core.windows.net} → acc; a path-style emulator URL → its last path segment. */
  static String accountName(String storageUrl) {
    URI uri = URI.create(storageUrl);
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    if (!path.isEmpty()) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private static ContainerAccess shared(ContainerAccess container) {
    ContainerAccess existing = SHARED.putIfAbsent(container, container);
    return existing == null ? container : existing;
  }
}
