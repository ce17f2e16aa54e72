package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.ExtentSpec;
import com.microsoft.kusto.emulator.store.ExtentStore;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one local data file into a table as one extent, the step shared by queued and streaming ingestion:
 * honours {@code ingestIfNotExists}, resolves the mapping, builds the loading SELECT and appends it to the store.
 */
public final class IngestionExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestionExecutor.class);
  /** Error code of failures injected through the fault hook. */
  public static final String INJECTED_FAILURE_CODE = "BadRequest_InvalidBlob";

  private final ExtentStore store;
  private final MappingCatalog mappings;
  private final Predicate<String> injectedFailure;
  private final DataFileInspector inspector = new DataFileInspector();

  /**
   * @param injectedFailure fault hook (E-server's {@code Faults::shouldFailIngestion}): sources it accepts fail
   *     permanently with {@value #INJECTED_FAILURE_CODE}
   */
  public IngestionExecutor(ExtentStore store, MappingCatalog mappings, Predicate<String> injectedFailure) {
    this.store = Objects.requireNonNull(store, "store");
    this.mappings = Objects.requireNonNull(mappings, "mappings");
    this.injectedFailure = Objects.requireNonNull(injectedFailure, "injectedFailure");
  }

  public ExtentStore store() {
    return store;
  }

  public MappingCatalog mappings() {
    return mappings;
  }

  /**
   * Ingests {@code file} (gzip or not) into {@code database.table}.
   *
   * @param source where the data came from (blob URL without SAS, or {@code stream:<db>/<table>}), for the fault hook and the SourceLocation
   *     mapping transformation
   * @throws IngestionSkippedException when {@code ingestIfNotExists} matched an existing {@code ingest-by:} tag
   * @throws KustoRequestException when the data or the request is bad (permanent) or the store refused it
   */
  public Extent ingest(String database, String table, Path file, IngestionProperties properties, String source) {
    if (injectedFailure.test(source)) {
      throw new KustoRequestException(
          400, INJECTED_FAILURE_CODE, "Injected ingestion failure for source '" + source + "'", true);
    }
    TableSchema schema = requireTable(database, table);
    checkIngestIfNotExists(database, table, properties);
    Optional<IngestionMapping> mapping = resolveMapping(schema, properties);
    long size;
    boolean gzip;
    int csvFields = 0;
    Map<String, String> parquetColumns = Map.of();
    try {
      size = Files.size(file);
      if (size == 0) {
        throw KustoRequestException.badRequest(
            "BadRequest_EmptyBlob", "The data of ingestion source '" + source + "' is empty");
      }
      gzip = DataFileInspector.isGzip(file);
      if (properties.format().delimiter().isPresent()) {
        csvFields = DataFileInspector.firstRecordFieldCount(file, gzip, properties.format().delimiter().get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ingestion data file " + file, e);
    }
    if (properties.format() == DataFormat.PARQUET) {
      if (gzip) {
        throw KustoRequestException.badRequest(
            "BadRequest_InvalidBlob", "Parquet data from '" + source + "' is gzip-compressed; send plain Parquet");
      }
      parquetColumns = inspector.parquetColumns(file);
    }
    LoadSqlBuilder.Source sqlSource =
        new LoadSqlBuilder.Source(
            file, gzip, properties.format(), properties.ignoreFirstRecord(), csvFields, parquetColumns, source);
    String select = LoadSqlBuilder.build(schema, sqlSource, mapping);
    ExtentSpec spec = new ExtentSpec(properties.tags(), properties.creationTime().orElse(Instant.now()), size);
    try {
      Extent extent = store.appendExtent(database, table, select, spec);
      LOG.debug("Ingested {} rows from {} into {}.{}", extent.rowCount(), source, database, table);
      return extent;
    } catch (KustoRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlob",
          "Cannot load the " + properties.format().kustoName() + " data of '" + source + "' into table '" + table
              + "': " + DataFileInspector.firstLine(rootMessage(e)));
    }
  }

  private TableSchema requireTable(String database, String table) {
    if (!store.databaseExists(database)) {
      throw KustoRequestException.badRequest(
          "BadRequest_DatabaseNotExist", "Database '" + database + "' does not exist; create it first");
    }
    return store
        .findTable(database, table)
        .orElseThrow(
            () ->
                KustoRequestException.badRequest(
                    "BadRequest_TableNotExist",
                    "Table '" + table + "' does not exist in database '" + database + "'; create it with"
                        + " .create table " + table + " (...)"));
  }

  private void checkIngestIfNotExists(String database, String table, IngestionProperties properties) {
    if (properties.ingestIfNotExists().isEmpty()) {
      return;
    }
    for (Extent extent : store.extents(database, table)) {
      for (String tag : extent.tags()) {
        for (String value : properties.ingestIfNotExists()) {
          if (tag.equals("ingest-by:" + value)) {
            throw new IngestionSkippedException(
                "Ingestion skipped: an extent of table '" + table + "' already has tag 'ingest-by:" + value
                    + "' named in ingestIfNotExists");
          }
        }
      }
    }
  }

  private Optional<IngestionMapping> resolveMapping(TableSchema schema, IngestionProperties properties) {
    if (properties.inlineMapping().isPresent()) {
      return properties.inlineMapping();
    }
    return properties
        .mappingReference()
        .map(name -> mappings.require(schema, properties.format().mappingKind(), name));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  @Override
  public void close() {
    inspector.close();
  }
}
