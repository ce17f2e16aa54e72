package com.microsoft.kusto.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The store's one writer connection, shared by its parts (catalog, extents, policies): writes hold {@link #writeLock}
 * so that DDL, data and bookkeeping commit together in one DuckDB transaction; plus the SQL text helpers they use.
 */
final class StoreSql {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Serializes writers; readers use their own duplicated connections. */
  final Object writeLock = new Object();
  private final Connection writer;

  StoreSql(Connection writer) {
    this.writer = writer;
  }

  /** The writer connection, for reads that must see the writer's own uncommitted work. */
  Connection writer() {
    return writer;
  }

  interface SqlWork {
    void run();
  }

  void inTransaction(SqlWork work) {
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

  void exec(String sql) {
    try (Statement s = writer.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  long update(String sql) {
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

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String timestampLiteral(Instant instant) {
    return "CAST(" + quoteLiteral(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString()) + " AS TIMESTAMP)";
  }

  static String quoteIdent(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }

  static String quoteLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
