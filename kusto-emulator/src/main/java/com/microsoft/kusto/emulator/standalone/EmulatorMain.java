package com.microsoft.kusto.emulator.standalone;

import com.microsoft.kusto.emulator.KustoEmulator;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kusto-emulator-<version>-standalone.jar --port 8080 [options]}: runs the emulator with its own
 * Azurite until SIGTERM/SIGINT, then stops both.
 */
public final class EmulatorMain {
  static final String USAGE = String.join("\n",
      "Usage: java -jar kusto-emulator-standalone.jar [options]",
      "  --port P              listen on 127.0.0.1:P (default 8080; 0 = a free port)",
      "  --tls                 serve https with a self-signed certificate (trust store path and password printed)",
      "  --engine-host NAME    host name in the engine URL and certificate (default localhost)",
      "  --storage-host NAME   host name in the storage URLs handed out (default 127.0.0.1)",
      "  --production-storage-port P",
      "                        hand out https://devstoreaccount1.blob.core.windows.net/... storage URLs (and",
      "                        .queue., .table.) and serve them on 127.0.0.1:P; needs --tls. Clients use port",
      "                        443: listen on 443 (root or CAP_NET_BIND_SERVICE) or map 443 to P",
      "  --data-dir DIR        where '.create database D persist' keeps its data",
      "  --token TOKEN         require 'Authorization: Bearer TOKEN' (visible in process listings: prefer",
      "                        --token-file or $KUSTO_EMULATOR_TOKEN)",
      "  --token-file FILE     require the bearer token held in FILE (surrounding whitespace ignored)",
      "  --database NAME       create a volatile database at start (repeatable)",
      "  --strict              check every query and command with Microsoft's KQL parser",
      "  --help                show this help",
      "Environment: KUSTO_EMULATOR_TOKEN (the bearer token, unless --token or --token-file is given),",
      "  KUSTO_EMULATOR_CACHE (where the Node tools are installed on first start; default ~/.cache/kusto-emulator),",
      "  NODE and NPM (the node and npm executables).");
  /** The bearer token, when no flag gives one. */
  static final String TOKEN_ENV = "KUSTO_EMULATOR_TOKEN";

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    KustoEmulator.Builder builder;
    try {
      builder = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      System.out.println(USAGE);
      return;
    }
    KustoEmulator emulator;
    try {
      emulator = builder.start();
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      // What is missing (Node.js, a port, the tools' install) is said in the message; a stack trace adds nothing.
      System.err.println("Cannot start the Kusto emulator: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "kusto-emulator-shutdown"));
    emulator.storage().ifPresent(s -> System.out.println("Storage (Azurite) blob endpoint: " + s.publicBlobRoot()
        + " account " + s.process().accountName()));
    emulator.productionStoragePort().ifPresent(p -> System.out.println(
        "Production-style storage URLs served on 127.0.0.1:" + p + (p == 443 ? "" : " (map port 443 to it)")));
    emulator.trustStore().ifPresent(t -> System.out.println("TLS trust store: " + t + " (PKCS12, password "
        + emulator.trustStorePassword().orElse("") + ")"));
    System.out.println("Kusto emulator ready at " + emulator.engineUrl());
    System.out.flush();
    stopped.await();
  }

  /** The builder for {@code args}, or null when help was asked for. */
  static KustoEmulator.Builder parse(String[] args) {
    return parse(args, java.util.Map.of());
  }

  /** The builder for {@code args} and the environment {@code env}, or null when help was asked for. */
  static KustoEmulator.Builder parse(String[] args, java.util.Map<String, String> env) {
    KustoEmulator.Builder builder = KustoEmulator.builder().port(8080);
    String environmentToken = env.get(TOKEN_ENV);
    if (environmentToken != null && !environmentToken.isBlank()) {
      builder.requiredBearerToken(environmentToken.strip());
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--port" -> builder.port(parsePort(arg, value(args, ++i, arg)));
        case "--tls" -> builder.tls(true);
        case "--engine-host" -> builder.engineHostName(value(args, ++i, arg));
        case "--storage-host" -> builder.storageHostName(value(args, ++i, arg));
        case "--production-storage-port" -> builder.productionStorageUrls(parsePort(arg, value(args, ++i, arg)));
        case "--data-dir" -> builder.persistenceDir(Path.of(value(args, ++i, arg)));
        case "--token" -> builder.requiredBearerToken(value(args, ++i, arg));
        case "--token-file" -> builder.requiredBearerToken(tokenFrom(Path.of(value(args, ++i, arg))));
        case "--database" -> builder.database(value(args, ++i, arg));
        case "--strict" -> builder.strictMode(true);
        default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
      }
    }
    return builder;
  }

  private static String tokenFrom(Path file) {
    String token;
    try {
      token = java.nio.file.Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--token-file: cannot read '" + file + "': " + e.getMessage());
    }
    if (token.isEmpty()) {
      throw new IllegalArgumentException("--token-file: '" + file + "' is empty");
    }
    return token;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String option, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number 0..65535, got '" + text + "'");
    }
  }
}
