package com.microsoft.kusto.spark.common.util;

import java.util.LinkedHashMap;
import java.util.Map;

/** Option maps for tests. */
public final class TestOptions {
  private TestOptions() {}

  /** A map from alternating keys and values. */
  public static Map<String, String> of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** {@code base} with more entries (later ones win). */
  public static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>(base);
    map.putAll(of(keysAndValues));
    return map;
  }

  /** {@code base} without the given keys. */
  public static Map<String, String> without(Map<String, String> base, String... keys) {
    Map<String, String> map = new LinkedHashMap<>(base);
    for (String key : keys) {
      map.remove(key);
    }
    return map;
  }

  /** A remote read with application credentials. */
  public static Map<String, String> remoteRead() {
    return of("kustoCluster", "mycluster.westeurope", "kustoDatabase", "db", "kustoQuery", "T | take 10",
        "kustoAadAppId", "app-id", "kustoAadAppSecret", "app-secret-value", "kustoAadAuthorityID", "tenant-id");
  }

  /** A remote write with application credentials. */
  public static Map<String, String> remoteWrite() {
    return of("kustoCluster", "mycluster.westeurope", "kustoDatabase", "db", "kustoTable", "Target",
        "kustoAadAppId", "app-id", "kustoAadAppSecret", "app-secret-value", "kustoAadAuthorityID", "tenant-id");
  }

  /** A read against a loopback endpoint without credentials. */
  public static Map<String, String> localRead() {
    return of("kustoCluster", "http://127.0.0.1:8080", "kustoDatabase", "db", "kustoQuery", "T");
  }
}
