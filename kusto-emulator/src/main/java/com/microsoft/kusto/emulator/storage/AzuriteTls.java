package com.microsoft.kusto.emulator.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
