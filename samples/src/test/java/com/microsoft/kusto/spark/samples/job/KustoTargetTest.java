package com.microsoft.kusto.spark.samples.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KustoTargetTest {
  @Test
  void noClusterAnywhereMeansTheLocalEndpoint() {
    assertThat(KustoTarget.fromArguments(new String[0], Map.of("KUSTO_DATABASE", "db"))).isNull();
  }

  @Test
  void environmentNamesClusterAndApplicationCredentials() {
    KustoTarget target = KustoTarget.fromArguments(new String[0], Map.of(
        "KUSTO_CLUSTER", "https://c.westeurope.kusto.windows.net", "KUSTO_DATABASE", "sales",
        "KUSTO_AAD_APP_ID", "app-1", "KUSTO_AAD_APP_SECRET", "s3cr3t-value", "KUSTO_AAD_AUTHORITY_ID", "tenant-1"));

    assertThat(target.options("kustoTable", "T")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kustoCluster", "https://c.westeurope.kusto.windows.net", "kustoDatabase", "sales",
        "kustoAadAppId", "app-1", "kustoAadAppSecret", "s3cr3t-value", "kustoAadAuthorityID", "tenant-1",
        "kustoTable", "T"));
  }

  @Test
  void argumentsWinOverTheEnvironmentAndPassAnyConnectorOption() {
    KustoTarget target = KustoTarget.fromArguments(
        new String[] {"kustoDatabase=other", "readMode=ForceDistributedMode"},
        Map.of("KUSTO_CLUSTER", "https://c.kusto.windows.net", "KUSTO_DATABASE", "sales"));

    assertThat(target.database()).isEqualTo("other");
    assertThat(target.options()).containsEntry("readMode", "ForceDistributedMode");
  }

  @Test
  void toStringNamesCredentialsButNeverTheirSecrets() {
    KustoTarget target = KustoTarget.fromArguments(new String[] {"kustoCluster=https://c.kusto.windows.net",
        "kustoDatabase=db", "kustoAadAppId=app-1", "kustoAadAppSecret=s3cr3t-value", "accessToken=tok-value"},
        Map.of());

    assertThat(target.toString()).contains("https://c.kusto.windows.net", "database db", "kustoAadAppId=app-1",
        "kustoAadAppSecret=***", "accessToken=***").doesNotContain("s3cr3t-value", "tok-value");
  }

  @Test
  void aClusterWithoutDatabaseIsRefusedNamingTheFix() {
    assertThatThrownBy(() -> KustoTarget.fromArguments(new String[] {"kustoCluster=https://c.kusto.windows.net"},
        Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[https://c.kusto.windows.net]").hasMessageContaining("kustoDatabase=<db>")
        .hasMessageContaining("KUSTO_DATABASE");
  }

  @Test
  void anArgumentThatIsNotAnOptionIsRefusedWithoutEchoingItWhole() {
    assertThatThrownBy(() -> KustoTarget.fromArguments(new String[] {"mysecretvalue"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option=value")
        .hasMessageContaining("[myse...]").hasMessageNotContaining("mysecretvalue");
  }

  /** The job jar runs on Spark 2.4 clusters, which run Java 8: its classes must be Java 8 class files. */
  @ParameterizedTest
  @ValueSource(strings = {"KustoTarget.class", "RoundTripJob.class"})
  void jobClassesAreJava8ClassFiles(String classFile) throws IOException {
    try (InputStream in = KustoTarget.class.getResourceAsStream(classFile)) {
      DataInputStream data = new DataInputStream(in);
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort();
      assertThat(data.readUnsignedShort()).as("class file major version of %s", classFile).isEqualTo(52);
    }
  }
}
