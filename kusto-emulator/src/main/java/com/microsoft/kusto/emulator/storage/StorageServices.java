package com.microsoft.kusto.emulator.storage;

import com.microsoft.kusto.emulator.command.CommandExtension;
import com.microsoft.kusto.emulator.export.ExportQueryRunner;
import com.microsoft.kusto.emulator.export.ExportService;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.ingest.IngestionExecutor;
import com.microsoft.kusto.emulator.ingest.MappingCatalog;
import com.microsoft.kusto.emulator.ingest.MappingCommands;
import com.microsoft.kusto.emulator.ingest.QueuedIngestionLoop;
import com.microsoft.kusto.emulator.ingest.StreamingIngestion;
import com.microsoft.kusto.emulator.kql.CompiledQuery;
import com.microsoft.kusto.emulator.kql.KqlQueryEngine;
import com.microsoft.kusto.emulator.server.StreamingIngestHandler;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the storage side adds to a running emulator, built from the emulator's parts: the storage commands
 * (as a {@link CommandExtension}), the streaming-ingestion handler and the queued-ingestion loop (started here,
 * stopped by {@link #close()}). The emulator wires it in three lines.
 */
public final class StorageServices implements AutoCloseable {
  private final MappingCatalog mappings = new MappingCatalog();
  private final IngestionExecutor executor;
  private final StorageCommands commands;
  private final StreamingIngestion streaming;
  private final QueuedIngestionLoop queued;

  private StorageServices(
      AzuriteStorage storage, DuckDbStore store, OperationRegistry operations, Faults faults, int exportNodes) {
    executor = new IngestionExecutor(store, mappings, faults::shouldFailIngestion);
    KqlQueryEngine engine = new KqlQueryEngine(store);
    ExportQueryRunner runner =
        new ExportQueryRunner() {
          @Override
          public CompiledQuery compile(String database, String query, Map<String, String> parameters) {
            store.requireDatabase(database);
            return engine.compile(database, query, parameters);
          }

          @Override
          public Connection openConnection() {
            return store.openConnection();
          }
        };
    ExportService export =
        new ExportService(
            storage,
            runner,
            (name, database, work) ->
                operations.run(name, database, UUID.randomUUID().toString(), "kusto-emulator", work),
            faults::exportFailure,
            faults::exportStall,
            exportNodes);
    commands = new StorageCommands(storage, new MappingCommands(mappings, store), export);
    streaming = new StreamingIngestion(storage, executor);
    queued = new QueuedIngestionLoop(storage, executor);
  }

  /**
   * Builds the services and starts the queued-ingestion loop.
   *
   * @param exportNodes nodes of the emulated cluster, each writing its share of a distributed export
   */
  public static StorageServices start(
      AzuriteStorage storage, DuckDbStore store, OperationRegistry operations, Faults faults, int exportNodes) {
    StorageServices services = new StorageServices(storage, store, operations, faults, exportNodes);
    services.queued.start();
    return services;
  }

  /** The storage commands for the server's command dispatcher. */
  public CommandExtension commands() {
    return (database, text, ctx) -> commands.tryExecute(database, text, ctx.parameters());
  }

  /** The handler of {@code POST /v1/rest/ingest/{db}/{table}}. */
  public StreamingIngestHandler streamingIngestion() {
    return (database, table, parameters, body, ctx) -> streaming.ingest(database, table, parameters, body);
  }

  /** Named ingestion mappings. */
  public MappingCatalog mappings() {
    return mappings;
  }

  @Override
  public void close() {
    queued.close();
    executor.close();
  }
}
