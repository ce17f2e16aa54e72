package com.microsoft.kusto.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate Azurite serves https with: a PEM certificate plus PEM key ({@code --cert}/{@code --key}), or a
 * PFX file plus its password ({@code --cert}/{@code --pwd}).
 */
public final class AzuriteTls {
  private final Path certificate;
  private final Optional<Path> pemKey;
  private final Optional<String> pfxPassword;

  private AzuriteTls(Path certificate, Optional<Path> pemKey, Optional<String> pfxPassword) {
    this.certificate = requireFile(certificate, "certificate");
    this.pemKey = pemKey.map(k -> requireFile(k, "key"));
    this.pfxPassword = pfxPassword;
  }

  public static AzuriteTls pem(Path certificate, Path key) {
    return new AzuriteTls(certificate, Optional.of(Objects.requireNonNull(key, "key")), Optional.empty());
  }

  public static AzuriteTls pfx(Path pfx, String password) {
    return new AzuriteTls(pfx, Optional.empty(), Optional.of(Objects.requireNonNull(password, "password")));
  }

  private static Path requireFile(Path file, String what) {
    Objects.requireNonNull(file, what);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Azurite TLS " + what + " file '" + file + "' does not exist");
    }
    return file.toAbsolutePath();
  }

  /**
   * Trust for exactly the certificates of a PKCS12 trust store (such as the emulator's own), to pass to
   * {@link AzuriteStorage#AzuriteStorage(AzuriteProcess, StorageHostNames, TrustManagerFactory)}.
   */
  public static TrustManagerFactory trustManagers(Path pkcs12TrustStore, String password) {
    try (InputStream in = Files.newInputStream(pkcs12TrustStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read the trust store '" + pkcs12TrustStore + "' for Azurite's certificate: " + e.getMessage(), e);
    }
  }

  void addArguments(List<String> command) {
    command.add("--cert");
    command.add(certificate.toString());
    pemKey.ifPresent(
        key -> {
          command.add("--key");
          command.add(key.toString());
        });
    pfxPassword.ifPresent(
        password -> {
          command.add("--pwd");
          command.add(password);
        });
  }

  @Override
  public String toString() {
    return "AzuriteTls[" + certificate + (pemKey.isPresent() ? ", pem key" : ", pfx") + "]";
  }
}
