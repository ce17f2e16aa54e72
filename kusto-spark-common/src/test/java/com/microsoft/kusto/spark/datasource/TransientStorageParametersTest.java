package com.microsoft.kusto.spark.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TransientStorageParametersTest {
  private static final String SAS = "https://acc.blob.core.windows.net/exports?sv=2021-08-06&sp=rwdl&sig=SIGSECRET";

  @Test
  void parsesSasUrlCredentials() {
    TransientStorageCredentials c = new TransientStorageCredentials(SAS);
    assertThat(c.getStorageAccountName()).isEqualTo("acc");
    assertThat(c.getBlobContainer()).isEqualTo("exports");
    assertThat(c.getSasKey()).isEqualTo("?sv=2021-08-06&sp=rwdl&sig=SIGSECRET");
    assertThat(c.isSasKeyDefined()).isTrue();
    assertThat(c.getBlobEndpoint()).isEqualTo("https://acc.blob.core.windows.net");
    assertThat(c.getStorageAccountKey()).isNull();
  }

  @Test
  void understandsEmulatorUrls() {
    TransientStorageCredentials azurite =
        new TransientStorageCredentials("http://127.0.0.1:10000/devstoreaccount1/exports?sv=1&sig=x");
    assertThat(azurite.getStorageAccountName()).isEqualTo("devstoreaccount1");
    assertThat(azurite.getBlobContainer()).isEqualTo("exports");
    assertThat(azurite.getBlobEndpoint()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
  }

  @Test
  void roundTripsThroughTheInsecureJsonWithCaseInsensitivePropertyNames() {
    TransientStorageParameters parameters = new TransientStorageParameters(Arrays.asList(
        new TransientStorageCredentials(SAS), new TransientStorageCredentials("acc2", "S0VZ", "c2")),
        "core.usgovcloudapi.net");
    assertThat(TransientStorageParameters.fromString(parameters.toInsecureString())).isEqualTo(parameters);
    TransientStorageParameters parsed = TransientStorageParameters.fromString(
        "{\"STORAGECREDENTIALS\":[{\"storageaccountname\":\"a\",\"StorageAccountKey\":\"k\",\"blobcontainer\":\"c\"}]}");
    assertThat(parsed.getStorageCredentials()).containsExactly(new TransientStorageCredentials("a", "k", "c"));
    assertThat(parsed.getEndpointSuffix()).isEqualTo("core.windows.net");
  }

  @Test
  void toStringIsSafeAndCannotBeMistakenForTheOptionValue() {
    TransientStorageParameters parameters = new TransientStorageParameters(
        new TransientStorageCredentials(SAS), new TransientStorageCredentials("acc2", "KEYSECRET", "c2"));
    assertThat(parameters.toString()).isEqualTo("TransientStorageParameters{storageCredentials=["
        + "TransientStorageCredentials{storageAccountName=acc, blobContainer=exports, isSasKeyDefined=true}, "
        + "TransientStorageCredentials{storageAccountName=acc2, blobContainer=c2, isSasKeyDefined=false}], "
        + "endpointSuffix=core.windows.net}");
    assertThat(parameters.toInsecureString()).contains("SIGSECRET").contains("KEYSECRET");
  }

  @Test
  void rejectsBadJsonWithoutQuotingIt() {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{\"sasUrl\":SECRET"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': it is not valid JSON (line 1, column ")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[]}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': 'storageCredentials' must be a non-empty "
            + "array. Expected {\"storageCredentials\":");
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{\"sasUrl\":\"x\"}],"
        + "\"endpoint\":\"y\"}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': unknown property [endpoint]; allowed "
            + "properties are storageCredentials, endpointSuffix.");
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{\"storageAccountName\":"
        + "\"a\",\"storageAccountKey\":\"k\"}]}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': a credential without 'sasUrl' needs "
            + "'blobContainer'.");
  }

  @Test
  void rejectsUnusableSasUrlsWithTheSignatureMasked() {
    assertThatThrownBy(() -> new TransientStorageCredentials("http://acc.blob.core.windows.net/c?sig=SIGSECRET"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': the SAS URL "
            + "[http://acc.blob.core.windows.net/c?sig=****] is not usable: it must be an https URL (http only for "
            + "loopback hosts).")
        .hasMessageNotContaining("SIGSECRET");
    assertThatThrownBy(() -> new TransientStorageCredentials("https://acc.blob.core.windows.net/c?sv=1"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': the SAS URL "
            + "[https://acc.blob.core.windows.net/c?sv=1] is not usable: it has no SAS token (no 'sig=' parameter).");
    assertThatThrownBy(() -> new TransientStorageCredentials("https://acc.blob.core.windows.net/?sig=SIGSECRET"))
        .hasMessageContaining("it must look like https://<account>.blob.<suffix>/<container>?<sas>")
        .hasMessageNotContaining("SIGSECRET");
  }
}
