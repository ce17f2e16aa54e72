package com.microsoft.kusto.spark.v2;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.client.RetryPolicy;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.storage.StoredBlob;
import com.microsoft.kusto.spark.common.storage.TransientBlobs;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/** One strict-mode emulator per test class, with helpers to load tables and to read them through the source. */
final class EmulatorKit implements AutoCloseable {
  static final String DB = "db";

  final KustoEmulator emulator;
  final KustoRequestRunner runner;

  private EmulatorKit(KustoEmulator emulator) {
    this.emulator = emulator;
    try {
      this.runner = new KustoRequestRunner(
          ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + emulator.engineUrl())),
          emulator.engineUrl(), DB, "test-setup", null,
          Retrier.forRequests(RetryPolicy.forRequests(60)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static EmulatorKit start() {
    return new EmulatorKit(KustoEmulator.builder().strictMode(true).database(DB).start());
  }

  void command(String text) {
    runner.command("test setup", text, System.currentTimeMillis() + 60_000);
  }

  SparkSession spark() {
    return LocalSpark.session();
  }

  Map<String, String> options(String query) {
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", emulator.engineUrl());
    options.put("kustoDatabase", DB);
    options.put("kustoQuery", query);
    return options;
  }

  DataFrameReader read(String query) {
    return spark().read().format("kusto").options(options(query));
  }

  /** A new container in the emulator's storage account, as a SAS URL with every permission the read needs. */
  String newContainerSasUrl() {
    String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    BlobContainerClient container = new BlobServiceClientBuilder()
        .endpoint(emulator.blobEndpoint())
        .credential(new StorageSharedKeyCredential(emulator.storageAccountName(), emulator.storageAccountKey()))
        .buildClient()
        .createBlobContainer(name);
    String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(2),
        BlobContainerSasPermission.parse("racwdl")));
    return container.getBlobContainerUrl() + "?" + sas;
  }

  /** {@code transientStorage} JSON for a SAS URL. */
  static String transientStorage(String sasUrl) {
    return "{\"storageCredentials\":[{\"sasUrl\":\"" + sasUrl + "\"}]}";
  }

  /** The blobs currently in the container of a SAS URL. */
  List<StoredBlob> blobs(String sasUrl) {
    int query = sasUrl.indexOf('?');
    String containerUrl = sasUrl.substring(0, query);
    String container = containerUrl.substring(containerUrl.lastIndexOf('/') + 1);
    String endpoint = containerUrl.substring(0, containerUrl.lastIndexOf('/'));
    return TransientBlobs.list(
        ContainerAccess.withSas(endpoint, emulator.storageAccountName(), container, sasUrl.substring(query + 1)), "");
  }

  @Override
  public void close() {
    emulator.close();
  }
}
