package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCacheTest {
  @Test
  void keepsAtMostItsCapacityEvictingTheLeastRecentlyUsed() {
    List<String> evicted = new ArrayList<>();
    ClientCache<String> cache = new ClientCache<>("test client", 2, evicted::add);
    assertThat(cache.get("a", () -> "A")).isEqualTo("A");
    assertThat(cache.get("b", () -> "B")).isEqualTo("B");
    // "a" is used again, so "b" is the least recently used when "c" arrives.
    assertThat(cache.get("a", () -> "A2")).isEqualTo("A");
    assertThat(cache.get("c", () -> "C")).isEqualTo("C");
    assertThat(evicted).containsExactly("B");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b", () -> "B2")).as("an evicted key gets a new value").isEqualTo("B2");
    assertThat(evicted).containsExactly("B", "A");
  }
}
