package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.options.KustoOptionsMap;
import com.microsoft.kusto.spark.common.options.OptionScope;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteClientsCacheTest {
  private static ConnectionConfig withToken(String token) {
    return ConnectionConfig.from(KustoOptionsMap.of(of("kustoCluster", "https://rotating.westeurope.kusto.windows.net",
        "kustoDatabase", "db", "accessToken", token), OptionScope.WRITE));
  }

  @Test
  void aTokenRotated100TimesKeepsTheClientCacheBounded() {
    Set<WriteClients> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(WriteClients.of(withToken("token-" + i)));
      assertThat(WriteClients.cached()).isLessThanOrEqualTo(WriteClients.CAPACITY);
    }
    assertThat(seen).as("each token has its own clients").hasSize(100);
    assertThat(WriteClients.of(withToken("token-99"))).as("the current token's clients are reused")
        .isSameAs(WriteClients.of(withToken("token-99")));
  }
}
