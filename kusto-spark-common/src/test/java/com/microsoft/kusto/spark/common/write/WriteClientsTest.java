package com.microsoft.kusto.spark.common.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.util.TestOptions;
import org.junit.jupiter.api.Test;

class WriteClientsTest {
  private static ConnectionConfig connection(String... options) {
    return WriteConfig.from(TestOptions.with(TestOptions.remoteWrite(), options)).getConnection();
  }

  @Test
  void writesWithTheirOwnRequestIdsShareOneSetOfClients() {
    ConnectionConfig first = connection("requestId", "write-1");
    ConnectionConfig second = connection("requestId", "write-2");
    WriteClients clients = WriteClients.of(first);
    assertThat(WriteClients.of(second)).isSameAs(clients);
    assertThat(clients.runner(second).clientRequestId("move extents", 1)).isEqualTo("write-2;move-extents;1");
    assertThat(clients.runner(first).clientRequestId("move extents", 1)).isEqualTo("write-1;move-extents;1");
  }

  @Test
  void anotherDatabaseOrCredentialGetsOtherClients() {
    WriteClients clients = WriteClients.of(connection());
    assertThat(WriteClients.of(connection("kustoDatabase", "other"))).isNotSameAs(clients);
    assertThat(WriteClients.of(connection("kustoAadAppSecret", "another-secret"))).isNotSameAs(clients);
  }
}
