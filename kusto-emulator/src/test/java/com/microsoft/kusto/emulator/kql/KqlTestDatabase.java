package com.microsoft.kusto.emulator.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.SchemaCatalog;
import com.microsoft.kusto.emulator.store.TableSchema;
import com.microsoft.kusto.emulator.strict.KqlCheckResult;
import com.microsoft.kusto.emulator.strict.KqlSyntaxChecker;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-memory DuckDB database with stored tables laid out as {@link TableSchema} describes (columns c0..cN in
 * storage representation plus the extent column), a {@link SchemaCatalog} over them, and a runner that compiles
 * KQL with {@link KqlQueryEngine}, executes the SQL and reads the rows back as Java values per Kusto type.
 *
 * <p>Every query text run here is first checked with Microsoft's KQL parser, so the emulator's subset is real KQL,
 * and its result schema (column names and types) must equal the one Microsoft's language service infers.
 */
final class KqlTestDatabase implements AutoCloseable {
  static final String DB = "db";

  private static KqlSyntaxChecker checker;
  private static KustoLanguageService languageService;

  private final Connection connection;
  private final Map<String, TableSchema> tables = new LinkedHashMap<>();
  private final KqlQueryEngine engine;

  KqlTestDatabase() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = connection.createStatement()) {
        s.execute("SET autoinstall_known_extensions=false");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    engine = new KqlQueryEngine(catalog());
  }

  /**
   * The sample table {@code T} used across the KQL tests. Row 3 holds nulls; strings are '' rather than null, as
   * Kusto stores them.
   */
  static KqlTestDatabase withSampleTable() {
    KqlTestDatabase db = new KqlTestDatabase();
    db.createTable(
        "T",
        "s:string, n:int, l:long, r:real, ts:datetime, d:dynamic, dec:decimal, sp:timespan, g:guid, b:bool",
        "('North America', 1, 10, 1.5, '2024-01-01 00:30:00', '{\"a\":1,\"b\":\"x\",\"arr\":[1,2]}', 1.25, 36000000000,"
            + " '00000000-0000-0000-0000-000000000001', true)",
        "('south-america', 2, 20, -2.0, '2024-01-01 01:15:00', '{\"a\":2}', 2.5, 18000000000,"
            + " '00000000-0000-0000-0000-000000000002', false)",
        "('Europe', 3, NULL, NULL, '2024-01-02 00:00:00', NULL, NULL, NULL, NULL, NULL)",
        "('', NULL, 40, 4.0, NULL, '[10,20]', 0.5, 1728000000000, '00000000-0000-0000-0000-000000000004', true)",
        "('AMERICAN', 5, 50, 5.5, '2023-12-31 23:59:59.999999', '{\"a\":\"5\"}', -1, -100000000,"
            + " '00000000-0000-0000-0000-000000000005', false)");
    return db;
  }

  /** Creates table {@code name} with a CSL schema and rows given as SQL tuples in column order. */
  void createTable(String name, String cslSchema, String... rows) {
    List<ColumnSchema> columns = new ArrayList<>();
    for (String part : cslSchema.split(",")) {
      String[] nameType = part.trim().split(":");
      columns.add(new ColumnSchema(nameType[0].trim(), KustoType.parse(nameType[1]).orElseThrow()));
    }
    String physical = "\"tbl_" + tables.size() + "\"";
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + physical + " (");
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(TableSchema.sqlColumn(i)).append(' ').append(columns.get(i).type().duckDbType()).append(", ");
    }
    ddl.append(TableSchema.EXTENT_COLUMN).append(" VARCHAR)");
    try (Statement s = connection.createStatement()) {
      s.execute(ddl.toString());
      for (String row : rows) {
        String values = row.trim().substring(0, row.trim().length() - 1) + ", 'extent-1')";
        s.execute("INSERT INTO " + physical + " VALUES " + values);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    tables.put(name, new TableSchema(DB, name, columns, physical));
  }

  List<TableSchema> tables() {
    return List.copyOf(tables.values());
  }

  KqlQueryEngine engine() {
    return engine;
  }

  Result run(String kql) {
    return run(kql, Map.of());
  }

  Result run(String kql, Map<String, String> parameters) {
    assertValidKql(kql);
    Result result = execute(engine.compile(DB, kql, parameters));
    assertThat(result.schema())
        .as("result schema of [%s] as Microsoft's KQL language service infers it", kql)
        .isEqualTo(languageService().resultSchema(kql, tables()));
    return result;
  }

  /** The single value of a one-row, one-column result. */
  Object value(String kql) {
    Result r = run(kql);
    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0)).hasSize(1);
    return r.rows().get(0).get(0);
  }

  /** Runs the compiled SQL and checks each SQL column has the storage type of its Kusto type. */
  Result execute(CompiledQuery query) {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query.sql())) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(meta.getColumnCount()).as("SQL columns of %s", query.sql()).isEqualTo(query.columns().size());
      for (int i = 0; i < query.columns().size(); i++) {
        assertThat(meta.getColumnLabel(i + 1)).isEqualTo("c" + i);
        assertThat(meta.getColumnTypeName(i + 1))
            .as("storage type of column %s in %s", query.columns().get(i), query.sql())
            .isEqualTo(query.columns().get(i).type().duckDbType());
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < query.columns().size(); i++) {
          row.add(read(rs, i + 1, query.columns().get(i).type()));
        }
        rows.add(row);
      }
      return new Result(query.columns(), rows, query.sql());
    } catch (SQLException e) {
      throw new AssertionError("DuckDB rejected the SQL compiled from KQL: " + e.getMessage() + "\n" + query.sql(), e);
    }
  }

  private static Object read(ResultSet rs, int i, KustoType type) throws SQLException {
    Object value =
        switch (type) {
          case BOOL -> rs.getBoolean(i);
          case INT -> rs.getInt(i);
          case LONG -> rs.getLong(i);
          case REAL -> rs.getDouble(i);
          case DECIMAL -> rs.getBigDecimal(i);
          case DATETIME -> rs.getObject(i, LocalDateTime.class);
          case TIMESPAN -> Duration.ofNanos(rs.getLong(i) * 100);
          case STRING, DYNAMIC -> rs.getString(i);
          case GUID -> rs.getString(i) == null ? null : UUID.fromString(rs.getString(i));
        };
    if (rs.wasNull()) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros();
    }
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    return value;
  }

  static void assertValidKql(String kql) {
    KqlCheckResult check = checker().checkSyntax(kql);
    assertThat(check.isValid()).as("Microsoft's KQL parser accepts [%s]: %s", kql, check.describeErrors()).isTrue();
  }

  static synchronized KustoLanguageService languageService() {
    if (languageService == null) {
      languageService = new KustoLanguageService();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          languageService.close();
        } catch (Exception e) {
          // the JVM is exiting; the Node process ends with its stdin
        }
      }));
    }
    return languageService;
  }

  static synchronized KqlSyntaxChecker checker() {
    if (checker == null) {
      checker = KqlSyntaxChecker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(checker::close));
    }
    return checker;
  }

  private SchemaCatalog catalog() {
    return new SchemaCatalog() {
      @Override
      public Optional<TableSchema> findTable(String database, String table) {
        return database.equals(DB) ? Optional.ofNullable(tables.get(table)) : Optional.empty();
      }

      @Override
      public List<TableSchema> tables(String database) {
        return database.equals(DB) ? List.copyOf(tables.values()) : List.of();
      }

      @Override
      public boolean databaseExists(String database) {
        return database.equals(DB);
      }
    };
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of a query result with its Kusto schema. */
  record Result(List<ColumnSchema> columns, List<List<Object>> rows, String sql) {
    List<String> schema() {
      List<String> out = new ArrayList<>();
      for (ColumnSchema c : columns) {
        out.add(c.cslSchema());
      }
      return out;
    }

    /** Values of one column, in row order. */
    List<Object> column(int index) {
      List<Object> out = new ArrayList<>();
      for (List<Object> row : rows) {
        out.add(row.get(index));
      }
      return out;
    }
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static Instant instant(String iso) {
    return Instant.parse(iso);
  }
}
