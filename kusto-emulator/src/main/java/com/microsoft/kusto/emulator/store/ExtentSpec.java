package com.microsoft.kusto.emulator.store;

import java.time.Instant;
import java.util.List;

/** How a new extent is made: its tags (for example {@code ingest-by:x}, {@code drop-by:y}) and creation time. */
public record ExtentSpec(List<String> tags, Instant creationTime, long originalSize) {
  public ExtentSpec {
    tags = List.copyOf(tags);
  }
}
