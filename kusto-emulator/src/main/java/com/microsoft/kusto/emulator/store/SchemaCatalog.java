package com.microsoft.kusto.emulator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read access to the emulator's databases and tables, as the KQL translator needs it. */
public interface SchemaCatalog {
  /** The table named exactly {@code table} (case-sensitive) in {@code database}, if it exists. */
  Optional<TableSchema> findTable(String database, String table);

  /** The tables of {@code database}, in name order; empty if the database does not exist. */
  List<TableSchema> tables(String database);

  boolean databaseExists(String database);

  /** The SQL name of the table listing the database's extents (id, ingested_at), if the catalog keeps one. */
  default Optional<String> extentCatalogSql(String database) {
    return Optional.empty();
  }

  /** The database's latest ingestion time (its cursor), if anything was ingested. */
  default Optional<Instant> latestIngestionTime(String database) {
    return Optional.empty();
  }

  /** Whether the table's IngestionTime policy is on (Kusto's default: on). */
  default boolean ingestionTimePolicy(String database, String table) {
    return true;
  }
}
