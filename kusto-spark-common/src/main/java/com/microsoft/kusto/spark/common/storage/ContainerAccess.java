package com.microsoft.kusto.spark.common.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import java.io.Serializable;
import java.util.Objects;

/**
 * One blob container the connector reads or writes (transient export storage, ingestion staging), with the
 * credential to do so: a SAS token or an account key. Serializable, so executors can open the container
 * themselves; the SDK client is built lazily on each JVM. {@link #toString()} never shows the credential.
 */
public final class ContainerAccess implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String accountEndpoint;
  private final String accountName;
  private final String container;
  private final String sasToken;
  private final String accountKey;
  private transient BlobContainerClient client;

  private ContainerAccess(
      String accountEndpoint, String accountName, String container, String sasToken, String accountKey) {
    this.accountEndpoint = stripTrailingSlash(Objects.requireNonNull(accountEndpoint, "accountEndpoint"));
    this.accountName = Objects.requireNonNull(accountName, "accountName");
    this.container = Objects.requireNonNull(container, "container");
    this.sasToken = sasToken;
    this.accountKey = accountKey;
  }

  /**
   * @param accountEndpoint {@code https://<account>.blob.core.windows.net}, or an emulator's path-style
   *     {@code http://127.0.0.1:10000/<account>}
   * @param sasToken the container SAS, with or without the leading {@code ?}
   */
  public static ContainerAccess withSas(String accountEndpoint, String accountName, String container, String sasToken) {
    String token = Objects.requireNonNull(sasToken, "sasToken");
    return new ContainerAccess(
        accountEndpoint, accountName, container, token.startsWith("?") ? token.substring(1) : token, null);
  }

  public static ContainerAccess withAccountKey(
      String accountEndpoint, String accountName, String container, String accountKey) {
    return new ContainerAccess(accountEndpoint, accountName, container, null, Objects.requireNonNull(accountKey));
  }

  /**
   * The container a {@code transientStorage} credential names, its URL built with {@code endpointSuffix} unless the
   * credential carries its own (see {@link TransientStorageCredentials#accountEndpoint(String)}).
   */
  public static ContainerAccess of(TransientStorageCredentials credentials, String endpointSuffix) {
    String endpoint = credentials.accountEndpoint(endpointSuffix);
    return credentials.isSasKeyDefined()
        ? withSas(endpoint, credentials.getStorageAccountName(), credentials.getBlobContainer(), credentials.getSasKey())
        : withAccountKey(
            endpoint,
            credentials.getStorageAccountName(),
            credentials.getBlobContainer(),
            credentials.getStorageAccountKey());
  }

  public String accountName() {
    return accountName;
  }

  public String container() {
    return container;
  }

  /** The container URL without any credential, safe to log: {@code https://acc.blob.core.windows.net/c}. */
  public String containerUrl() {
    return accountEndpoint + "/" + container;
  }

  public boolean usesSas() {
    return sasToken != null;
  }

  /**
   * The container URL in the form Kusto's {@code .export} and ingestion accept, credential included: {@code
   * <url>?<sas>} or {@code <url>;<key>}. Secret: only for command texts, where it goes into a hidden string
   * literal ({@code h@"..."}), never for logs.
   */
  public String secretUrlForKusto() {
    return usesSas() ? containerUrl() + "?" + sasToken : containerUrl() + ";" + accountKey;
  }

  /** The SDK client of this container, built once per JVM. */
  public synchronized BlobContainerClient client() {
    if (client == null) {
      BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(containerUrl());
      if (usesSas()) {
        builder.sasToken(sasToken);
      } else {
        builder.credential(new StorageSharedKeyCredential(accountName, accountKey));
      }
      client = builder.buildClient();
    }
    return client;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContainerAccess)) {
      return false;
    }
    ContainerAccess other = (ContainerAccess) o;
    return accountEndpoint.equals(other.accountEndpoint)
        && container.equals(other.container)
        && Objects.equals(sasToken, other.sasToken)
        && Objects.equals(accountKey, other.accountKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountEndpoint, container);
  }

  @Override
  public String toString() {
    return "ContainerAccess{" + containerUrl() + ", credential=" + (usesSas() ? "SAS" : "account key") + "}";
  }
}
