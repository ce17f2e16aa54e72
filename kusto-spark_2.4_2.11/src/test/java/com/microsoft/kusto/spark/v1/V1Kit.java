package com.microsoft.kusto.spark.v1;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.client.Retrier;
import com.microsoft.kusto.spark.common.client.RetryPolicy;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/** One strict-mode emulator per test class, with the helpers the Spark 2.4 source tests share. */
final class V1Kit implements AutoCloseable {
  static final String DB = "db";

  final KustoEmulator emulator;
  private final KustoRequestRunner runner;

  private V1Kit(KustoEmulator emulator) {
    this.emulator = emulator;
    try {
      this.runner = new KustoRequestRunner(
          ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + emulator.engineUrl())),
          emulator.engineUrl(), DB, "test-setup", null,
          Retrier.forRequests(RetryPolicy.forRequests(60)));
    } catch (Exception e) {
      emulator.close();
      throw new IllegalStateException(e);
    }
  }

  static V1Kit start() {
    return new V1Kit(KustoEmulator.builder().strictMode(true).database(DB).start());
  }

  SparkSession spark() {
    return LocalSpark.session();
  }

  void command(String text) {
    runner.command("test setup", text, System.currentTimeMillis() + 60_000);
  }

  /** The cluster URL: the SDK's ingest client is anonymous towards the literal loopback address. */
  String cluster() {
    return emulator.engineUrl().replace("://localhost:", "://127.0.0.1:");
  }

  Map<String, String> readOptions(String query) {
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", emulator.engineUrl());
    options.put("kustoDatabase", DB);
    options.put("kustoQuery", query);
    return options;
  }

  DataFrameReader read(String query) {
    return spark().read().format("kusto").options(readOptions(query));
  }

  /** Write options for {@code table}; later pairs override earlier ones. */
  Map<String, String> writeOptions(String table, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("kustoCluster", cluster());
    options.put("kustoDatabase", DB);
    options.put("kustoTable", table);
    options.put("timeoutLimit", "120");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }

  /** One column of a query's rows as strings, in result order. */
  List<String> column(String query, String column) {
    KustoResultSetTable result =
        runner.query("test read", query, System.currentTimeMillis() + 60_000).getPrimaryResults();
    List<String> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getString(column));
    }
    return values;
  }

  /** {@code count, distinct ids, min id, max id} of a table with an {@code id} column, as one string. */
  String idStats(String table) {
    return column(table + " | summarize n = count(), d = dcount(id), lo = min(id), hi = max(id)"
        + " | project r = strcat(n, ' ', d, ' ', lo, ' ', hi)", "r").get(0);
  }

  List<String> tables(String prefix) {
    KustoResultSetTable result = runner.command("test read", ".show tables with (IncludeHiddenTables=true) | where TableName startswith '" + prefix
        + "'", System.currentTimeMillis() + 60_000).getPrimaryResults();
    List<String> names = new ArrayList<>();
    while (result.next()) {
      names.add(result.getString("TableName"));
    }
    return names;
  }

  /** The staging tables left behind for {@code table}. */
  List<String> tempTables(String table) {
    return tables("sparkTempTable_" + table + "_");
  }

  /** A new container in the emulator's storage account, as a SAS URL with every permission a read needs. */
  String newContainerSasUrl() {
    BlobContainerClient container = container("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    container.create();
    return container.getBlobContainerUrl() + "?" + container.generateSas(new BlobServiceSasSignatureValues(
        OffsetDateTime.now().plusHours(2), BlobContainerSasPermission.parse("racwdl")));
  }

  static String transientStorage(String sasUrl) {
    return "{\"storageCredentials\":[{\"sasUrl\":\"" + sasUrl + "\"}]}";
  }

  List<String> blobNames(String sasUrl) {
    String containerUrl = sasUrl.substring(0, sasUrl.indexOf('?'));
    List<String> names = new ArrayList<>();
    for (BlobItem blob : container(containerUrl.substring(containerUrl.lastIndexOf('/') + 1)).listBlobs()) {
      names.add(blob.getName());
    }
    return names;
  }

  private BlobContainerClient container(String name) {
    return new BlobServiceClientBuilder().endpoint(emulator.blobEndpoint())
        .credential(new StorageSharedKeyCredential(emulator.storageAccountName(), emulator.storageAccountKey()))
        .buildClient().getBlobContainerClient(name);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
