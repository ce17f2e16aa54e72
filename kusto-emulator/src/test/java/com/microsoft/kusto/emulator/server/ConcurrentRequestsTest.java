package com.microsoft.kusto.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.emulator.EmulatorTestSupport;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.junit.KustoEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many SDK clients at once: ingestion, DDL and queries share one DuckDB instance safely. */
class ConcurrentRequestsTest {
  @RegisterExtension
  static final KustoEmulatorExtension KUSTO =
      new KustoEmulatorExtension(() -> KustoEmulator.builder().storage(false).database("db"));

  @Test
  void parallelIngestionsQueriesAndMovesKeepEveryRow() throws Exception {
    Client client = EmulatorTestSupport.client(KUSTO.emulator());
    client.executeMgmt("db", ".create table Target (worker:int, n:int)");
    int workers = 6;
    int batches = 5;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        done.add(pool.submit(() -> {
          String staging = "Staging" + worker;
          client.executeMgmt("db", ".create table " + staging + " (worker:int, n:int)");
          for (int b = 0; b < batches; b++) {
            client.executeMgmt("db", ".ingest inline into table " + staging + " <|\n" + worker + "," + b + "\n"
                + worker + "," + (b + 100));
            client.executeQuery("db", "Target | count");
          }
          client.executeMgmt("db", ".move extents all from table " + staging + " to table Target");
          client.executeMgmt("db", ".drop table " + staging);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    KustoResultSetTable count = client.executeQuery("db", "Target | count").getPrimaryResults();
    count.next();
    assertThat(count.getLong(0)).isEqualTo((long) workers * batches * 2);
    KustoResultSetTable extents = client.executeMgmt("db", ".show table Target extents | count").getPrimaryResults();
    extents.next();
    assertThat(extents.getLong(0)).isEqualTo((long) workers * batches);
  }
}
