package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Looks at a local data file before it is loaded: whether it is gzip (by magic bytes, never by name or header),
 * how many fields the first CSV record has, and a Parquet file's column types (asked of a private in-memory
 * DuckDB, so the store's connection is not used for it).
 */
final class DataFileInspector implements AutoCloseable {
  private final Connection duckDb;

  DataFileInspector() {
    try {
      duckDb = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = duckDb.createStatement()) {
        s.execute("SET autoinstall_known_extensions=false");
        s.execute("SET autoload_known_extensions=false");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open an in-memory DuckDB to inspect data files", e);
    }
  }

  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** Fields in the first record (quotes honoured, a quoted field may span lines); 0 for an empty file. */
  static int firstRecordFieldCount(Path file, boolean gzip, char delimiter) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      int fields = 1;
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = reader.read()) != -1) {
        any = true;
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == delimiter) {
          fields++;
        } else if (!quoted && (c == '\n' || c == '\r')) {
          break;
        }
      }
      return any ? fields : 0;
    }
  }

  /** The Parquet file's columns and their DuckDB types, in file order. */
  synchronized Map<String, String> parquetColumns(Path file) {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement s = duckDb.createStatement();
        ResultSet rs =
            s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + LoadSqlBuilder.literal(file.toString()) + ")")) {
      while (rs.next()) {
        columns.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    } catch (SQLException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlob", "The data is not a readable Parquet file: " + firstLine(e.getMessage()));
    }
    return columns;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public synchronized void close() {
    try {
      duckDb.close();
    } catch (SQLException ignored) {
      // closing an in-memory database cannot lose anything
    }
  }
}
