package com.microsoft.kusto.emulator.store;

import java.util.List;
import java.util.Optional;

/** Read access to the emulator's databases and tables, as the KQL translator needs it. */
public interface SchemaCatalog {
  /** The table named exactly {@code table} (case-sensitive) in {@code database}, if it exists. */
  Optional<TableSchema> findTable(String database, String table);

  /** The tables of {@code database}, in name order; empty if the database does not exist. */
  List<TableSchema> tables(String database);

  boolean databaseExists(String database);
}
