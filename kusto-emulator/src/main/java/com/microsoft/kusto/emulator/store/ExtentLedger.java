package com.microsoft.kusto.emulator.store;

import static com.microsoft.kusto.emulator.store.StoreSql.quoteLiteral;
import static com.microsoft.kusto.emulator.store.StoreSql.sqlFailure;
import static com.microsoft.kusto.emulator.store.StoreSql.timestampLiteral;
import static com.microsoft.kusto.emulator.store.StoreSql.toJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.DuckDbStore.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A database's extents: the rows each ingestion, move or drop adds or removes as one unit, with their tags, creation
 * time and ingestion time, kept in the database's {@code $extents} table in the same transaction as the rows. Also
 * the ingestion clock behind {@code ingestion_time()} and database cursors.
 */
final class ExtentLedger {
  private final StoreSql sql;
  private final DuckDbStore catalog;
  private final IngestionClock clock = new IngestionClock();
  /** Orders extents oldest first; starts from the clock so extents of reattached databases keep their order. */
  private final AtomicLong extentSequence = new AtomicLong(System.currentTimeMillis() * 1000);

  ExtentLedger(StoreSql sql, DuckDbStore catalog) {
    this.sql = sql;
    this.catalog = catalog;
  }

  /** Creates (or, for a database persisted earlier, completes) the database's {@code $extents} table. */
  void createTable(Database db) {
    sql.exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$extents")
        + " (id VARCHAR PRIMARY KEY, table_name VARCHAR, row_count BIGINT, original_size BIGINT,"
        + " created_on TIMESTAMP, tags VARCHAR, seq BIGINT)");
    addIngestionTimeColumn(db);
  }

  /**
   * Each extent's ingestion time (what {@code ingestion_time()} and the database cursor read), apart from its
   * creation time, which a client may set; databases persisted before it existed get it on attach.
   */
  private void addIngestionTimeColumn(Database db) {
    sql.exec("ALTER TABLE " + db.qualify("$extents") + " ADD COLUMN IF NOT EXISTS ingested_at TIMESTAMP");
    sql.exec("UPDATE " + db.qualify("$extents") + " SET ingested_at = created_on WHERE ingested_at IS NULL");
    latestIngestionTime(db).ifPresent(clock::observe);
  }

  public Extent appendExtent(String database, String table, String selectSql, ExtentSpec spec) {
    synchronized (sql.writeLock) {
      Database db = catalog.requireDatabase(database);
      TableSchema schema = catalog.requireTable(database, table);
      String id = UUID.randomUUID().toString();
      Instant created = spec.creationTime() == null ? Instant.now() : spec.creationTime();
      long[] rows = new long[1];
      sql.inTransaction(() -> {
        rows[0] = sql.update("INSERT INTO " + schema.sqlReference() + " (" + columnList(schema) + ", "
            + TableSchema.EXTENT_COLUMN + ") SELECT *, " + quoteLiteral(id) + " FROM (" + selectSql + ")");
        insertExtentRow(db, id, table, rows[0], spec.originalSize(), created, spec.tags());
      });
      return new Extent(id, database, table, rows[0], spec.originalSize(), created, spec.tags());
    }
  }

  public List<Extent> extents(String database, String table) {
    Database db = catalog.requireDatabase(database);
    try (Connection c = catalog.openConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, table_name, row_count, original_size, created_on, tags"
            + " FROM " + db.qualify("$extents") + " WHERE table_name = ? ORDER BY seq")) {
      ps.setString(1, table);
      List<Extent> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Extent(rs.getString(1), database, rs.getString(2), rs.getLong(3), rs.getLong(4),
              rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), parseTags(rs.getString(6))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /**
   * Moves extents (rows and metadata, atomically) from {@code source} to {@code destination}, giving each a new
   * id as Kusto does. Every source column must exist in the destination with the same type.
   */
  public List<DuckDbStore.MovedExtent> moveExtents(String database, String source, List<String> extentIds, String destination,
      boolean setNewIngestionTime) {
    synchronized (sql.writeLock) {
      Database db = catalog.requireDatabase(database);
      TableSchema from = catalog.requireTable(database, source);
      TableSchema to = catalog.requireTable(database, destination);
      List<Integer> targetIndexes = new ArrayList<>();
      for (ColumnSchema c : from.columns()) {
        Optional<Integer> index = to.indexOf(c.name());
        if (index.isEmpty() || to.columns().get(index.get()).type() != c.type()) {
          throw new KustoRequestException(
              400,
              "General_BadRequest",
              "Cannot move extents from '" + source + "' (" + from.cslSchema() + ") to '" + destination + "' ("
                  + to.cslSchema() + "): column '" + c.cslSchema() + "' is missing or of another type in the"
                  + " destination. Align the schemas (e.g. with '.create-merge table') first.",
              true);
        }
        targetIndexes.add(index.get());
      }
      Set<String> known = extents(database, source).stream().map(Extent::id).collect(Collectors.toSet());
      List<DuckDbStore.MovedExtent> moved = new ArrayList<>();
      sql.inTransaction(() -> {
        for (String id : extentIds) {
          if (!known.contains(id)) {
            throw new KustoRequestException(
                400, "General_BadRequest", "Extent '" + id + "' is not an extent of table '" + source + "'", true);
          }
          String newId = UUID.randomUUID().toString();
          StringBuilder targetCols = new StringBuilder();
          StringBuilder sourceCols = new StringBuilder();
          for (int i = 0; i < targetIndexes.size(); i++) {
            targetCols.append(TableSchema.sqlColumn(targetIndexes.get(i))).append(", ");
            sourceCols.append(TableSchema.sqlColumn(i)).append(", ");
          }
          sql.exec("INSERT INTO " + to.sqlReference() + " (" + targetCols + TableSchema.EXTENT_COLUMN + ") SELECT "
              + sourceCols + quoteLiteral(newId) + " FROM " + from.sqlReference() + " WHERE "
              + TableSchema.EXTENT_COLUMN + " = " + quoteLiteral(id));
          sql.exec("DELETE FROM " + from.sqlReference() + " WHERE " + TableSchema.EXTENT_COLUMN + " = " + quoteLiteral(id));
          sql.exec("UPDATE " + db.qualify("$extents") + " SET id = " + quoteLiteral(newId) + ", table_name = "
              + quoteLiteral(destination) + ", seq = " + extentSequence.incrementAndGet()
              + (setNewIngestionTime ? ", created_on = " + timestampLiteral(Instant.now()) + ", ingested_at = "
                  + timestampLiteral(clock.next()) : "")
              + " WHERE id = " + quoteLiteral(id));
          moved.add(new DuckDbStore.MovedExtent(id, newId));
        }
      });
      return moved;
    }
  }

  /** Drops extents (rows and metadata) of a table; returns the dropped extents. */
  public List<Extent> dropExtents(String database, String table, List<String> extentIds) {
    synchronized (sql.writeLock) {
      Database db = catalog.requireDatabase(database);
      TableSchema schema = catalog.requireTable(database, table);
      Map<String, Extent> known = new LinkedHashMap<>();
      extents(database, table).forEach(e -> known.put(e.id(), e));
      List<Extent> dropped = new ArrayList<>();
      sql.inTransaction(() -> {
        for (String id : extentIds) {
          Extent extent = known.get(id);
          if (extent == null) {
            continue;
          }
          sql.exec("DELETE FROM " + schema.sqlReference() + " WHERE " + TableSchema.EXTENT_COLUMN + " = "
              + quoteLiteral(id));
          sql.exec("DELETE FROM " + db.qualify("$extents") + " WHERE id = " + quoteLiteral(id));
          dropped.add(extent);
        }
      });
      return dropped;
    }
  }

  /** Replaces the tag list of the given extents (Kusto's drop-tags gives the extent a new id; kept here). */
  public void setExtentTags(String database, Map<String, List<String>> tagsByExtent) {
    synchronized (sql.writeLock) {
      Database db = catalog.requireDatabase(database);
      sql.inTransaction(() -> tagsByExtent.forEach((id, tags) ->
          sql.exec("UPDATE " + db.qualify("$extents") + " SET tags = " + quoteLiteral(toJson(tags)) + " WHERE id = "
              + quoteLiteral(id))));
    }
  }

  /** The table holding an extent id in a database, if any. */
  public Optional<Extent> findExtent(String database, String extentId) {
    for (TableSchema t : catalog.tables(database)) {
      for (Extent e : extents(database, t.name())) {
        if (e.id().equals(extentId)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  private void insertExtentRow(Database db, String id, String table, long rows, long originalSize, Instant created,
      List<String> tags) {
    sql.exec("INSERT INTO " + db.qualify("$extents") + " (id, table_name, row_count, original_size, created_on, tags, seq,"
        + " ingested_at) VALUES (" + quoteLiteral(id) + ", " + quoteLiteral(table) + ", " + rows + ", " + originalSize
        + ", " + timestampLiteral(created) + ", " + quoteLiteral(toJson(tags)) + ", " + extentSequence.incrementAndGet()
        + ", " + timestampLiteral(clock.next()) + ")");
  }


  public Optional<String> extentCatalogSql(String database) {
    return catalog.findDatabase(database).map(db -> db.qualify("$extents"));
  }

  public Optional<Instant> latestIngestionTime(String database) {
    return catalog.findDatabase(database).flatMap(this::latestIngestionTime);
  }

  private Optional<Instant> latestIngestionTime(Database db) {
    try (Connection c = catalog.openConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(ingested_at) FROM " + db.qualify("$extents"))) {
      LocalDateTime latest = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
      return Optional.ofNullable(latest).map(t -> t.toInstant(ZoneOffset.UTC));
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  private static List<String> parseTags(String json) {
    try {
      return json == null ? List.of() : StoreSql.JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt extent tags: " + json, e);
    }
  }

  private static String columnList(TableSchema schema) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < schema.columns().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(TableSchema.sqlColumn(i));
    }
    return out.toString();
  }
}
