package com.microsoft.kusto.spark.common.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SDK clients of one JVM, shared by every read or write with the same endpoint and credentials, and bounded: the
 * least recently used entry is evicted (and handed to {@code onEvict}, which closes what can be closed) once more
 * than {@code capacity} are held. Without the bound, a job whose access token is rotated would add a client set per
 * token for the life of the JVM.
 */
public final class ClientCache<V> {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCache.class);

  private final String name;
  private final int capacity;
  private final Consumer<V> onEvict;
  private final LinkedHashMap<Object, V> entries = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * @param name what the cache holds, for the log
   * @param onEvict releases an evicted value; must not throw
   */
  public ClientCache(String name, int capacity, Consumer<V> onEvict) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
    }
    this.name = name;
    this.capacity = capacity;
    this.onEvict = onEvict;
  }

  /** The value for {@code key}, created by {@code create} when absent (then possibly evicting the eldest). */
  public V get(Object key, Supplier<V> create) {
    List<V> evicted = new ArrayList<>();
    V value;
    synchronized (entries) {
      value = entries.get(key);
      if (value == null) {
        value = create.get();
        entries.put(key, value);
        Iterator<Map.Entry<Object, V>> eldest = entries.entrySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
          evicted.add(eldest.next().getValue());
          eldest.remove();
        }
      }
    }
    for (V old : evicted) {
      LOG.info("Releasing the least recently used {} (more than {} endpoint and credential sets in this JVM)",
          name, capacity);
      onEvict.accept(old);
    }
    return value;
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
