package com.microsoft.kusto.emulator.store;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .create database D persist} keeps tables, extents and policies on local disk across restarts. */
class PersistentDatabaseTest {
  @TempDir Path dataDir;

  private KustoEmulator start() {
    return KustoEmulator.builder().strictMode(true).storage(false).persistenceDir(dataDir).database("scratch").start();
  }

  @Test
  void persistentDatabaseSurvivesARestartAndVolatileOnesDoNot() throws Exception {
    String firstExtent;
    try (KustoEmulator emulator = start()) {
      Client client = EmulatorTestSupport.client(emulator);
      client.executeMgmt("scratch", ".create database Kept persist (@'local')");
      client.executeMgmt("Kept", ".create table T (a:int, s:string)");
      client.executeMgmt("Kept", ".alter table T policy merge @'{\"AllowMerge\":\"false\"}'");
      KustoResultSetTable ingested = client.executeMgmt("Kept",
          ".ingest inline into table T with (tags='[\"ingest-by:one\"]') <|\n1,a\n2,b").getPrimaryResults();
      ingested.next();
      firstExtent = ingested.getString("ExtentId");
      client.executeMgmt("scratch", ".create table Gone (a:int)");
    }

    try (KustoEmulator emulator = start()) {
      Client client = EmulatorTestSupport.client(emulator);
      KustoResultSetTable databases = client.executeMgmt("scratch", ".show databases").getPrimaryResults();
      assertThat(column(databases, "DatabaseName")).contains("Kept", "scratch");
      KustoResultSetTable extents = client.executeMgmt("Kept", ".show table T extents").getPrimaryResults();
      extents.next();
      assertThat(extents.getString("ExtentId")).isEqualTo(firstExtent);
      assertThat(extents.getString("Tags")).isEqualTo("ingest-by:one");
      assertThat(extents.getLong("RowCount")).isEqualTo(2);
      KustoResultSetTable policy = client.executeMgmt("Kept", ".show table T policy merge").getPrimaryResults();
      policy.next();
      assertThat(policy.getString("Policy")).contains("AllowMerge");
      assertThat(column(client.executeQuery("Kept", "T | where a == 2 | project s").getPrimaryResults(), "s"))
          .containsExactly("b");
      // New tables and extents next to the reloaded ones.
      client.executeMgmt("Kept", ".create table U (a:int)");
      client.executeMgmt("Kept", ".ingest inline into table T <|\n3,c");
      assertThat(column(client.executeMgmt("Kept", ".show table T extents").getPrimaryResults(), "ExtentId"))
          .hasSize(2).first().isEqualTo(firstExtent);
      assertThat(column(client.executeMgmt("scratch", ".show tables").getPrimaryResults(), "TableName"))
          .doesNotContain("Gone");

      client.executeMgmt("scratch", ".drop database Kept");
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".kustodb"))).isEmpty();
    }
  }

  @Test
  void persistNeedsADataDirectory() throws Exception {
    try (KustoEmulator emulator = KustoEmulator.builder().storage(false).database("db").start()) {
      Client client = EmulatorTestSupport.client(emulator);
      assertThatThrownBy(() -> client.executeMgmt("db", ".create database P persist (@'x')"))
          .isInstanceOf(DataServiceException.class).hasMessageContaining("persistence")
          .hasMessageContaining("volatile");
    }
  }
}
