package com.microsoft.kusto.emulator.kql;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a query's statements bind: scalar lets and query parameters (inlined as SQL), tabular names ({@code let t =
 * T | ...} and {@code as}), and the query's single {@code now()}.
 */
final class QueryContext {
  private final Map<String, TypedSql> scalars = new HashMap<>();
  private final Map<String, Relation> tabulars = new HashMap<>();
  private Instant now;
  private boolean tracksIngestionTime;
  private String cursorCurrent = "";

  QueryContext(Instant now) {
    this.now = now;
  }

  /** Whether the query uses ingestion times, so table scans carry them (only then: it costs a join). */
  boolean tracksIngestionTime() {
    return tracksIngestionTime;
  }

  /** {@code cursor_current()}: the database cursor when the query started ("" before anything was ingested). */
  String cursorCurrent() {
    return cursorCurrent;
  }

  void trackIngestionTime(String cursorCurrent) {
    this.tracksIngestionTime = true;
    this.cursorCurrent = cursorCurrent;
  }

  Instant now() {
    return now;
  }

  void setNow(Instant now) {
    this.now = now;
  }

  void bindScalar(String name, TypedSql value) {
    tabulars.remove(name);
    scalars.put(name, value);
  }

  void bindTabular(String name, Relation value) {
    scalars.remove(name);
    tabulars.put(name, value);
  }

  Optional<TypedSql> scalar(String name) {
    return Optional.ofNullable(scalars.get(name));
  }

  Optional<Relation> tabular(String name) {
    return Optional.ofNullable(tabulars.get(name));
  }
}
