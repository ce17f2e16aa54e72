package com.microsoft.kusto.emulator.server;

import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.QueuedIngestClientImpl;
import java.lang.reflect.Constructor;

/**
 * A queued ingest client on a given HTTP client for engine and storage alike. kusto-ingest 7 has this constructor
 * but keeps it package-private (its public factory takes only {@code HttpClientProperties}), and its jar is signed,
 * so it is reached by reflection. Tests need their own HTTP client to trust the emulator's certificate and to
 * resolve cluster and storage names to loopback, as a hosts file does for a user.
 */
final class QueuedIngestClients {
  private QueuedIngestClients() {}

  static QueuedIngestClient create(ConnectionStringBuilder csb, HttpClient http) throws Exception {
    Constructor<QueuedIngestClientImpl> constructor = QueuedIngestClientImpl.class.getDeclaredConstructor(
        ConnectionStringBuilder.class, HttpClient.class, boolean.class);
    constructor.setAccessible(true);
    return constructor.newInstance(csb, http, false);
  }
}
