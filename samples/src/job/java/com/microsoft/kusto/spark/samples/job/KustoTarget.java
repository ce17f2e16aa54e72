package com.microsoft.kusto.spark.samples.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the samples read and write: a cluster, a database and the credentials, as connector options. Built from
 * {@code option=value} program arguments (any connector option, e.g. {@code kustoCluster=https://...}) over the
 * {@code KUSTO_*} environment variables, so secrets need not appear on a command line.
 *
 * <p>Java 8 code: it is part of the job jar that runs on every Spark line.
 */
public final class KustoTarget {
  /** Environment variable → connector option. Arguments win over these. */
  private static final String[][] ENVIRONMENT = {
    {"KUSTO_CLUSTER", "kustoCluster"},
    {"KUSTO_DATABASE", "kustoDatabase"},
    {"KUSTO_AAD_APP_ID", "kustoAadAppId"},
    {"KUSTO_AAD_APP_SECRET", "kustoAadAppSecret"},
    {"KUSTO_AAD_AUTHORITY_ID", "kustoAadAuthorityID"},
  };

  private final Map<String, String> options;

  private KustoTarget(Map<String, String> options) {
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /**
   * The target named by the environment and the {@code option=value} arguments, or {@code null} when neither names
   * a cluster (the caller then uses a local endpoint).
   *
   * @throws IllegalArgumentException for an argument that is not {@code option=value}, or a cluster without a
   *     database
   */
  public static KustoTarget fromArguments(String[] args, Map<String, String> environment) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String[] pair : ENVIRONMENT) {
      String value = environment.get(pair[0]);
      if (value != null && !value.trim().isEmpty()) {
        options.put(pair[1], value.trim());
      }
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Cannot read the argument [" + mask(arg) + "]: it is not option=value."
            + " Pass connector options such as kustoCluster=https://<cluster>.kusto.windows.net kustoDatabase=<db>.");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    if (!options.containsKey("kustoCluster")) {
      return null;
    }
    if (!options.containsKey("kustoDatabase")) {
      throw new IllegalArgumentException("Cannot use cluster [" + options.get("kustoCluster") + "]: no database."
          + " Set kustoDatabase=<db> or the KUSTO_DATABASE environment variable.");
    }
    return new KustoTarget(options);
  }

  /** A target with no credentials (the local endpoint accepts anonymous requests on loopback). */
  public static KustoTarget anonymous(String clusterUrl, String database) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("kustoCluster", clusterUrl);
    options.put("kustoDatabase", database);
    return new KustoTarget(options);
  }

  public String cluster() {
    return options.get("kustoCluster");
  }

  public String database() {
    return options.get("kustoDatabase");
  }

  /** The connector options that reach this target, with {@code extra} added (e.g. {@code kustoTable}). */
  public Map<String, String> options(String... extraKeysAndValues) {
    Map<String, String> all = new LinkedHashMap<>(options);
    for (int i = 0; i + 1 < extraKeysAndValues.length; i += 2) {
      all.put(extraKeysAndValues[i], extraKeysAndValues[i + 1]);
    }
    return all;
  }

  /** Cluster and database, and which credential options are set (never their values). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(cluster()).append(", database ").append(database());
    for (String key : options.keySet()) {
      if (!key.equals("kustoCluster") && !key.equals("kustoDatabase")) {
        text.append(", ").append(key).append(isSecret(key) ? "=***" : "=" + options.get(key));
      }
    }
    return text.toString();
  }

  private static boolean isSecret(String key) {
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("secret") || lower.contains("password") || lower.contains("token")
        || lower.contains("key") || lower.contains("storage");
  }

  private static String mask(String arg) {
    return arg.length() <= 4 ? arg : arg.substring(0, 4) + "...";
  }
}
