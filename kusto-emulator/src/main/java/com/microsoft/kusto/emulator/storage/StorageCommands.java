package com.microsoft.kusto.emulator.storage;

import com.microsoft.kusto.emulator.export.ExportCommand;
import com.microsoft.kusto.emulator.export.ExportService;
import com.microsoft.kusto.emulator.ingest.MappingCommands;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The storage-related management commands, asked by the server's dispatcher before its own:
 * {@code .show ingestion resources} (or {@code .get}, as the data-management service also spells it), {@code .get kusto identity token}, {@code .show export containers},
 * {@code .create tempstorage}, {@code .export ...} and the ingestion-mapping commands.
 */
public final class StorageCommands {
  private static final Pattern SHOW_INGESTION_RESOURCES = Pattern.compile("(?is)\\s*\\.(?:show|get)\\s+ingestion\\s+resources\\s*");
  private static final Pattern GET_IDENTITY_TOKEN = Pattern.compile("(?is)\\s*\\.get\\s+kusto\\s+identity\\s+token\\s*");
  private static final Pattern SHOW_EXPORT_CONTAINERS = Pattern.compile("(?is)\\s*\\.show\\s+export\\s+containers\\s*");
  /** The export storage a cluster manages itself: answered as {@code .show export containers} is. */
  private static final Pattern CREATE_TEMPSTORAGE = Pattern.compile("(?is)\\s*\\.create\\s+tempstorage\\s*");
  /** The opaque value the SDK copies into every queue message; the emulator does not check it back. */
  static final String IDENTITY_TOKEN = "kusto-emulator-identity-token";

  private final AzuriteStorage storage;
  private final MappingCommands mappings;
  private final ExportService export;

  public StorageCommands(AzuriteStorage storage, MappingCommands mappings, ExportService export) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.mappings = Objects.requireNonNull(mappings, "mappings");
    this.export = Objects.requireNonNull(export, "export");
  }

  /**
   * Executes the command if it is one of the storage commands; empty means "not mine".
   *
   * @param parameters the request's query parameters, for an exported query that declares them
   */
  public Optional<ResultTable> tryExecute(String database, String commandText, Map<String, String> parameters) {
    if (SHOW_INGESTION_RESOURCES.matcher(commandText).matches()) {
      return Optional.of(ingestionResources());
    }
    if (GET_IDENTITY_TOKEN.matcher(commandText).matches()) {
      return Optional.of(
          table(List.of(new ColumnSchema("AuthorizationContext", KustoType.STRING)), List.of(List.of(IDENTITY_TOKEN))));
    }
    if (SHOW_EXPORT_CONTAINERS.matcher(commandText).matches() || CREATE_TEMPSTORAGE.matcher(commandText).matches()) {
      return Optional.of(
          table(
              List.of(new ColumnSchema("StorageRoot", KustoType.STRING)),
              List.of(List.of(storage.containerUrlWithSas(AzuriteStorage.EXPORT_CONTAINER)))));
    }
    Optional<ExportCommand> exportCommand = ExportCommand.parse(commandText);
    if (exportCommand.isPresent()) {
      return Optional.of(export.execute(database, exportCommand.get(), parameters));
    }
    return mappings.tryExecute(database, commandText);
  }

  private ResultTable ingestionResources() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList("TempStorage", storage.containerUrlWithSas(AzuriteStorage.TEMP_CONTAINER)));
    rows.add(Arrays.asList("SecuredReadyForAggregationQueue", storage.queueUrlWithSas(AzuriteStorage.READY_QUEUE)));
    rows.add(Arrays.asList("SuccessfulIngestionsQueue", storage.queueUrlWithSas(AzuriteStorage.SUCCESS_QUEUE)));
    rows.add(Arrays.asList("FailedIngestionsQueue", storage.queueUrlWithSas(AzuriteStorage.FAILURE_QUEUE)));
    rows.add(Arrays.asList("IngestionsStatusTable", storage.tableUrlWithSas(AzuriteStorage.STATUS_TABLE)));
    return table(
        List.of(new ColumnSchema("ResourceTypeName", KustoType.STRING), new ColumnSchema("StorageRoot", KustoType.STRING)),
        rows);
  }

  private static ResultTable table(List<ColumnSchema> columns, List<List<Object>> rows) {
    return ResultTable.of(columns, rows);
  }
}
