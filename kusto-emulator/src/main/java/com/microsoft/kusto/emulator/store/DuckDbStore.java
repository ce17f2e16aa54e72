package com.microsoft.kusto.emulator.store;

import static com.microsoft.kusto.emulator.store.StoreSql.quoteIdent;
import static com.microsoft.kusto.emulator.store.StoreSql.quoteLiteral;
import static com.microsoft.kusto.emulator.store.StoreSql.sqlFailure;
import static com.microsoft.kusto.emulator.store.StoreSql.toJson;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * The emulator's store on one DuckDB instance: Kusto databases and tables with their columns, here; extents
 * ({@link ExtentLedger}) and table policies ({@link TablePolicies}) in their own classes, behind this one entry point.
 *
 * <p>A volatile database is a schema of the in-memory catalog; a persistent one is its own DuckDB file in the
 * persistence directory, attached at start. Each database keeps its metadata in hidden tables next to its data
 * ({@code $tables}, {@code $extents}, {@code $policies}), so DDL, data and extent bookkeeping commit in one
 * DuckDB transaction. Writers are serialized by one lock; readers get their own duplicated connection.
 */
public final class DuckDbStore implements ExtentStore, AutoCloseable {
  private static final String PERSISTENT_SUFFIX = ".kustodb";

  private final DuckDBConnection root;
  private final Connection writer;
  private final StoreSql sql;
  private final Object writeLock;
  private final ExtentLedger extents;
  private final TablePolicies policies;
  private final Path persistenceDir;
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();

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
    this.sql = new StoreSql(writer);
    this.writeLock = sql.writeLock;
    this.extents = new ExtentLedger(sql, this);
    this.policies = new TablePolicies(sql, this);
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
    extents.createTable(db);
    policies.createTable(db);
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
        extents.createTable(db);
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

  // ---------------------------------------------------------------- extents and policies (delegated)

  @Override
  public Extent appendExtent(String database, String table, String selectSql, ExtentSpec spec) {
    return extents.appendExtent(database, table, selectSql, spec);
  }

  @Override
  public List<Extent> extents(String database, String table) {
    return extents.extents(database, table);
  }

  /** One moved extent: its id in the source table and its new id in the destination. */
  public record MovedExtent(String originalId, String resultId) {}

  /**
   * Moves extents (rows and metadata, atomically) from {@code source} to {@code destination}, giving each a new
   * id as Kusto does; ingestion times are kept unless {@code setNewIngestionTime}.
   */
  public List<MovedExtent> moveExtents(String database, String source, List<String> extentIds, String destination,
      boolean setNewIngestionTime) {
    return extents.moveExtents(database, source, extentIds, destination, setNewIngestionTime);
  }

  /** Drops extents (rows and metadata) of a table; returns the dropped extents. */
  public List<Extent> dropExtents(String database, String table, List<String> extentIds) {
    return extents.dropExtents(database, table, extentIds);
  }

  /** Replaces the tag list of the given extents. */
  public void setExtentTags(String database, Map<String, List<String>> tagsByExtent) {
    extents.setExtentTags(database, tagsByExtent);
  }

  /** The extent with this id in a database, if any. */
  public Optional<Extent> findExtent(String database, String extentId) {
    return extents.findExtent(database, extentId);
  }

  @Override
  public Optional<String> extentCatalogSql(String database) {
    return extents.extentCatalogSql(database);
  }

  @Override
  public Optional<Instant> latestIngestionTime(String database) {
    return extents.latestIngestionTime(database);
  }

  @Override
  public boolean ingestionTimePolicy(String database, String table) {
    return policies.ingestionTimeEnabled(database, table);
  }

  /** A table policy as JSON text, if set. */
  public Optional<String> policy(String database, String table, String kind) {
    return policies.policy(database, table, kind);
  }

  public void setPolicy(String database, String table, String kind, String policyJson) {
    policies.setPolicy(database, table, kind, policyJson);
  }

  // ---------------------------------------------------------------- helpers

  private void inTransaction(StoreSql.SqlWork work) {
    sql.inTransaction(work);
  }

  private void exec(String statement) {
    sql.exec(statement);
  }

  private static String columnsJson(List<ColumnSchema> columns) {
    List<List<String>> pairs = columns.stream().map(c -> List.of(c.name(), c.type().kustoName())).toList();
    return toJson(pairs);
  }

  private static List<ColumnSchema> parseColumns(String json) {
    try {
      List<List<String>> pairs = StoreSql.JSON.readValue(json, new TypeReference<List<List<String>>>() {});
      return pairs.stream().map(p -> new ColumnSchema(p.get(0), KustoType.parse(p.get(1)).orElseThrow())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt table metadata: " + json, e);
    }
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
