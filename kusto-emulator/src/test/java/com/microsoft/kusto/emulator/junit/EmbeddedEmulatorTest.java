package com.microsoft.kusto.emulator.junit;

import static com.microsoft.kusto.emulator.EmulatorTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClient;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportLevel;
import com.microsoft.azure.kusto.ingest.IngestionProperties.IngestionReportMethod;
import com.microsoft.azure.kusto.ingest.ManagedStreamingIngestClient;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded API as the connector's tests use it: the extension's default configuration (strict mode, Azurite,
 * database "db"), a KustoEmulator parameter, and the SDK's three ingestion clients.
 */
@ExtendWith(KustoEmulatorExtension.class)
class EmbeddedEmulatorTest {
  private static ConnectionStringBuilder csb(KustoEmulator emulator) {
    return new ConnectionStringBuilder("Data Source=" + emulator.engineUrl() + ";Initial Catalog=db");
  }

  private static IngestionProperties csv(String table) {
    IngestionProperties props = new IngestionProperties(KustoEmulatorExtension.DEFAULT_DATABASE, table);
    props.setDataFormat(DataFormat.CSV);
    return props;
  }

  private static StreamSourceInfo data(String csv) {
    return new StreamSourceInfo(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  private static long count(Client client, String table) throws Exception {
    KustoResultSetTable t = client.executeQuery("db", table + " | count").getPrimaryResults();
    t.next();
    return t.getLong(0);
  }

  @Test
  void handsOutIngestionResourcesOnAzurite(KustoEmulator emulator) throws Exception {
    Client client = EmulatorTestSupport.client(emulator);
    KustoResultSetTable resources = client.executeMgmt("NetDefaultDb", ".show ingestion resources")
        .getPrimaryResults();
    assertThat(column(resources, "ResourceTypeName")).contains("TempStorage", "SecuredReadyForAggregationQueue",
        "IngestionsStatusTable");
    assertThat(emulator.blobEndpoint()).startsWith("http://127.0.0.1:");
    assertThat(emulator.storageAccountName()).isEqualTo("devstoreaccount1");
  }

  @Test
  void streamingAndManagedStreamingIngestionLandInTheTable(KustoEmulator emulator) throws Exception {
    Client client = EmulatorTestSupport.client(emulator);
    client.executeMgmt("db", ".create table Streamed (a:int, s:string)");
    client.executeMgmt("db", ".alter table Streamed policy streamingingestion enable");
    try (IngestClient streaming = IngestClientFactory.createStreamingIngestClient(csb(emulator));
        ManagedStreamingIngestClient managed = IngestClientFactory.createManagedStreamingIngestClient(csb(emulator))) {
      IngestionResult first = streaming.ingestFromStream(data("1,a\n2,b\n"), csv("Streamed"));
      assertThat(String.valueOf(first.getIngestionStatusCollection().get(0).getStatus())).isEqualTo("Succeeded");
      IngestionResult second = managed.ingestFromStream(data("3,c\n"), csv("Streamed"));
      assertThat(String.valueOf(second.getIngestionStatusCollection().get(0).getStatus())).isEqualTo("Succeeded");
    }
    assertThat(count(client, "Streamed")).isEqualTo(3);
    assertThat(column(client.executeMgmt("db", ".show table Streamed extents").getPrimaryResults(), "ExtentId"))
        .hasSize(2);
  }

  private static IngestionStatus awaitFinal(IngestionResult result) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    IngestionStatus status = result.getIngestionStatusCollection().get(0);
    while ("Pending".equals(String.valueOf(status.getStatus())) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      status = result.getIngestionStatusCollection().get(0);
    }
    return status;
  }

  private static String awaitOperation(Client client, String id, String notState) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      KustoResultSetTable op = client.executeMgmt("db", ".show operations " + id).getPrimaryResults();
      op.next();
      String state = op.getString("State");
      if (!state.equals(notState) || Instant.now().isAfter(deadline)) {
        return state + "|" + op.getString("Status");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void failsTheQueuedIngestionOfChosenBlobs(KustoEmulator emulator) throws Exception {
    Client client = EmulatorTestSupport.client(emulator);
    client.executeMgmt("db", ".create table Faulty (a:int)");
    emulator.faults().failIngestionOfBlobs(name -> name.contains("Faulty"));
    try (QueuedIngestClient queued = IngestClientFactory.createClient(csb(emulator))) {
      IngestionProperties props = csv("Faulty");
      props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
      props.setReportMethod(IngestionReportMethod.TABLE);
      assertThat(String.valueOf(awaitFinal(queued.ingestFromStream(data("1\n"), props)).getStatus()))
          .isEqualTo("Failed");
    } finally {
      emulator.faults().clear();
    }
    assertThat(count(client, "Faulty")).isZero();
  }

  @Test
  void stallsAndFailsExportsOnRequest(KustoEmulator emulator) throws Exception {
    Client client = EmulatorTestSupport.client(emulator);
    client.executeMgmt("db", ".create table Exp (a:int)");
    client.executeMgmt("db", ".ingest inline into table Exp <|\n1\n2");
    KustoResultSetTable containers = client.executeMgmt("db", ".show export containers").getPrimaryResults();
    containers.next();
    String container = containers.getString("StorageRoot");
    String export = ".export async to csv (h@\"" + container + "\") <| Exp";
    try {
      emulator.faults().stallExports(Duration.ofSeconds(1));
      KustoResultSetTable started = client.executeMgmt("db", export).getPrimaryResults();
      started.next();
      String id = started.getString(0);
      KustoResultSetTable op = client.executeMgmt("db", ".show operations " + id).getPrimaryResults();
      op.next();
      assertThat(op.getString("State")).isEqualTo("InProgress");
      assertThat(awaitOperation(client, id, "InProgress")).startsWith("Completed");

      emulator.faults().stallExports(Duration.ZERO).failExports("injected export failure");
      KustoResultSetTable failing = client.executeMgmt("db", export).getPrimaryResults();
      failing.next();
      assertThat(awaitOperation(client, failing.getString(0), "InProgress"))
          .isEqualTo("Failed|injected export failure");
    } finally {
      emulator.faults().clear();
    }
  }

  /** Ports seen by the nested classes: they must all share the outer class's one emulator. */
  private static final java.util.Set<Integer> NESTED_PORTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.junit.jupiter.api.Nested
  class FirstNested {
    @Test
    void sharesTheOuterEmulator(KustoEmulator emulator) throws Exception {
      NESTED_PORTS.add(emulator.port());
      assertThat(NESTED_PORTS).hasSize(1);
      assertThat(EmulatorTestSupport.client(emulator).executeMgmt("db", ".show version").getPrimaryResults().next())
          .isTrue();
    }
  }

  @org.junit.jupiter.api.Nested
  class SecondNested {
    @Test
    void sharesTheOuterEmulatorToo(KustoEmulator emulator) throws Exception {
      NESTED_PORTS.add(emulator.port());
      assertThat(NESTED_PORTS).hasSize(1);
      assertThat(EmulatorTestSupport.client(emulator).executeMgmt("db", ".show version").getPrimaryResults().next())
          .isTrue();
    }
  }

  @Test
  void queuedIngestionReportsSuccessInTheStatusTable(KustoEmulator emulator) throws Exception {
    Client client = EmulatorTestSupport.client(emulator);
    client.executeMgmt("db", ".create table Queued (a:int, s:string)");
    try (QueuedIngestClient queued = IngestClientFactory.createClient(csb(emulator))) {
      IngestionProperties props = csv("Queued");
      props.setReportLevel(IngestionReportLevel.FAILURES_AND_SUCCESSES);
      props.setReportMethod(IngestionReportMethod.TABLE);
      props.setFlushImmediately(true);
      IngestionResult result = queued.ingestFromStream(data("1,x\n2,y\n3,z\n"), props);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      IngestionStatus status = result.getIngestionStatusCollection().get(0);
      while ("Pending".equals(String.valueOf(status.getStatus())) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
        status = result.getIngestionStatusCollection().get(0);
      }
      assertThat(String.valueOf(status.getStatus())).isEqualTo("Succeeded");
    }
    assertThat(count(client, "Queued")).isEqualTo(3);
  }
}
