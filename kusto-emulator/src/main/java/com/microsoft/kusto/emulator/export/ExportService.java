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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs {@code .export} commands: the query's SQL is written by DuckDB's COPY into local Parquet or CSV files, which
 * are uploaded to the given Azurite containers with the command's own credentials, so a wrong SAS or key fails like
 * it would in Kusto. Like a Kusto cluster, a distributed export (the default) has each node write its share of the
 * rows at the same time, so a large result arrives as several files; every writer also starts a new file at
 * {@code sizeLimit} (default 1 GB). {@code distributed=false} makes one writer. Sync exports answer {@code Path, NumRecords, SizeInBytes};
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
  private final int nodes;

  /**
   * @param injectedFailure fault hook ({@code Faults::exportFailure}): when present, exports fail with it
   * @param injectedStall fault hook ({@code Faults::exportStall}): exports wait this long before working
   * @param nodes nodes of the emulated cluster: how many writers a distributed export uses at most
   */
  public ExportService(
      AzuriteStorage storage,
      ExportQueryRunner runner,
      AsyncOperations operations,
      Supplier<Optional<String>> injectedFailure,
      Supplier<Duration> injectedStall,
      int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
    }
    this.nodes = nodes;
    this.storage = Objects.requireNonNull(storage, "storage");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.operations = Objects.requireNonNull(operations, "operations");
    this.injectedFailure = Objects.requireNonNull(injectedFailure, "injectedFailure");
    this.injectedStall = Objects.requireNonNull(injectedStall, "injectedStall");
  }

  /**
   * Executes the command; async commands return at once with the operation id.
   *
   * @param parameters the request's query parameters (name to literal text), for a query that declares them
   */
  public ResultTable execute(String database, ExportCommand command, Map<String, String> parameters) {
    ExportSettings settings = ExportSettings.of(command);
    // Compile before going async so that a bad query fails the command itself, as in Kusto.
    CompiledQuery query = runner.compile(database, command.query(), parameters);
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
      if (settings.includeHeader().equals("firstfile")) {
        for (int i = 1; i < files.size(); i++) {
          try {
            CsvHeaders.dropFirstLine(files.get(i), settings.csvGzip());
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the CSV header of " + files.get(i), e);
          }
        }
      }
      return upload(command, settings, query, files);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Writes the result as the cluster's nodes would: a distributed export first materializes the result in a
   * scratch table, then each node's slice is written by its own DuckDB connection, all at once; every writer starts
   * a new file at {@code sizeLimit}. Files come back ordered by node, then part, so "first file" is well defined.
   */
  private List<Path> writeFiles(CompiledQuery query, ExportSettings settings, Path dir) {
    String select = ExportSql.select(query, settings.parquet());
    if (!settings.distributed()) {
      copy(select, settings, dir.resolve("node_0"));
      return listFiles(dir.resolve("node_0"));
    }
    String scratch = ExportSql.scratchTable(UUID.randomUUID());
    try (Connection connection = runner.openConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + ExportSql.SCRATCH_SCHEMA);
      statement.execute("CREATE TABLE " + scratch + " AS " + select);
      long rows;
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + scratch)) {
        rs.next();
        rows = rs.getLong(1);
      }
      List<NodeSlices.Slice> slices = NodeSlices.of(rows, nodes);
      List<Path> files = new ArrayList<>();
      for (List<Path> nodeFiles : inParallel(slices, slices.size(), slice -> {
        Path out = dir.resolve("node_" + slice.node());
        copy("SELECT * FROM " + scratch + " WHERE rowid >= " + slice.firstRow() + " AND rowid < " + slice.endRow(),
            settings, out);
        return listFiles(out);
      })) {
        files.addAll(nodeFiles);
      }
      return files;
    } catch (SQLException e) {
      throw writeFailure(settings, e);
    } finally {
      dropQuietly(scratch);
    }
  }

  private void copy(String select, ExportSettings settings, Path out) {
    try (Connection connection = runner.openConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (" + select + ") TO " + ExportSql.literal(out.toString()) + " (" + settings.copyOptions() + ")");
    } catch (SQLException e) {
      throw writeFailure(settings, e);
    }
  }

  private static KustoRequestException writeFailure(ExportSettings settings, SQLException e) {
    return new KustoRequestException(
        400, "General_BadRequest", "Export failed while writing " + settings.format() + ": " + firstLine(e.getMessage()),
        true);
  }

  private void dropQuietly(String scratch) {
    try (Connection connection = runner.openConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + scratch);
    } catch (SQLException | RuntimeException ignored) {
      // a leftover scratch table only holds memory until the emulator stops
    }
  }

  /** A writer's files in part order; DuckDB writes none for an empty slice of a directory COPY. */
  private static List<Path> listFiles(Path out) {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(out)) {
      List<Path> files = new ArrayList<>(listing.filter(Files::isRegularFile).toList());
      files.sort(Comparator.comparing(ExportService::partNumber));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list exported files", e);
    }
  }

  /** Runs {@code work} for every item on {@code threads} threads and returns the results in item order. */
  private static <T, R> List<R> inParallel(List<T> items, int threads, Function<T, R> work) {
    if (items.size() <= 1 || threads <= 1) {
      List<R> results = new ArrayList<>();
      for (T item : items) {
        results.add(work.apply(item));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "kusto-emulator-export-node");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KustoRequestException(500, "General_InternalServerError", "Export was interrupted", false);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
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

  /** Uploads every file (in parallel, as the nodes would) and answers one row per file, in file order. */
  private ResultTable upload(ExportCommand command, ExportSettings settings, CompiledQuery query, List<Path> files) {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexes.add(i);
    }
    List<List<Object>> rows =
        inParallel(indexes, Math.min(nodes, Math.max(1, files.size())),
            i -> uploadOne(command, settings, query, files.get(i), i, runId));
    return ResultTable.of(RESULT_COLUMNS, rows);
  }

  private List<Object> uploadOne(
      ExportCommand command, ExportSettings settings, CompiledQuery query, Path file, int i, String runId) {
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
    return Arrays.asList(path, countRecords(file, settings, query, header), size);
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
