package com.microsoft.kusto.emulator.storage;

import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.core.http.HttpClient;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.sas.TableSasPermission;
import com.azure.data.tables.sas.TableSasSignatureValues;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.sas.QueueSasPermission;
import com.azure.storage.queue.sas.QueueServiceSasSignatureValues;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;

/**
 * The emulator's view of Azurite: clients for its own use (always on 127.0.0.1, path style) and the SAS URLs it
 * hands to Kusto clients (on the configured {@link StorageHostNames}). Creates the containers, queues and table
 * ingestion needs at start, because the SDK never creates them.
 */
public final class AzuriteStorage {
  /** Blob container the SDK uploads data to before queueing it (resource type TempStorage). */
  public static final String TEMP_CONTAINER = "ingest-temp";
  /** Container handed out by {@code .show export containers}. */
  public static final String EXPORT_CONTAINER = "export-temp";
  public static final String READY_QUEUE = "readyforaggregation-secured";
  public static final String SUCCESS_QUEUE = "successfulingestions";
  public static final String FAILURE_QUEUE = "failedingestions";
  public static final String STATUS_TABLE = "ingestionsstatus";

  /** Long enough for any test or local session; short enough that a leaked URL does not live forever. */
  private static final Duration SAS_LIFETIME = Duration.ofDays(7);

  private final AzuriteProcess azurite;
  private final StorageHostNames hosts;
  private final StorageSharedKeyCredential sharedKey;
  private final BlobServiceClient blobService;
  private final QueueServiceClient queueService;
  private final TableServiceClient tableService;
  private final HttpClient httpClient;
  private final boolean productionStyleUrls;

  public AzuriteStorage(AzuriteProcess azurite, StorageHostNames hosts) {
    this(azurite, hosts, null);
  }

  public AzuriteStorage(AzuriteProcess azurite, StorageHostNames hosts, TrustManagerFactory trust) {
    this(azurite, hosts, trust, false);
  }

  /**
   * @param trust trust for Azurite's certificate when it serves https (null: the JVM's default trust), used by
   *     every storage client the emulator makes
   * @param productionStyleUrls whether the URLs handed out are {@code https://<hosts>/<container>} (a {@link
   *     StorageFront} listens on 443 or a port 443 is mapped to) instead of path style on Azurite's ports
   */
  public AzuriteStorage(
      AzuriteProcess azurite, StorageHostNames hosts, TrustManagerFactory trust, boolean productionStyleUrls) {
    this.productionStyleUrls = productionStyleUrls;
    this.azurite = Objects.requireNonNull(azurite, "azurite");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.httpClient = trust == null ? null : AzuriteHttpClients.trusting(trust);
    this.sharedKey = new StorageSharedKeyCredential(azurite.accountName(), azurite.accountKey());
    this.blobService =
        new BlobServiceClientBuilder()
            .endpoint(azurite.blobEndpoint())
            .credential(sharedKey)
            .httpClient(httpClient)
            .buildClient();
    this.queueService =
        new QueueServiceClientBuilder()
            .endpoint(azurite.queueEndpoint())
            .credential(sharedKey)
            .httpClient(httpClient)
            .buildClient();
    this.tableService =
        new TableServiceClientBuilder()
            .endpoint(azurite.tableEndpoint())
            .credential(new AzureNamedKeyCredential(azurite.accountName(), azurite.accountKey()))
            .httpClient(httpClient)
            .buildClient();
  }

  /** The HTTP client storage clients must use to reach this Azurite (it trusts Azurite's certificate), if any. */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** Creates (idempotently) everything queued ingestion and export need. */
  public AzuriteStorage createResources() {
    for (String container : new String[] {TEMP_CONTAINER, EXPORT_CONTAINER}) {
      BlobContainerClient client = blobService.getBlobContainerClient(container);
      if (!client.exists()) {
        client.create();
      }
    }
    for (String queue : new String[] {READY_QUEUE, SUCCESS_QUEUE, FAILURE_QUEUE}) {
      queueService.getQueueClient(queue).createIfNotExists();
    }
    tableService.createTableIfNotExists(STATUS_TABLE);
    return this;
  }

  public AzuriteProcess process() {
    return azurite;
  }

  public StorageHostNames hosts() {
    return hosts;
  }

  public BlobServiceClient blobService() {
    return blobService;
  }

  public QueueClient queue(String name) {
    return queueService.getQueueClient(name);
  }

  public TableClient table(String name) {
    return tableService.getTableClient(name);
  }

  public StorageSharedKeyCredential sharedKey() {
    return sharedKey;
  }

  private String scheme() {
    return azurite.https() ? "https" : "http";
  }

  /** Public URL of the account's blob service root as clients should address it. */
  public String publicBlobRoot() {
    return serviceRoot(hosts.blobHost(), azurite.blobPort());
  }

  /** Production style: the account is in the host name and the port is https's default. */
  private String serviceRoot(String host, int azuritePort) {
    return productionStyleUrls ? "https://" + host : StorageHostNames.serviceRoot(scheme(), host, azuritePort);
  }

  /** Public container URL without SAS. */
  public String publicContainerUrl(String container) {
    return publicBlobRoot() + "/" + container;
  }

  /** Container URL with a SAS allowing read, add, create, write, delete and list. */
  public String containerUrlWithSas(String container) {
    BlobContainerSasPermission permission =
        new BlobContainerSasPermission()
            .setReadPermission(true)
            .setAddPermission(true)
            .setCreatePermission(true)
            .setWritePermission(true)
            .setDeletePermission(true)
            .setListPermission(true);
    String sas =
        blobService
            .getBlobContainerClient(container)
            .generateSas(new BlobServiceSasSignatureValues(expiry(), permission));
    return publicContainerUrl(container) + "?" + sas;
  }

  /** Queue URL with a SAS allowing read, add, update and process (the SDK only adds). */
  public String queueUrlWithSas(String queue) {
    QueueSasPermission permission =
        new QueueSasPermission()
            .setReadPermission(true)
            .setAddPermission(true)
            .setUpdatePermission(true)
            .setProcessPermission(true);
    String sas = queueService.getQueueClient(queue).generateSas(new QueueServiceSasSignatureValues(expiry(), permission));
    return serviceRoot(hosts.queueHost(), azurite.queuePort()) + "/" + queue + "?" + sas;
  }

  /**
   * Table URL with a SAS allowing read, add, update and delete. Built by hand: the tables SDK drops the account
   * segment of path-style endpoints.
   */
  public String tableUrlWithSas(String table) {
    TableSasPermission permission =
        new TableSasPermission()
            .setReadPermission(true)
            .setAddPermission(true)
            .setUpdatePermission(true)
            .setDeletePermission(true);
    String sas = tableService.getTableClient(table).generateSas(new TableSasSignatureValues(expiry(), permission));
    return serviceRoot(hosts.tableHost(), azurite.tablePort()) + "/" + table + "?" + sas;
  }

  private static OffsetDateTime expiry() {
    return OffsetDateTime.now().plus(SAS_LIFETIME);
  }
}
