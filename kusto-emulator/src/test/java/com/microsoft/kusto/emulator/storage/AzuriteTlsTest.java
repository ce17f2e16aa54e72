package com.microsoft.kusto.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azurite over https with a PKCS12 certificate, and storage clients that trust exactly that certificate. */
class AzuriteTlsTest {
  private static final String PASSWORD = "test-only-password";

  @TempDir Path dir;

  @Test
  void azuriteServesHttpsWithThePfxAndTheEmulatorsClientsTrustIt() throws Exception {
    Path p12 = dir.resolve("azurite.p12");
    keytool("-genkeypair", "-alias", "azurite", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
        "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", p12.toString(), "-storetype", "PKCS12",
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    TrustManagerFactory trust = trustOnly(p12);

    try (AzuriteProcess azurite = AzuriteProcess.start(Optional.of(AzuriteTls.pfx(p12, PASSWORD)))) {
      assertThat(azurite.blobEndpoint()).startsWith("https://127.0.0.1:");
      AzuriteStorage storage = new AzuriteStorage(azurite, StorageHostNames.loopback(), trust).createResources();
      String url = storage.containerUrlWithSas(AzuriteStorage.EXPORT_CONTAINER);
      assertThat(url).startsWith("https://127.0.0.1:" + azurite.blobPort() + "/devstoreaccount1/");

      BlobContainerClient container =
          new BlobContainerClientBuilder().endpoint(url).httpClient(storage.httpClient().orElseThrow()).buildClient();
      container.getBlobClient("tls.txt").upload(new ByteArrayInputStream(new byte[] {1}), 1, true);
      assertThat(storage.blobService().getBlobContainerClient(AzuriteStorage.EXPORT_CONTAINER).getBlobClient("tls.txt").exists())
          .isTrue();

      // A client that does not trust the certificate is refused: the https is real.
      BlobContainerClient untrusting =
          new BlobContainerClientBuilder()
              .endpoint(url)
              .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, 10, null, null, null))
              .buildClient();
      assertThatThrownBy(() -> untrusting.getBlobClient("tls.txt").exists())
          .hasStackTraceContaining("SSLHandshakeException");
    }
  }

  /** A trust store holding only the certificate, made the way the emulator makes its own. */
  private TrustManagerFactory trustOnly(Path p12) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("azurite", keys.getCertificate("azurite"));
    Path trustStore = dir.resolve("trust.p12");
    try (var out = Files.newOutputStream(trustStore)) {
      trusted.store(out, PASSWORD.toCharArray());
    }
    return AzuriteTls.trustManagers(trustStore, PASSWORD);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }
}
