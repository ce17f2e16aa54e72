package com.microsoft.kusto.emulator.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate made at start with the JDK's {@code keytool} (valid for localhost, 127.0.0.1 and the
 * configured host names), the server's key store, and a trust store clients can point
 * {@code javax.net.ssl.trustStore} at.
 */
public final class TlsMaterial {
  private final Path keyStore;
  private final Path trustStore;
  private final String password;
  private final SSLContext sslContext;

  private TlsMaterial(Path keyStore, Path trustStore, String password, SSLContext sslContext) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
    this.password = password;
    this.sslContext = sslContext;
  }

  /** Generates the certificate and stores in {@code directory}. */
  public static TlsMaterial generate(Path directory, List<String> hostNames) {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Set<String> names = new LinkedHashSet<>(hostNames);
    names.add("localhost");
    StringBuilder san = new StringBuilder("SAN=ip:127.0.0.1");
    names.forEach(n -> san.append(",dns:").append(n));
    Path keyStore = directory.resolve("kusto-emulator-server.p12");
    Path cert = directory.resolve("kusto-emulator.pem");
    Path trustStore = directory.resolve("kusto-emulator-truststore.p12");
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(keyStore);
      Files.deleteIfExists(trustStore);
      keytool("-genkeypair", "-alias", "kusto-emulator", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
          "-dname", "CN=" + names.iterator().next(), "-ext", san.toString(), "-keystore", keyStore.toString(),
          "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
      keytool("-exportcert", "-rfc", "-alias", "kusto-emulator", "-keystore", keyStore.toString(), "-storepass",
          password, "-file", cert.toString());
      keytool("-importcert", "-noprompt", "-alias", "kusto-emulator", "-file", cert.toString(), "-keystore",
          trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        ks.load(in, password.toCharArray());
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return new TlsMaterial(keyStore, trustStore, password, context);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the emulator's TLS certificate in " + directory, e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the emulator's TLS certificate: " + e.getMessage(), e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.replaceAll("(?i)storepass \\S+", ""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("Interrupted while running keytool", e);
    }
  }

  /** The PKCS12 key store with the certificate and its private key (Azurite serves https with it too). */
  public Path keyStore() {
    return keyStore;
  }

  /** The PKCS12 trust store holding the emulator's certificate. */
  public Path trustStore() {
    return trustStore;
  }

  /** The trust store's password (a random value made at start; not a secret worth protecting). */
  public String trustStorePassword() {
    return password;
  }

  /** The server side: the generated certificate and its key. */
  public SSLContext sslContext() {
    return sslContext;
  }
}
