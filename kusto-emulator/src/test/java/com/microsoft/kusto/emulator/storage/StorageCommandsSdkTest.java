package com.microsoft.kusto.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.queue.QueueClientBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The storage commands through the official kusto-data Client, and the SAS URLs they hand out. */
class StorageCommandsSdkTest {
  private static StorageTestEndpoint endpoint;
  private static Client client;

  @BeforeAll
  static void start() {
    endpoint = new StorageTestEndpoint();
    client = endpoint.client();
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void ingestionResourcesAreTheFiveKindsWithWorkingPathStyleSasUrls() throws Exception {
    KustoResultSetTable table = client.executeMgmt("NetDefaultDb", ".show ingestion resources").getPrimaryResults();
    Map<String, String> resources = new LinkedHashMap<>();
    while (table.next()) {
      resources.put(table.getString(0), table.getString(1));
    }

    assertThat(resources.keySet())
        .containsExactly("TempStorage", "SecuredReadyForAggregationQueue", "SuccessfulIngestionsQueue",
            "FailedIngestionsQueue", "IngestionsStatusTable");
    String blobRoot = "http://127.0.0.1:" + endpoint.azurite.blobPort() + "/devstoreaccount1/";
    assertThat(resources.get("TempStorage")).startsWith(blobRoot + AzuriteStorage.TEMP_CONTAINER + "?");
    assertThat(resources.get("IngestionsStatusTable"))
        .startsWith("http://127.0.0.1:" + endpoint.azurite.tablePort() + "/devstoreaccount1/ingestionsstatus?");
    resources.values().forEach(url -> assertThat(url.chars().filter(c -> c == '?').count()).isEqualTo(1));

    BlobContainerClient temp = new BlobContainerClientBuilder().endpoint(resources.get("TempStorage")).buildClient();
    temp.getBlobClient("probe.txt").upload(new ByteArrayInputStream(new byte[] {1, 2}), 2, true);
    assertThat(temp.listBlobs().stream().map(BlobItem::getName)).contains("probe.txt");
    new QueueClientBuilder().endpoint(resources.get("SecuredReadyForAggregationQueue")).buildClient().sendMessage("x");
  }

  @Test
  void identityTokenIsOneOpaqueString() throws Exception {
    KustoResultSetTable table = client.executeMgmt("NetDefaultDb", ".get kusto identity token").getPrimaryResults();
    assertThat(table.next()).isTrue();
    assertThat(java.util.Arrays.asList(table.getColumns())).extracting(KustoResultColumn::getColumnName).containsExactly("AuthorizationContext");
    assertThat(table.getString(0)).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {".show export containers", ".create tempstorage"})
  void exportContainersHandOutAWritableContainer(String command) throws Exception {
    KustoResultSetTable table = client.executeMgmt("NetDefaultDb", command).getPrimaryResults();
    assertThat(java.util.Arrays.asList(table.getColumns())).extracting(KustoResultColumn::getColumnName).containsExactly("StorageRoot");
    assertThat(table.next()).isTrue();
    String url = table.getString(0);

    BlobContainerClient container = new BlobContainerClientBuilder().endpoint(url).buildClient();
    container.getBlobClient("dir/x.parquet").upload(new ByteArrayInputStream(new byte[] {7}), 1, true);
    assertThat(container.listBlobs().stream().map(BlobItem::getName)).contains("dir/x.parquet");
    assertThat(url).contains("/devstoreaccount1/" + AzuriteStorage.EXPORT_CONTAINER + "?");
  }

  @Test
  void mappingCommandsCreateShowReplaceAndDrop() throws Exception {
    client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 (a:int, b:string)");
    String csv = "[{\"Column\":\"a\",\"Properties\":{\"Ordinal\":\"1\"}},{\"Column\":\"b\",\"Properties\":{\"Ordinal\":\"0\"}}]";
    KustoResultSetTable created =
        client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 ingestion csv mapping \"m\" @'" + csv + "'").getPrimaryResults();
    assertThat(java.util.Arrays.asList(created.getColumns())).extracting(KustoResultColumn::getColumnName).containsExactly("Name", "Kind", "Mapping", "LastUpdatedOn", "Database", "Table");
    assertThat(created.next()).isTrue();
    assertThat(created.getString("Kind")).isEqualTo("Csv");
    assertThat(created.getString("Mapping")).isEqualTo(csv);

    assertThatThrownBy(() -> client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 ingestion csv mapping \"m\" '" + csv + "'"))
        .isInstanceOfSatisfying(DataServiceException.class, e -> assertThat(e.isPermanent()).isTrue())
        .hasMessageContaining("already exists");
    client.executeMgmt(StorageTestEndpoint.DB, ".create-or-alter table M1 ingestion csv mapping \"m\" '[{\"Column\":\"a\",\"Ordinal\":0}]'");
    client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 ingestion json mapping 'j' '[{\"column\":\"b\",\"path\":\"$.b\"}]'");

    assertThat(names(".show table M1 ingestion mappings")).containsExactly("m", "j");
    assertThat(names(".show table M1 ingestion json mappings")).containsExactly("j");
    KustoResultSetTable one = client.executeMgmt(StorageTestEndpoint.DB, ".show table M1 ingestion csv mapping 'm'").getPrimaryResults();
    one.next();
    assertThat(one.getString("Mapping")).isEqualTo("[{\"Column\":\"a\",\"Ordinal\":0}]");

    client.executeMgmt(StorageTestEndpoint.DB, ".drop table M1 ingestion csv mapping 'm'");
    assertThat(names(".show table M1 ingestion mappings")).containsExactly("j");
    assertThatThrownBy(() -> client.executeMgmt(StorageTestEndpoint.DB, ".drop table M1 ingestion csv mapping 'm'"))
        .hasMessageContaining("'m'");
    assertThatThrownBy(() -> client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 ingestion csv mapping 'bad' 'not json'"))
        .hasMessageContaining("not valid JSON");

    client.executeMgmt(StorageTestEndpoint.DB, ".drop table M1");
    client.executeMgmt(StorageTestEndpoint.DB, ".create table M1 (a:int, b:string)");
    assertThat(names(".show table M1 ingestion mappings")).as("a dropped table's mappings go with it").isEmpty();
  }

  private static List<String> names(String command) throws Exception {
    KustoResultSetTable table = client.executeMgmt(StorageTestEndpoint.DB, command).getPrimaryResults();
    List<String> names = new ArrayList<>();
    while (table.next()) {
      names.add(table.getString("Name"));
    }
    return names;
  }
}
