package com.microsoft.kusto.spark.common.client;

import static com.microsoft.kusto.spark.common.client.EmulatorRequests.inSeconds;
import static com.microsoft.kusto.spark.common.client.EmulatorRequests.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.faults.RequestKind;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Through the official SDK against the local emulator in strict mode (Microsoft's KQL parser checks every text). */
class KustoRequestRunnerTest {
  private static KustoEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = KustoEmulator.builder().strictMode(true).storage(false).database("db").start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void clearFaults() {
    emulator.faults().clear();
  }

  @Test
  void runsQueriesAndCommands() {
    KustoRequestRunner runner = runner(emulator, "db", null, 1);
    runner.command("create table", ".create table Numbers (n:long)", inSeconds(30));
    runner.command("ingest", ".ingest inline into table Numbers <|\n1\n2\n3", inSeconds(30));
    KustoResultSetTable result = runner.query("count", "Numbers | count", inSeconds(30)).getPrimaryResults();
    assertThat(result.next()).isTrue();
    assertThat(result.getLong(0)).isEqualTo(3L);
  }

  @Test
  void userClientRequestPropertiesReachEveryRequest() {
    ClientRequestProperties properties = new ClientRequestProperties();
    properties.setParameter("n", 42);
    KustoRequestRunner runner = runner(emulator, "db", properties.toString(), 1);
    KustoResultSetTable result =
        runner.query("parameterized", "declare query_parameters(n:int);\nprint v = n + 1", inSeconds(30))
            .getPrimaryResults();
    assertThat(result.next()).isTrue();
    assertThat(result.getInt(0)).isEqualTo(43);
  }

  @Test
  void throttlingIsRetried() {
    emulator.faults().failNext(RequestKind.QUERY, 2, 429);
    KustoResultSetTable result =
        runner(emulator, "db", null, 3).query("print", "print x = 1", inSeconds(30)).getPrimaryResults();
    assertThat(result.next()).isTrue();
  }

  @Test
  void persistentThrottlingFailsSayingItWasThrottledHowOftenAndWhatToChange() {
    emulator.faults().failNext(RequestKind.QUERY, 5, 429);
    assertThatThrownBy(() -> runner(emulator, "db", null, 3).query("read schema", "print x = 1", inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .satisfies(e -> assertThat(((KustoConnectorException) e).getErrorCode()).isEqualTo(ErrorCode.RETRIES_EXHAUSTED))
        .hasMessageContaining("Cannot read schema on cluster '" + emulator.engineUrl() + "', database 'db'")
        .hasMessageContaining("client request id 'req-1;read-schema;3'")
        .hasMessageContaining("Kusto throttled the request (HTTP 429) on 3 attempts over")
        .hasMessageContaining("raise 'requestRetryTimeout'")
        .hasMessageContaining("'readMode'=ForceDistributedMode");
  }

  @Test
  void persistentUnavailabilityIsNotCalledThrottling() {
    emulator.faults().failNext(RequestKind.MGMT, 5, 503);
    assertThatThrownBy(() -> runner(emulator, "db", null, 2).command("show", ".show tables", inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .satisfies(e -> assertThat(((KustoConnectorException) e).getErrorCode()).isEqualTo(ErrorCode.RETRIES_EXHAUSTED))
        .hasMessageContaining("the request kept failing with a transient error on 2 attempts")
        .hasMessageContaining("(HTTP 503)")
        .hasMessageNotContaining("throttled");
  }

  @Test
  void aConnectionClosedWithoutAnswerIsRetried() {
    emulator.faults().failNext(RequestKind.QUERY, 2, Faults.CONNECTION_RESET);
    KustoResultSetTable result =
        runner(emulator, "db", null, 3).query("print", "print x = 7", inSeconds(30)).getPrimaryResults();
    assertThat(result.next()).isTrue();
    assertThat(result.getInt(0)).isEqualTo(7);
  }

  @Test
  void theRetryAfterTheServiceAsksForIsHonoured() {
    emulator.faults().failNext(RequestKind.QUERY, 1, 429).retryAfter(Duration.ofSeconds(3));
    List<Long> pauses = new ArrayList<>();
    // The runner's own backoff is tens of milliseconds: only the service's Retry-After asks for seconds.
    runner(emulator, "db", null, 3, pauses::add).query("print", "print x = 1", inSeconds(30));
    assertThat(pauses).containsExactly(3_000L);
  }

  @Test
  void aCommandSentOnceIsResentWhenThrottledButNotWhenItsAnswerIsLost() {
    emulator.faults().failNext(RequestKind.MGMT, 1, 429);
    KustoResultSetTable version =
        runner(emulator, "db", null, 3).commandOnce("show", ".show version", inSeconds(30)).getPrimaryResults();
    assertThat(version.next()).as("a throttled request did not run: it is sent again").isTrue();
    emulator.faults().failNext(RequestKind.MGMT, 1, 503);
    assertThat(runner(emulator, "db", null, 3).commandOnce("show", ".show version", inSeconds(30)).getPrimaryResults()
        .next()).as("nor did an unavailable one").isTrue();
    emulator.faults().clear();

    // Two resets are queued: had the lost answer been resent, the third attempt would have succeeded.
    emulator.faults().failNext(RequestKind.MGMT, 2, Faults.CONNECTION_RESET);
    assertThatThrownBy(() -> runner(emulator, "db", null, 3).commandOnce("move extents", ".show version",
        inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("the answer was lost after the command was sent")
        .hasMessageContaining(".show commands | where ClientActivityId == \"req-1;move-extents;1\"");
    assertThat(emulator.faults().injected(RequestKind.MGMT)).isEqualTo(1);
  }

  @Test
  void permanentErrorsAreNotRetried() {
    emulator.faults().failNext(RequestKind.QUERY, 1, 400);
    // One 400 is queued: had the runner retried, the second attempt would have succeeded.
    assertThatThrownBy(() -> runner(emulator, "db", null, 5).query("count", "print x = 1", inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("client request id 'req-1;count;1'")
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void unknownTablesAreReportedWithTheServiceMessage() {
    assertThatThrownBy(() -> runner(emulator, "db", null, 3).query("read", "NoSuchTable | take 1", inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("NoSuchTable")
        .hasMessageContaining("Check the query, the table and column names, and the database.");
  }

  @Test
  void invalidClientRequestPropertiesJsonNamesTheOption() {
    assertThatThrownBy(() -> runner(emulator, "db", "{not json", 1).query("count", "print 1", inSeconds(30)))
        .isInstanceOf(KustoConnectorException.class)
        .hasMessageContaining("'clientRequestPropertiesJson'");
  }
}
