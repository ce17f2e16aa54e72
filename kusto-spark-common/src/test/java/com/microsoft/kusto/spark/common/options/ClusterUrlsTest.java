package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClusterUrlsTest {
  @ParameterizedTest
  @CsvSource({
      "mycluster, https://mycluster.kusto.windows.net",
      "mycluster.westeurope, https://mycluster.westeurope.kusto.windows.net",
      "ingest-mycluster.westeurope, https://mycluster.westeurope.kusto.windows.net",
      "mycluster.westeurope.kusto.windows.net, https://mycluster.westeurope.kusto.windows.net",
      "https://mycluster.westeurope.kusto.windows.net/, https://mycluster.westeurope.kusto.windows.net",
      "HTTPS://ingest-mycluster.westeurope.kusto.windows.net, https://mycluster.westeurope.kusto.windows.net",
      "https://proxy.example.com:8443/kusto, https://proxy.example.com:8443/kusto",
      "http://127.0.0.1:8080, http://127.0.0.1:8080",
      "http://localhost:8080/, http://localhost:8080",
      "http://[::1]:8080, http://[::1]:8080",
  })
  void normalisesEngineUrls(String input, String expected) {
    assertThat(ClusterUrls.engineUrl(input)).isEqualTo(expected);
  }

  @Test
  void derivesIngestionUrl() {
    assertThat(ClusterUrls.ingestionUrl("https://mycluster.westeurope.kusto.windows.net", null))
        .isEqualTo("https://ingest-mycluster.westeurope.kusto.windows.net");
    assertThat(ClusterUrls.ingestionUrl("https://mycluster.kusto.windows.net", "https://dm.example.com/"))
        .isEqualTo("https://dm.example.com");
  }

  @Test
  void loopbackEndpointServesIngestionOnTheSameUrl() {
    assertThat(ClusterUrls.ingestionUrl("http://127.0.0.1:8080", null)).isEqualTo("http://127.0.0.1:8080");
    assertThat(ClusterUrls.ingestionUrl("http://localhost:9", null)).isEqualTo("http://localhost:9");
  }

  @Test
  void rejectsPlainHttpForRemoteHosts() {
    assertThatThrownBy(() -> ClusterUrls.engineUrl("http://mycluster.kusto.windows.net"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_CLUSTER_URL))
        .hasMessage("Cannot read option 'kustoCluster': the value [http://mycluster.kusto.windows.net] is not usable: "
            + "plain http is only allowed for loopback hosts (localhost, 127.x.x.x, ::1). Use a cluster alias such "
            + "as 'mycluster.westeurope' or a URL such as 'https://mycluster.westeurope.kusto.windows.net'.");
    assertThatThrownBy(() -> ClusterUrls.ingestionUrl("https://a.kusto.windows.net", "http://dm.example.com"))
        .hasMessageStartingWith("Cannot read option 'kustoIngestionUri': the value [http://dm.example.com] is not "
            + "usable: plain http is only allowed for loopback hosts");
  }

  @Test
  void rejectsOtherSchemesGarbageAndQueries() {
    assertThatThrownBy(() -> ClusterUrls.engineUrl("ftp://mycluster.kusto.windows.net"))
        .hasMessageContaining("the scheme must be https (or http for loopback hosts)");
    assertThatThrownBy(() -> ClusterUrls.engineUrl("my cluster"))
        .hasMessageContaining("the value [my cluster] is not usable: it is neither a cluster alias (name or "
            + "name.region) nor a URL");
    assertThatThrownBy(() -> ClusterUrls.engineUrl("https://mycluster.kusto.windows.net?sig=secret"))
        .hasMessageContaining("cannot contain user info, a query or a fragment")
        .hasMessageNotContaining("secret");
  }
}
