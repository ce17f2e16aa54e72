package com.microsoft.kusto.emulator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * The emulator's store on one DuckDB instance: Kusto databases, tables with their columns, extents (with tags
 * and creation time) and table policies.
 *
 * <p>A volatile database is a schema of the in-memory catalog; a persistent one is its own DuckDB file in the
 * persistence directory, attached at start. Each database keeps its metadata in hidden tables next to its data
 * ({@code $tables}, {@code $extents}, {@code $policies}), so DDL, data and extent bookkeeping commit in one
 * DuckDB transaction. Writers are serialized by one lock; readers get their own duplicated connection.
 */
public final class DuckDbStore implements ExtentStore, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERSISTENT_SUFFIX = ".kustodb";

  private final DuckDBConnection root;
  private final Connection writer;
  private final Object writeLock = new Object();
  private final Path persistenceDir;
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  /** Orders extents oldest first; starts from the clock so extents of reattached databases keep their order. */
  private final IngestionClock ingestionClock = new IngestionClock();
  private final java.util.concurrent.atomic.AtomicLong extentSequence =
      new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() * 1000);

  /** A Kusto database and where it lives in DuckDB. */
  public record Database(String name, boolean persistent, String catalog, String schema, Path file) {
    String qualify(String object) {
      return quoteIdent(catalog) + "." + quoteIdent(schema) + "." + quoteIdent(object);
    }
  }

  private final Map<String, Map<String, TableSchema>> tables = new ConcurrentHashMap<>();

  private DuckDbStore(DuckDBConnection root, Path persistenceDir) throws SQLException {
    this.root = root;
    this.persistenceDir = persistenceDir;
    this.writer = root.duplicate();
    try (Statement s = writer.createStatement()) {
      // Never download extensions: json and parquet are built into the JDBC driver.
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=true");
      s.execute("SET TimeZone='UTC'");
      // DuckDB would otherwise claim 80% of the machine's memory, which test machines share.
      s.execute("SET memory_limit='2GB'");
    }
  }

  /** Opens an in-memory store; with a persistence directory, reattaches the persistent databases found there. */
  public static DuckDbStore open(Path persistenceDir) {
    try {
      DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      DuckDbStore store = new DuckDbStore(root, persistenceDir);
      if (persistenceDir != null) {
        Files.createDirectories(persistenceDir);
        store.attachExisting();
      }
      return store;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the persistence directory " + persistenceDir, e);
    }
  }

  /** A new connection on the shared DuckDB instance, for one worker; the caller closes it. */
  public Connection openConnection() {
    try {
      Connection c = root.duplicate();
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone='UTC'");
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open a DuckDB connection: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- databases

  public Collection<Database> databases() {
    return databases.values().stream().sorted(Comparator.comparing(Database::name)).toList();
  }

  public Optional<Database> findDatabase(String name) {
    return Optional.ofNullable(name == null ? null : databases.get(name));
  }

  public Database requireDatabase(String name) {
    return findDatabase(name)
        .orElseThrow(
            () ->
                new KustoRequestException(
                    400,
                    "General_BadRequest",
                    "Entity ID '" + name + "' of kind 'Database' was not found. Create it first with"
                        + " '.create database " + name + " volatile'.",
                    true));
  }

  @Override
  public boolean databaseExists(String database) {
    return database != null && databases.containsKey(database);
  }

  /** Creates a database; {@code persistent} ones live in a file of the persistence directory. */
  public Database createDatabase(String name, boolean persistent, boolean ifNotExists) {
    synchronized (writeLock) {
      Database existing = databases.get(name);
      if (existing != null) {
        if (ifNotExists) {
          return existing;
        }
        throw new KustoRequestException(
            400, "General_BadRequest", "Entity '" + name + "' of kind 'Database' already exists", true);
      }
      int n = sequence.incrementAndGet();
      Database db;
      if (persistent) {
        if (persistenceDir == null) {
          throw KustoRequestException.badRequest(
              "General_BadRequest",
              "Cannot create persistent database '" + name + "': the emulator was started without a persistence"
                  + " directory (KustoEmulator.builder().persistenceDir(...) or --data-dir); use 'volatile'");
        }
        Path file = persistenceDir.resolve("db" + n + "_" + UUID.randomUUID() + PERSISTENT_SUFFIX);
        db = new Database(name, true, "kp" + n, "main", file);
        exec("ATTACH " + quoteLiteral(file.toString()) + " AS " + quoteIdent(db.catalog()));
      } else {
        db = new Database(name, false, "memory", "kdb" + n, null);
        exec("CREATE SCHEMA " + quoteIdent("memory") + "." + quoteIdent(db.schema()));
      }
      createMetadataTables(db);
      exec("INSERT INTO " + db.qualify("$database") + " VALUES (" + quoteLiteral(name) + ")");
      databases.put(name, db);
      tables.put(name, new ConcurrentHashMap<>());
      return db;
    }
  }

  public void dropDatabase(String name, boolean ifExists) {
    synchronized (writeLock) {
      Database db = databases.get(name);
      if (db == null) {
        if (ifExists) {
          return;
        }
        requireDatabase(name);
      }
      if (db.persistent()) {
        exec("DETACH " + quoteIdent(db.catalog()));
        try {
          Files.deleteIfExists(db.file());
          Files.deleteIfExists(Path.of(db.file() + ".wal"));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot delete " + db.file(), e);
        }
      } else {
        exec("DROP SCHEMA " + quoteIdent(db.catalog()) + "." + quoteIdent(db.schema()) + " CASCADE");
      }
      databases.remove(name);
      tables.remove(name);
    }
  }

  private void createMetadataTables(Database db) {
    exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$database") + " (name VARCHAR)");
    exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$tables")
        + " (name VARCHAR PRIMARY KEY, physical VARCHAR, columns VARCHAR, folder VARCHAR, docstring VARCHAR)");
    addHiddenColumn(db);
    exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$extents")
        + " (id VARCHAR PRIMARY KEY, table_name VARCHAR, row_count BIGINT, original_size BIGINT,"
        + " created_on TIMESTAMP, tags VARCHAR, seq BIGINT)");
    addIngestionTimeColumn(db);
    exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$policies")
        + " (entity VARCHAR, kind VARCHAR, policy VARCHAR)");
  }

  /**
   * Each extent's ingestion time (what {@code ingestion_time()} and the database cursor read), apart from its
   * creation time, which a client may set; databases persisted before it existed get it on attach.
   */
  private void addIngestionTimeColumn(Database db) {
    exec("ALTER TABLE " + db.qualify("$extents") + " ADD COLUMN IF NOT EXISTS ingested_at TIMESTAMP");
    exec("UPDATE " + db.qualify("$extents") + " SET ingested_at = created_on WHERE ingested_at IS NULL");
    latestIngestionTime(db.name()).ifPresent(ingestionClock::observe);
  }

  /** {@code with (hidden=true)}: kept per table; databases persisted before it existed get the column on attach. */
  private void addHiddenColumn(Database db) {
    exec("ALTER TABLE " + db.qualify("$tables") + " ADD COLUMN IF NOT EXISTS hidden BOOLEAN DEFAULT false");
  }

  private void attachExisting() throws IOException, SQLException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(persistenceDir, "*" + PERSISTENT_SUFFIX)) {
      for (Path file : files) {
        int n = sequence.incrementAndGet();
        Database probe = new Database("?", true, "kp" + n, "main", file);
        exec("ATTACH " + quoteLiteral(file.toString()) + " AS " + quoteIdent(probe.catalog()));
        String name;
        try (Statement s = writer.createStatement();
            ResultSet rs = s.executeQuery("SELECT name FROM " + probe.qualify("$database"))) {
          if (!rs.next()) {
            exec("DETACH " + quoteIdent(probe.catalog()));
            continue;
          }
          name = rs.getString(1);
        }
        Database db = new Database(name, true, probe.catalog(), "main", file);
        databases.put(name, db);
        addHiddenColumn(db);
        addIngestionTimeColumn(db);
        Map<String, TableSchema> byName = new ConcurrentHashMap<>();
        try (Statement s = writer.createStatement();
            ResultSet rs = s.executeQuery("SELECT name, physical, columns FROM " + db.qualify("$tables"))) {
          while (rs.next()) {
            byName.put(rs.getString(1), new TableSchema(name, rs.getString(1), parseColumns(rs.getString(3)),
                db.qualify(rs.getString(2))));
          }
        }
        tables.put(name, byName);
      }
    }
  }

  // ---------------------------------------------------------------- tables

  @Override
  public Optional<TableSchema> findTable(String database, String table) {
    Map<String, TableSchema> byName = database == null ? null : tables.get(database);
    return Optional.ofNullable(byName == null || table == null ? null : byName.get(table));
  }

  @Override
  public List<TableSchema> tables(String database) {
    Map<String, TableSchema> byName = database == null ? null : tables.get(database);
    if (byName == null) {
      return List.of();
    }
    return byName.values().stream().sorted(Comparator.comparing(TableSchema::name)).toList();
  }

  @Override
  public TableSchema requireTable(String database, String table) {
    requireDatabase(database);
    return findTable(database, table)
        .orElseThrow(
            () ->
                new KustoRequestException(
                    400,
                    "General_BadRequest",
                    "Entity ID '" + table + "' of kind 'Table' was not found in database '" + database + "'",
                    true));
  }

  /** Creates a visible table, or (with {@code merge}) adds the missing columns to an existing one. */
  public TableSchema createTable(String database, String table, List<ColumnSchema> columns, boolean merge,
      String folder, String docString) {
    return createTable(database, table, columns, merge, folder, docString, false);
  }

  /**
   * Creates a table, or (with {@code merge}) adds the missing columns to an existing one as create-merge does.
   *
   * @param hidden {@code with (hidden=true)}: the table works as any other but {@code .show tables} lists it only
   *     when asked to include hidden tables
   */
  public TableSchema createTable(String database, String table, List<ColumnSchema> columns, boolean merge,
      String folder, String docString, boolean hidden) {
    checkColumns(table, columns);
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      TableSchema existing = findTable(database, table).orElse(null);
      if (existing != null) {
        return merge ? mergeColumns(db, existing, columns) : checkSameSchema(existing, columns);
      }
      // Unique across restarts: a persistent database keeps its physical tables.
      String objectName = "t_" + UUID.randomUUID().toString().replace("-", "");
      String physical = db.qualify(objectName);
      StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(physical).append(" (");
      for (int i = 0; i < columns.size(); i++) {
        ddl.append(TableSchema.sqlColumn(i)).append(' ').append(columns.get(i).type().duckDbType()).append(", ");
      }
      ddl.append(TableSchema.EXTENT_COLUMN).append(" VARCHAR)");
      TableSchema schema = new TableSchema(database, table, columns, physical);
      inTransaction(() -> {
        exec(ddl.toString());
        // The catalog alias changes between runs, so only the object name is recorded.
        exec("INSERT INTO " + db.qualify("$tables") + " (name, physical, columns, folder, docstring, hidden) VALUES ("
            + quoteLiteral(table) + ", " + quoteLiteral(objectName) + ", " + quoteLiteral(columnsJson(columns)) + ", "
            + quoteLiteral(folder == null ? "" : folder) + ", " + quoteLiteral(docString == null ? "" : docString)
            + ", " + hidden + ")");
      });
      tables.get(database).put(table, schema);
      return schema;
    }
  }

  private static void checkColumns(String table, List<ColumnSchema> columns) {
    if (columns.isEmpty()) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "Table '" + table + "' needs at least one column: '.create table T (a:int)'");
    }
    Set<String> seen = new java.util.HashSet<>();
    for (ColumnSchema c : columns) {
      if (!seen.add(c.name())) {
        throw KustoRequestException.badRequest(
            "General_BadRequest", "Column '" + c.name() + "' appears twice in the schema of table '" + table + "'");
      }
    }
  }

  private TableSchema checkSameSchema(TableSchema existing, List<ColumnSchema> columns) {
    // Kusto's .create table on an existing table succeeds only when the schema is the same.
    if (!existing.columns().equals(columns)) {
      throw new KustoRequestException(
          400,
          "General_BadRequest",
          "Table '" + existing.name() + "' already exists with a different schema (" + existing.cslSchema()
              + "); use '.create-merge table' to add columns or '.drop table' first",
          true);
    }
    return existing;
  }

  private TableSchema mergeColumns(Database db, TableSchema existing, List<ColumnSchema> columns) {
    List<ColumnSchema> merged = new ArrayList<>(existing.columns());
    List<String> ddl = new ArrayList<>();
    for (ColumnSchema c : columns) {
      Optional<Integer> index = existing.indexOf(c.name());
      if (index.isPresent()) {
        KustoType current = existing.columns().get(index.get()).type();
        if (current != c.type()) {
          throw new KustoRequestException(
              400,
              "General_BadRequest",
              "Column '" + c.name() + "' of table '" + existing.name() + "' is of type '" + current.kustoName()
                  + "'; .create-merge cannot change it to '" + c.type().kustoName() + "'",
              true);
        }
      } else {
        ddl.add("ALTER TABLE " + existing.sqlReference() + " ADD COLUMN " + TableSchema.sqlColumn(merged.size())
            + " " + c.type().duckDbType());
        merged.add(c);
      }
    }
    if (ddl.isEmpty()) {
      return existing;
    }
    TableSchema schema = new TableSchema(db.name(), existing.name(), merged, existing.sqlReference());
    inTransaction(() -> {
      ddl.forEach(this::exec);
      exec("UPDATE " + db.qualify("$tables") + " SET columns = " + quoteLiteral(columnsJson(merged))
          + " WHERE name = " + quoteLiteral(existing.name()));
    });
    tables.get(db.name()).put(existing.name(), schema);
    return schema;
  }

  /** Drops a table with its extents and policies; false if it did not exist and {@code ifExists}. */
  public boolean dropTable(String database, String table, boolean ifExists) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      Optional<TableSchema> existing = findTable(database, table);
      if (existing.isEmpty()) {
        if (ifExists) {
          return false;
        }
        requireTable(database, table);
      }
      inTransaction(() -> {
        exec("DROP TABLE " + existing.get().sqlReference());
        exec("DELETE FROM " + db.qualify("$tables") + " WHERE name = " + quoteLiteral(table));
        exec("DELETE FROM " + db.qualify("$extents") + " WHERE table_name = " + quoteLiteral(table));
        exec("DELETE FROM " + db.qualify("$policies") + " WHERE entity = " + quoteLiteral(table));
      });
      tables.get(database).remove(table);
      return true;
    }
  }

  public String folder(String database, String table) {
    return metadataString(database, "SELECT folder FROM $tables WHERE name = ?", table);
  }

  /** Whether the table was created {@code with (hidden=true)}. */
  public boolean isHidden(String database, String table) {
    return "true".equals(metadataString(database, "SELECT CAST(hidden AS VARCHAR) FROM $tables WHERE name = ?", table));
  }

  public String docString(String database, String table) {
    return metadataString(database, "SELECT docstring FROM $tables WHERE name = ?", table);
  }

  private String metadataString(String database, String sql, String table) {
    Database db = requireDatabase(database);
    try (Connection c = openConnection();
        PreparedStatement ps = c.prepareStatement(sql.replace("$tables", db.qualify("$tables")))) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  // ---------------------------------------------------------------- extents

  @Override
  public Extent appendExtent(String database, String table, String selectSql, ExtentSpec spec) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      TableSchema schema = requireTable(database, table);
      String id = UUID.randomUUID().toString();
      Instant created = spec.creationTime() == null ? Instant.now() : spec.creationTime();
      long[] rows = new long[1];
      inTransaction(() -> {
        rows[0] = update("INSERT INTO " + schema.sqlReference() + " (" + columnList(schema) + ", "
            + TableSchema.EXTENT_COLUMN + ") SELECT *, " + quoteLiteral(id) + " FROM (" + selectSql + ")");
        insertExtentRow(db, id, table, rows[0], spec.originalSize(), created, spec.tags());
      });
      return new Extent(id, database, table, rows[0], spec.originalSize(), created, spec.tags());
    }
  }

  @Override
  public List<Extent> extents(String database, String table) {
    Database db = requireDatabase(database);
    try (Connection c = openConnection();
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

  /** One moved extent: its id in the source table and its new id in the destination. */
  public record MovedExtent(String originalId, String resultId) {}

  /**
   * Moves extents (rows and metadata, atomically) from {@code source} to {@code destination}, giving each a new
   * id as Kusto does. Every source column must exist in the destination with the same type.
   */
  public List<MovedExtent> moveExtents(String database, String source, List<String> extentIds, String destination,
      boolean setNewIngestionTime) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      TableSchema from = requireTable(database, source);
      TableSchema to = requireTable(database, destination);
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
      List<MovedExtent> moved = new ArrayList<>();
      inTransaction(() -> {
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
          exec("INSERT INTO " + to.sqlReference() + " (" + targetCols + TableSchema.EXTENT_COLUMN + ") SELECT "
              + sourceCols + quoteLiteral(newId) + " FROM " + from.sqlReference() + " WHERE "
              + TableSchema.EXTENT_COLUMN + " = " + quoteLiteral(id));
          exec("DELETE FROM " + from.sqlReference() + " WHERE " + TableSchema.EXTENT_COLUMN + " = " + quoteLiteral(id));
          exec("UPDATE " + db.qualify("$extents") + " SET id = " + quoteLiteral(newId) + ", table_name = "
              + quoteLiteral(destination) + ", seq = " + extentSequence.incrementAndGet()
              + (setNewIngestionTime ? ", created_on = " + timestampLiteral(Instant.now()) + ", ingested_at = "
                  + timestampLiteral(ingestionClock.next()) : "")
              + " WHERE id = " + quoteLiteral(id));
          moved.add(new MovedExtent(id, newId));
        }
      });
      return moved;
    }
  }

  /** Drops extents (rows and metadata) of a table; returns the dropped extents. */
  public List<Extent> dropExtents(String database, String table, List<String> extentIds) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      TableSchema schema = requireTable(database, table);
      Map<String, Extent> known = new LinkedHashMap<>();
      extents(database, table).forEach(e -> known.put(e.id(), e));
      List<Extent> dropped = new ArrayList<>();
      inTransaction(() -> {
        for (String id : extentIds) {
          Extent extent = known.get(id);
          if (extent == null) {
            continue;
          }
          exec("DELETE FROM " + schema.sqlReference() + " WHERE " + TableSchema.EXTENT_COLUMN + " = "
              + quoteLiteral(id));
          exec("DELETE FROM " + db.qualify("$extents") + " WHERE id = " + quoteLiteral(id));
          dropped.add(extent);
        }
      });
      return dropped;
    }
  }

  /** Replaces the tag list of the given extents (Kusto's drop-tags gives the extent a new id; kept here). */
  public void setExtentTags(String database, Map<String, List<String>> tagsByExtent) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      inTransaction(() -> tagsByExtent.forEach((id, tags) ->
          exec("UPDATE " + db.qualify("$extents") + " SET tags = " + quoteLiteral(toJson(tags)) + " WHERE id = "
              + quoteLiteral(id))));
    }
  }

  /** The table holding an extent id in a database, if any. */
  public Optional<Extent> findExtent(String database, String extentId) {
    for (TableSchema t : tables(database)) {
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
    exec("INSERT INTO " + db.qualify("$extents") + " (id, table_name, row_count, original_size, created_on, tags, seq,"
        + " ingested_at) VALUES (" + quoteLiteral(id) + ", " + quoteLiteral(table) + ", " + rows + ", " + originalSize
        + ", " + timestampLiteral(created) + ", " + quoteLiteral(toJson(tags)) + ", " + extentSequence.incrementAndGet()
        + ", " + timestampLiteral(ingestionClock.next()) + ")");
  }

  // ---------------------------------------------------------------- ingestion time

  @Override
  public Optional<String> extentCatalogSql(String database) {
    return findDatabase(database).map(db -> db.qualify("$extents"));
  }

  @Override
  public Optional<Instant> latestIngestionTime(String database) {
    Optional<Database> db = findDatabase(database);
    if (db.isEmpty()) {
      return Optional.empty();
    }
    try (Connection c = openConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(ingested_at) FROM " + db.get().qualify("$extents"))) {
      LocalDateTime latest = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
      return Optional.ofNullable(latest).map(t -> t.toInstant(ZoneOffset.UTC));
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  @Override
  public boolean ingestionTimePolicy(String database, String table) {
    // On unless set otherwise, as in Kusto.
    return policy(database, table, "ingestiontime").map(p -> !p.contains("\"IsEnabled\":false")).orElse(true);
  }

  // ---------------------------------------------------------------- policies

  /** A table policy as JSON text, if set. */
  public Optional<String> policy(String database, String table, String kind) {
    Database db = requireDatabase(database);
    try (Connection c = openConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT policy FROM " + db.qualify("$policies") + " WHERE entity = ? AND kind = ?")) {
      ps.setString(1, table);
      ps.setString(2, kind.toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  public void setPolicy(String database, String table, String kind, String policyJson) {
    synchronized (writeLock) {
      Database db = requireDatabase(database);
      requireTable(database, table);
      String k = kind.toLowerCase(Locale.ROOT);
      inTransaction(() -> {
        exec("DELETE FROM " + db.qualify("$policies") + " WHERE entity = " + quoteLiteral(table) + " AND kind = "
            + quoteLiteral(k));
        if (policyJson != null) {
          exec("INSERT INTO " + db.qualify("$policies") + " VALUES (" + quoteLiteral(table) + ", " + quoteLiteral(k)
              + ", " + quoteLiteral(policyJson) + ")");
        }
      });
    }
  }

  // ---------------------------------------------------------------- helpers

  private interface SqlWork {
    void run();
  }

  private void inTransaction(SqlWork work) {
    exec("BEGIN TRANSACTION");
    try {
      work.run();
      exec("COMMIT");
    } catch (RuntimeException e) {
      try (Statement s = writer.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException ignored) {
        // The original failure is what the caller needs to see.
      }
      throw e;
    }
  }

  private void exec(String sql) {
    try (Statement s = writer.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  private long update(String sql) {
    try (Statement s = writer.createStatement()) {
      return s.executeLargeUpdate(sql);
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  static KustoRequestException sqlFailure(SQLException e) {
    return new KustoRequestException(
        400, "General_BadRequest", "The store rejected the operation: " + e.getMessage(), true);
  }

  private static String columnList(TableSchema schema) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < schema.columns().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(TableSchema.sqlColumn(i));
    }
    return out.toString();
  }

  private static String columnsJson(List<ColumnSchema> columns) {
    List<List<String>> pairs = columns.stream().map(c -> List.of(c.name(), c.type().kustoName())).toList();
    return toJson(pairs);
  }

  private static List<ColumnSchema> parseColumns(String json) {
    try {
      List<List<String>> pairs = JSON.readValue(json, new TypeReference<List<List<String>>>() {});
      return pairs.stream().map(p -> new ColumnSchema(p.get(0), KustoType.parse(p.get(1)).orElseThrow())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt table metadata: " + json, e);
    }
  }

  private static List<String> parseTags(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt extent tags: " + json, e);
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String timestampLiteral(Instant instant) {
    return "CAST(" + quoteLiteral(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString()) + " AS TIMESTAMP)";
  }

  static String quoteIdent(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }

  static String quoteLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      try {
        for (Database db : databases.values()) {
          if (db.persistent()) {
            exec("CHECKPOINT " + quoteIdent(db.catalog()));
          }
        }
      } catch (RuntimeException ignored) {
        // Closing anyway; DuckDB's WAL keeps committed data.
      }
      try {
        writer.close();
        root.close();
      } catch (SQLException ignored) {
        // Nothing left to release.
      }
    }
  }

}
