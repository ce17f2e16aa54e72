package com.microsoft.kusto.spark.common.client;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import java.net.URISyntaxException;
import java.util.Random;

/** Test helpers: SDK clients and request runners on a local Kusto emulator. */
public final class EmulatorRequests {
  private EmulatorRequests() {}

  public static Client client(KustoEmulator emulator) {
    try {
      // As the connector builds its clients: on an HTTP client that notes the service's Retry-After.
      return ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + emulator.engineUrl()),
          RetryAfterHints.httpClient());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A runner with quick retries (tens of milliseconds), so retry tests stay fast. */
  public static KustoRequestRunner runner(KustoEmulator emulator, String database, String crpJson, int attempts) {
    return runner(emulator, database, crpJson, attempts, Thread::sleep);
  }

  /** {@link #runner} whose pauses go through {@code sleeper} (which may record them). */
  public static KustoRequestRunner runner(KustoEmulator emulator, String database, String crpJson, int attempts,
      Retrier.Sleeper sleeper) {
    Retrier retrier =
        new Retrier(
            new RetryPolicy(attempts, 10, 40), TransientFailures::isTransient, sleeper, System::currentTimeMillis,
            new Random(3));
    return new KustoRequestRunner(client(emulator), emulator.engineUrl(), database, "req-1", crpJson, retrier);
  }

  public static long inSeconds(int seconds) {
    return System.currentTimeMillis() + seconds * 1000L;
  }
}
