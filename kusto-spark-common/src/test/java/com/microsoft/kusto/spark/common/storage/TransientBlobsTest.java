package com.microsoft.kusto.spark.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.kusto.emulator.storage.AzuriteProcess;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import com.microsoft.kusto.spark.utils.KustoBlobStorageUtils;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against Azurite, the real Azure Storage emulator. */
class TransientBlobsTest {
  private static AzuriteProcess azurite;

  @BeforeAll
  static void startAzurite() {
    azurite = AzuriteProcess.start();
  }

  @AfterAll
  static void stopAzurite() {
    azurite.close();
  }

  private static BlobContainerClient newContainer() {
    String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    BlobContainerClient container =
        new BlobServiceClientBuilder()
            .endpoint(azurite.blobEndpoint())
            .credential(new StorageSharedKeyCredential(azurite.accountName(), azurite.accountKey()))
            .buildClient()
            .createBlobContainer(name);
    for (String blob : new String[] {"dir1/part-0.parquet", "dir1/part-1.parquet", "dir10/x.parquet", "keep/a.csv"}) {
      container.getBlobClient(blob).upload(BinaryData.fromString("data of " + blob));
    }
    return container;
  }

  private static String sasUrl(BlobContainerClient container) {
    String sas =
        container.generateSas(
            new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setListPermission(true).setDeletePermission(true)));
    return container.getBlobContainerUrl() + "?" + sas;
  }

  private static ContainerAccess keyAccess(BlobContainerClient container) {
    return ContainerAccess.withAccountKey(
        azurite.blobEndpoint(), azurite.accountName(), container.getBlobContainerName(), azurite.accountKey());
  }

  @Test
  void listsBlobsUnderAPrefixWithTheirSizes() {
    BlobContainerClient container = newContainer();
    assertThat(TransientBlobs.list(keyAccess(container), "dir1/"))
        .containsExactly(
            new StoredBlob("dir1/part-0.parquet", "data of dir1/part-0.parquet".length()),
            new StoredBlob("dir1/part-1.parquet", "data of dir1/part-1.parquet".length()));
  }

  @Test
  void sasUrlFromTransientStorageOpensTheContainer() {
    BlobContainerClient container = newContainer();
    ContainerAccess access = ContainerAccess.of(new TransientStorageCredentials(sasUrl(container)), null);
    assertThat(access.usesSas()).isTrue();
    assertThat(TransientBlobs.list(access, "keep/")).extracting(StoredBlob::name).containsExactly("keep/a.csv");
  }

  @Test
  void deletesOnlyTheDirectoryAndIsSafeToRepeat() {
    BlobContainerClient container = newContainer();
    String sasUrl = sasUrl(container);
    assertThat(KustoBlobStorageUtils.deleteFromBlob("dir1/", sasUrl)).isEqualTo(2);
    assertThat(KustoBlobStorageUtils.deleteFromBlob("dir1/", sasUrl)).isZero();
    assertThat(container.listBlobs().stream().map(b -> b.getName()).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("dir10/x.parquet", "keep/a.csv");
  }

  @Test
  void refusesToEmptyAWholeContainer() {
    BlobContainerClient container = newContainer();
    assertThatThrownBy(() -> TransientBlobs.deleteAll(keyAccess(container), ""))
        .hasMessageContaining("Refusing to delete a whole container");
    assertThat(container.listBlobs().stream().count()).isEqualTo(4);
  }

  @Test
  void credentialsNeverShowInToStringButAreInTheKustoUrl() {
    BlobContainerClient container = newContainer();
    String sasUrl = sasUrl(container);
    String signature = sasUrl.replaceAll(".*sig=([^&]+).*", "$1");
    ContainerAccess sas = ContainerAccess.of(new TransientStorageCredentials(sasUrl), null);
    ContainerAccess key = keyAccess(container);
    assertThat(sas.toString()).doesNotContain(signature).contains(container.getBlobContainerName());
    assertThat(key.toString()).doesNotContain(azurite.accountKey());
    assertThat(sas.secretUrlForKusto()).contains(signature).startsWith(sas.containerUrl() + "?");
    assertThat(key.secretUrlForKusto()).isEqualTo(key.containerUrl() + ";" + azurite.accountKey());
  }

  @Test
  void impersonationCannotBeReadBackFromSpark() {
    assertThatThrownBy(
            () ->
                ContainerAccess.of(
                    new TransientStorageCredentials("https://acc.blob.core.windows.net/c;impersonate"), null))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("';impersonate' SAS URL")
        .hasMessageContaining("'transientStorage'");
  }
}
