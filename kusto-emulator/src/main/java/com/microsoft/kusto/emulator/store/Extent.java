package com.microsoft.kusto.emulator.store;

import java.time.Instant;
import java.util.List;

/** One extent (data shard) of a table: made by each ingestion, with its tags and creation time. */
public record Extent(
    String id, String database, String table, long rowCount, long originalSize, Instant creationTime, List<String> tags) {
  public Extent {
    tags = List.copyOf(tags);
  }
}
