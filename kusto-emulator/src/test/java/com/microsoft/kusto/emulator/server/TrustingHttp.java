package com.microsoft.kusto.emulator.server;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/** An SDK HTTP client that trusts exactly the trust store a TLS emulator printed, as a user would configure it. */
final class TrustingHttp {
  private TrustingHttp() {}

  static KeyStore trustStore(KustoEmulator emulator) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(emulator.trustStore().orElseThrow())) {
      trust.load(in, emulator.trustStorePassword().orElseThrow().toCharArray());
    }
    return trust;
  }

  static HttpClient of(KustoEmulator emulator, reactor.netty.http.client.HttpClient netty) throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore(emulator));
    SslContext ssl = SslContextBuilder.forClient().trustManager(tmf).build();
    return new NettyAsyncHttpClientBuilder(netty.secure(spec -> spec.sslContext(ssl))).build();
  }
}
