package com.microsoft.kusto.spark.common.write;

import static com.microsoft.kusto.spark.common.write.WriteEmulator.ID_NAME;
import static com.microsoft.kusto.spark.common.write.WriteEmulator.roundTrip;
import static com.microsoft.kusto.spark.common.write.WriteEmulator.writeRange;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.options.WriteConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactional writes end to end: staging table, blobs in Azurite, queued ingestion, status polling, move. */
class TransactionalWriteTest {
  private static WriteEmulator kusto;

  @BeforeAll
  static void start() {
    kusto = new WriteEmulator();
  }

  @AfterAll
  static void stop() {
    kusto.close();
  }

  @AfterEach
  void clearFaults() {
    kusto.emulator.faults().clear();
  }

  @Test
  void severalPartitionsEndInTheTargetAndNoTempTableRemains() {
    kusto.mgmt(".create table Multi (id:long, name:string)");
    WriteConfig config = kusto.config("Multi", "requestId", "req-multi");
    WritePlan plan = roundTrip(kusto.preparation().prepare(config, ID_NAME));
    assertThat(plan.tempTable()).startsWith("sparkTempTable_Multi_req_multi_");
    assertThat(kusto.tempTables()).containsExactly(plan.tempTable());

    List<PartitionResult> results = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      results.add(roundTrip(writeRange(plan, p, p * 1000L, (p + 1) * 1000L)));
    }
    assertThat(kusto.count("Multi")).isZero();
    kusto.commit().commit(plan, results);

    assertThat(kusto.count("Multi")).isEqualTo(3000);
    assertThat(kusto.column("Multi | summarize n = dcount(id) | extend n = tostring(n)", "n")).containsExactly("3000");
    assertThat(kusto.tempTables()).isEmpty();
  }
}
