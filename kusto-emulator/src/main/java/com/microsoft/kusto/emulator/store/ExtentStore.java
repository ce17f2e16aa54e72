package com.microsoft.kusto.emulator.store;

import java.util.List;

/** The emulator's store as ingestion sees it: tables and their extents, held in DuckDB. */
public interface ExtentStore extends SchemaCatalog {
  /** The table, or a permanent Kusto-shaped "table not found" error naming database and table. */
  TableSchema requireTable(String database, String table);

  /**
   * Appends, as one new extent, the rows of {@code selectSql}: a DuckDB SELECT whose columns are the table's
   * columns in table order and in their storage representation ({@link KustoType#duckDbType()}). Atomic: either
   * all rows and the extent appear or nothing does.
   */
  Extent appendExtent(String database, String table, String selectSql, ExtentSpec spec);

  /** The table's extents, oldest first. */
  List<Extent> extents(String database, String table);
}
