package com.microsoft.kusto.emulator.storage;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/** HTTP clients for the Azure storage SDKs that trust a given certificate (Azurite's, when it serves https). */
final class AzuriteHttpClients {
  private AzuriteHttpClients() {}

  static HttpClient trusting(TrustManagerFactory trust) {
    SslContext ssl;
    try {
      ssl = SslContextBuilder.forClient().trustManager(trust).build();
    } catch (SSLException e) {
      throw new IllegalStateException("Cannot build a TLS context trusting Azurite's certificate: " + e.getMessage(), e);
    }
    return new NettyAsyncHttpClientBuilder(
            reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl)))
        .build();
  }
}
