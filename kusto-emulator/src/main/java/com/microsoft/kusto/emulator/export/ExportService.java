package com.microsoft.kusto.emulator.export;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.CompiledQuery;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.DevStorageAccount;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs {@code .export} commands: the query's SQL is written by DuckDB's COPY into local Parquet or CSV files (split
 * by {@code sizeLimit}), which are uploaded to the given Azurite containers with the command's own credentials, so
 * a wrong SAS or key fails like it would in Kusto. Sync exports answer {@code Path, NumRecords, SizeInBytes};
 * async ones an {@code OperationId} whose details are those rows.
 */
public final class ExportService {
  static final List<ColumnSchema> RESULT_COLUMNS =
      List.of(
          new ColumnSchema("Path", KustoType.STRING),
          new ColumnSchema("NumRecords", KustoType.LONG),
          new ColumnSchema("SizeInBytes", KustoType.LONG));
  private static final List<ColumnSchema> ASYNC_COLUMNS = List.of(new ColumnSchema("OperationId", KustoType.GUID));
  private final AzuriteStorage storage;
  private final ExportQueryRunner runner;
  private final AsyncOperations operations;
  private final Supplier<Optional<String>> injectedFailure;
  private final Supplier<Duration> injectedStall;

  /**
   * @param injectedFailure fault hook ({@code Faults::exportFailure}): when present, exports fail with it
   * @param injectedStall fault hook ({@code Faults::exportStall}): exports wait this long before working
   */
  public ExportService(
      AzuriteStorage storage,
      ExportQueryRunner runner,
      AsyncOperations operations,
      Supplier<Optional<String>> injectedFailure,
      Supplier<Duration> injectedStall) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.operations = Objects.requireNonNull(operations, "operations");
    this.injectedFailure = Objects.requireNonNull(injectedFailure, "injectedFailure");
    this.injectedStall = Objects.requireNonNull(injectedStall, "injectedStall");
  }

  /** Executes the command; async commands return at once with the operation id. */
  public ResultTable execute(String database, ExportCommand command) {
    ExportSettings settings = ExportSettings.of(command);
    // Compile before going async so that a bad query fails the command itself, as in Kusto.
    CompiledQuery query = runner.compile(database, command.query());
    if (!command.async()) {
      return run(command, settings, query);
    }
    String id = operations.run("DataExportCommand", database, () -> run(command, settings, query));
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of(UUID.fromString(id)));
    return ResultTable.of(ASYNC_COLUMNS, rows);
  }

  private ResultTable run(ExportCommand command, ExportSettings settings, CompiledQuery query) {
    Duration stall = injectedStall.get();
    if (!stall.isZero() && !stall.isNegative()) {
      try {
        Thread.sleep(stall.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KustoRequestException(500, "General_InternalServerError", "Export was interrupted", false);
      }
    }
    Optional<String> failure = injectedFailure.get();
    if (failure.isPresent()) {
      throw new KustoRequestException(500, "General_InternalServerError", failure.get(), false);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("kusto-emulator-export-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for an export", e);
    }
    try {
      List<Path> files = writeFiles(query, settings, dir);
      return upload(command, settings, query, files);
    } finally {
      deleteTree(dir);
    }
  }

  private List<Path> writeFiles(CompiledQuery query, ExportSettings settings, Path dir) {
    String select = ExportSql.select(query, settings.parquet());
    String options = settings.copyOptions();
    String target =
        settings.sizeLimit().isPresent()
            ? dir.resolve("out").toString()
            : dir.resolve("out").resolve("part_0" + settings.localExtension()).toString();
    try (Connection connection = runner.openConnection();
        Statement statement = connection.createStatement()) {
      if (settings.sizeLimit().isEmpty()) {
        Files.createDirectories(dir.resolve("out"));
      }
      statement.execute("COPY (" + select + ") TO " + ExportSql.literal(target) + " (" + options + ")");
    } catch (SQLException e) {
      throw new KustoRequestException(
          400, "General_BadRequest", "Export failed while writing " + settings.format() + ": " + firstLine(e.getMessage()), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> listing = Files.list(dir.resolve("out"))) {
      List<Path> files = new ArrayList<>(listing.filter(Files::isRegularFile).toList());
      files.sort(Comparator.comparing(ExportService::partNumber));
      if (settings.includeHeader().equals("firstfile")) {
        for (int i = 1; i < files.size(); i++) {
          CsvHeaders.dropFirstLine(files.get(i), settings.csvGzip());
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list exported files", e);
    }
  }

  private static int partNumber(Path file) {
    String name = file.getFileName().toString();
    String digits = name.replaceAll("^part_(\\d+).*$", "$1");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private ResultTable upload(ExportCommand command, ExportSettings settings, CompiledQuery query, List<Path> files) {
    List<List<Object>> rows = new ArrayList<>();
    String runId = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      ExportTarget target = command.targets().get(i % command.targets().size());
      String folder = target.location().blobName();
      String blobName =
          (folder.isEmpty() ? "" : folder.endsWith("/") ? folder : folder + "/")
              + settings.namePrefix() + "_" + runId + "_" + i + settings.blobExtension();
      BlobContainerClient container = containerClient(target);
      try {
        container.getBlobClient(blobName).uploadFromFile(file.toString(), true);
      } catch (BlobStorageException e) {
        throw new KustoRequestException(
            e.getStatusCode() == 403 ? 403 : 400,
            "General_BadRequest",
            "Export could not write to storage '" + target + "': HTTP " + e.getStatusCode() + " " + e.getErrorCode()
                + (e.getStatusCode() == 403 ? " (check the SAS permissions or account key)" : ""),
            true);
      }
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String path = target.location().containerUrl() + "/" + blobName;
      boolean header =
          settings.includeHeader().equals("all") || settings.includeHeader().equals("firstfile") && i == 0;
      rows.add(Arrays.asList(path, countRecords(file, settings, query, header), size));
    }
    return ResultTable.of(RESULT_COLUMNS, rows);
  }

  private BlobContainerClient containerClient(ExportTarget target) {
    String endpoint = storage.process().blobEndpoint() + "/" + target.location().container();
    BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(endpoint);
    storage.httpClient().ifPresent(builder::httpClient);
    if (target.sas().isPresent()) {
      builder.sasToken(target.sas().get());
    } else {
      builder.credential(new StorageSharedKeyCredential(DevStorageAccount.NAME, target.accountKey().orElseThrow()));
    }
    return builder.buildClient();
  }

  private long countRecords(Path file, ExportSettings settings, CompiledQuery query, boolean header) {
    String source = settings.parquet() ? "read_parquet(" + ExportSql.literal(file.toString()) + ")" : ExportSql.readCsv(file, query, settings, header);
    try (Connection connection = runner.openConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + source)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the records of exported file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // leftover temporary files are harmless
    }
  }
}
