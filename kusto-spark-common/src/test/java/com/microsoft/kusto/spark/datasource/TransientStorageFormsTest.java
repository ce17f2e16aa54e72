package com.microsoft.kusto.spark.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code transientStorage} credential form the established connector accepts: accepted when the connector
 * can read the export back, refused with {@code KSC-0013} when it cannot.
 */
class TransientStorageFormsTest {
  private static final String TOKEN = "sv=2021-08-06&sp=rwdl&sig=SIGSECRET";

  @Test
  void accountContainerAndSasKeyBuildTheContainerUrlFromParts() {
    TransientStorageParameters parameters = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\",\"sasKey\":\"?" + TOKEN + "\"}],"
        + "\"endpointSuffix\":\"core.usgovcloudapi.net\"}");
    TransientStorageCredentials c = parameters.getStorageCredentials().get(0);
    assertThat(c.getSasKey()).isEqualTo("?" + TOKEN);
    assertThat(c.getStorageAccountKey()).isNull();
    assertThat(c.containerUrl(parameters.getEndpointSuffix()))
        .isEqualTo("https://acc.blob.core.usgovcloudapi.net/exports");
    ContainerAccess access = ContainerAccess.of(c, parameters.getEndpointSuffix());
    assertThat(access.containerUrl()).isEqualTo("https://acc.blob.core.usgovcloudapi.net/exports");
    assertThat(access.secretUrlForKusto()).isEqualTo("https://acc.blob.core.usgovcloudapi.net/exports?" + TOKEN);
    assertThat(parameters.toString()).doesNotContain("SIGSECRET").contains("isSasKeyDefined=true");
    assertThat(TransientStorageParameters.fromString(parameters.toInsecureString())).isEqualTo(parameters);
  }

  @Test
  void sasKeyWithoutLeadingQuestionMarkIsTheSameToken() {
    TransientStorageCredentials c = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\",\"sasKey\":\"" + TOKEN + "\"}]}")
        .getStorageCredentials().get(0);
    assertThat(c).isEqualTo(TransientStorageCredentials.withSasKey("acc", "exports", "?" + TOKEN));
    assertThat(c.containerUrl(null)).isEqualTo("https://acc.blob.core.windows.net/exports");
  }

  @Test
  void documentedFormWithSasUrlWithoutTokenAndSasKey() {
    TransientStorageCredentials c = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\","
        + "\"sasUrl\":\"https://acc.blob.core.windows.net/exports\",\"sasKey\":\"?" + TOKEN + "\"}],"
        + "\"endpointSuffix\":\"core.windows.net\"}").getStorageCredentials().get(0);
    assertThat(c.getSasKey()).isEqualTo("?" + TOKEN);
    assertThat(c.getSasUrl()).isEqualTo("https://acc.blob.core.windows.net/exports?" + TOKEN);
    assertThat(ContainerAccess.of(c, null).secretUrlForKusto())
        .isEqualTo("https://acc.blob.core.windows.net/exports?" + TOKEN);
  }

  @Test
  void establishedInsecureStringWithNullPropertiesAndZoneAccount() {
    // What the established connector's toInsecureString writes for a SAS URL credential on a DNS-zone endpoint.
    String url = "https://acc.z13.blob.storage.azure.net/exports?" + TOKEN;
    TransientStorageParameters parameters = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"blobContainer\":\"exports\",\"storageAccountName\":\"acc.z13\",\"storageAccountKey\":null,"
        + "\"sasKey\":\"?" + TOKEN + "\",\"sasUrl\":\"" + url + "\",\"domainSuffix\":\"storage.azure.net\","
        + "\"oneLakeUrl\":null}],\"endpointSuffix\":\"storage.azure.net\"}");
    TransientStorageCredentials c = parameters.getStorageCredentials().get(0);
    assertThat(c.getSasUrl()).isEqualTo(url);
    assertThat(c.containerUrl(parameters.getEndpointSuffix()))
        .isEqualTo("https://acc.z13.blob.storage.azure.net/exports");
  }

  @Test
  void accountKeyWithItsOwnDomainSuffix() {
    TransientStorageParameters parameters = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"storageAccountKey\":\"S0VZ\",\"blobContainer\":\"c\","
        + "\"domainSuffix\":\"core.chinacloudapi.cn\"}]}");
    TransientStorageCredentials c = parameters.getStorageCredentials().get(0);
    assertThat(ContainerAccess.of(c, parameters.getEndpointSuffix()).containerUrl())
        .isEqualTo("https://acc.blob.core.chinacloudapi.cn/c");
    assertThat(TransientStorageParameters.fromString(parameters.toInsecureString())).isEqualTo(parameters);
  }

  @Test
  void accountKeyWithTopLevelEndpointSuffix() {
    TransientStorageParameters parameters = TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"storageAccountKey\":\"S0VZ\",\"blobContainer\":\"c\"}],"
        + "\"endpointSuffix\":\"core.usgovcloudapi.net\"}");
    assertThat(ContainerAccess.of(parameters.getStorageCredentials().get(0), parameters.getEndpointSuffix())
        .containerUrl()).isEqualTo("https://acc.blob.core.usgovcloudapi.net/c");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"sasUrl\":\"https://acc.blob.core.windows.net/exports;impersonate\"}",
      "{\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\","
          + "\"sasUrl\":\"https://acc.blob.core.windows.net/exports;impersonate\"}",
      "{\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\",\"sasKey\":\";impersonate\","
          + "\"sasUrl\":\"https://acc.blob.core.windows.net/exports;impersonate\",\"storageAccountKey\":null}",
      "{\"storageAccountName\":\"acc\",\"blobContainer\":\"exports\",\"sasKey\":\";IMPERSONATE\"}"})
  void impersonationIsRefusedAsUnsupported(String credential) {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[" + credential + "]}"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
          assertThat(e.getOptionKeys()).containsExactly("transientStorage");
        })
        .hasMessage("Cannot use an ';impersonate' SAS URL or sasKey in option 'transientStorage': Kusto would "
            + "write the export with the caller's identity, but the connector reads the exported blobs with the "
            + "Azure Storage SDK using a SAS or an account key and has no caller identity to read them with. Give a "
            + "SAS with read, write, list and delete permissions ('sasUrl', or 'storageAccountName' + "
            + "'blobContainer' + 'sasKey') or an account key ('storageAccountKey'), or leave out 'transientStorage' "
            + "to use the containers Kusto provides.");
  }

  @Test
  void impersonationSasUrlIsRefusedWhenBuiltInCode() {
    assertThatThrownBy(() -> new TransientStorageCredentials("https://acc.blob.core.windows.net/exports;impersonate"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE));
    assertThatThrownBy(() -> new TransientStorageCredentials("https://acc.blob.core.windows.net/c;impersonate",
        "blobStorageSasUrl"))
        .hasMessageStartingWith("Cannot use an ';impersonate' SAS URL or sasKey in option 'blobStorageSasUrl':");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://onelake.dfs.fabric.microsoft.com/myws/mylake.Lakehouse/Files/exports",
      "abfss://myws@onelake.dfs.fabric.microsoft.com/mylake.Lakehouse/Files/exports;impersonate",
      "https://msit-westcentralus-api.onelake.fabric.microsoft.com/ws/lh/Ingestions/x"})
  void oneLakeIsRefusedAsUnsupported(String oneLakeUrl) {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{\"oneLakeUrl\":\""
        + oneLakeUrl + "\"}],\"endpointSuffix\":\"fabric.microsoft.com\"}"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
          assertThat(e.getOptionKeys()).containsExactly("transientStorage");
        })
        .hasMessageStartingWith("Cannot use a OneLake location ('oneLakeUrl') in option 'transientStorage': Kusto "
            + "exports to OneLake only with the caller's identity (';impersonate'), and the connector, which reads "
            + "the exported files with the Azure Storage SDK using a SAS or an account key, has no such identity. "
            + "Export to an Azure Storage blob container instead.");
  }

  @Test
  void sasUrlAndSasKeyWithDifferentTokensAreContradictory() {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"sasUrl\":\"https://acc.blob.core.windows.net/c?sv=1&sig=FIRSTSECRET\","
        + "\"sasKey\":\"?sv=1&sig=OTHERSECRET\"}]}"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': 'sasUrl' and 'sasKey' of container 'c' hold "
            + "different SAS tokens.")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void sasUrlNamingAnotherContainerThanTheFieldsIsContradictory() {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"other\",\"blobContainer\":\"c\","
        + "\"sasUrl\":\"https://acc.blob.core.windows.net/c?sv=1&sig=SIGSECRET\"}]}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': a credential's 'sasUrl' names container "
            + "'c' of account 'acc' but its 'storageAccountName' and 'blobContainer' name 'c' of 'other'.")
        .hasMessageNotContaining("SIGSECRET");
  }

  @Test
  void aCredentialWithoutAnySecretIsRefusedNamingTheShapes() {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"c\"}]}"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION))
        .hasMessage("Cannot parse option 'transientStorage': a credential has no 'sasUrl', 'sasKey' or "
            + "'storageAccountKey'. Expected " + TransientStorageParameters.SHAPE + ".");
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"blobContainer\":\"c\",\"sasKey\":\"?" + TOKEN + "\"}]}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': a credential with 'sasKey' needs "
            + "'storageAccountName'.")
        .hasMessageNotContaining("SIGSECRET");
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"c\",\"sasKey\":\"sv=1&sp=r&se=KEYSECRET\"}]}"))
        .hasMessageStartingWith("Cannot parse option 'transientStorage': 'sasKey' is not a SAS token (no 'sig=' "
            + "parameter).")
        .hasMessageNotContaining("KEYSECRET");
  }

  @Test
  void misspelledCredentialPropertyGetsTheNearestKnownOne() {
    assertThatThrownBy(() -> TransientStorageParameters.fromString("{\"storageCredentials\":[{"
        + "\"storageAccountName\":\"acc\",\"blobContainer\":\"c\",\"sasKy\":\"?" + TOKEN + "\"}]}"))
        .hasMessageContaining("unknown property [sasKy]")
        .hasMessageContaining("Did you mean 'sasKey'?")
        .hasMessageNotContaining("SIGSECRET");
  }
}
