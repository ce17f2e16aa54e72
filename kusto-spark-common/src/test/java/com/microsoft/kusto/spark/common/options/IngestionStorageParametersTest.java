package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionStorageParametersTest {
  @Test
  void roundTripsThroughTheOptionJson() {
    List<IngestionStorageParameters> containers = Arrays.asList(
        new IngestionStorageParameters("https://acc.blob.core.windows.net/", "c1", null, "?sv=1&sig=S"),
        new IngestionStorageParameters("http://127.0.0.1:10000/devstoreaccount1", "c2", "mi-client", null));
    String json = IngestionStorageParameters.toJsonString(containers);
    assertThat(json).isEqualTo("[{\"storageUrl\":\"https://acc.blob.core.windows.net\",\"containerName\":\"c1\","
        + "\"sas\":\"?sv=1&sig=S\"},{\"storageUrl\":\"http://127.0.0.1:10000/devstoreaccount1\",\"containerName\":"
        + "\"c2\",\"userMsi\":\"mi-client\"}]");
    assertThat(IngestionStorageParameters.fromJsonString(json)).isEqualTo(containers);
    assertThat(IngestionStorageParameters.fromJsonString("[{\"STORAGEURL\":\"https://a.blob.core.windows.net\","
        + "\"containername\":\"c\"}]").get(0).getContainerName()).isEqualTo("c");
  }

  @Test
  void toStringHidesTheSas() {
    assertThat(new IngestionStorageParameters("https://acc.blob.core.windows.net", "c", null, "?sig=S").toString())
        .isEqualTo("IngestionStorageParameters{storageUrl=https://acc.blob.core.windows.net, containerName=c, "
            + "userMsi=null, isSasDefined=true}");
  }

  @Test
  void rejectsIncompleteEntriesAndSasInTheUrl() {
    assertThatThrownBy(() -> IngestionStorageParameters.fromJsonString("[{\"storageUrl\":\"https://a\"}]"))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': each entry needs 'storageUrl' "
            + "and 'containerName'.");
    assertThatThrownBy(() -> new IngestionStorageParameters("https://a.blob.core.windows.net?sig=S", "c", null, null))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': 'storageUrl' must not contain "
            + "a query; put the SAS token in 'sas'.");
    assertThatThrownBy(() -> IngestionStorageParameters.fromJsonString("[{\"storageUrl\":\"https://a\","
        + "\"containerName\":\"c\",\"key\":\"k\"}]"))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': unknown property [key]; allowed "
            + "properties are storageUrl, containerName, userMsi, sas.");
  }

  @Test
  void acceptsTheEstablishedConnectorsToJsonStringWithEveryField() {
    // The established IngestionStorageParameters.toJsonString writes all four fields, unset ones empty or null.
    List<IngestionStorageParameters> parsed = IngestionStorageParameters.fromJsonString("[{\"storageUrl\":"
        + "\"https://acc.blob.core.windows.net\",\"containerName\":\"c\",\"userMsi\":\"\",\"sas\":\"?sig=S\"},"
        + "{\"storageUrl\":\"https://acc2.blob.core.windows.net\",\"containerName\":\"c2\",\"userMsi\":\"mi\","
        + "\"sas\":null}]");
    assertThat(parsed).containsExactly(
        new IngestionStorageParameters("https://acc.blob.core.windows.net", "c", null, "?sig=S"),
        new IngestionStorageParameters("https://acc2.blob.core.windows.net", "c2", "mi", null));
  }

  @Test
  void unknownPropertyIsRejectedWithTheNearestKnownOne() {
    assertThatThrownBy(() -> IngestionStorageParameters.fromJsonString("[{\"storageUrl\":"
        + "\"https://acc.blob.core.windows.net\",\"container\":\"c\"}]"))
        .hasMessageStartingWith("Cannot parse option 'kustoIngestionStorageContainer': unknown property [container]; "
            + "allowed properties are storageUrl, containerName, userMsi, sas. Did you mean 'containerName'?");
  }
}
