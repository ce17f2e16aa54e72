package com.microsoft.kusto.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.BlobLocation;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.KustoType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Streaming ingestion: {@code POST /v1/rest/ingest/{db}/{table}?streamFormat=..[&mappingName=..][&sourceKind=uri]}.
 * The body is the data (gzip or not — sniffed, since the SDK sends {@code Content-Encoding: gzip} even for raw
 * Parquet) or, with {@code sourceKind=uri}, JSON {@code {"sourceUri": "<blob url with SAS>"}}.
 */
public final class StreamingIngestion {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ColumnSchema> RESULT_COLUMNS =
      List.of(
          new ColumnSchema("ConsumedRecordsCount", KustoType.LONG),
          new ColumnSchema("UpdatePolicyStatus", KustoType.STRING),
          new ColumnSchema("UpdatePolicyFailureCode", KustoType.STRING),
          new ColumnSchema("UpdatePolicyFailureReason", KustoType.STRING));

  private final IngestionExecutor executor;
  private final BlobDownloader downloader;

  public StreamingIngestion(AzuriteStorage storage, IngestionExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.downloader = new BlobDownloader(Objects.requireNonNull(storage, "storage"));
  }

  /**
   * Ingests one streaming request and returns the answer table; errors are permanent {@link KustoRequestException}s
   * (bad format, unknown table or mapping, bad data), so the managed client does not retry them.
   *
   * @param queryParameters the request's decoded query parameters (names matched case-insensitively)
   */
  public ResultTable ingest(String database, String table, Map<String, String> queryParameters, InputStream body) {
    Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    params.putAll(queryParameters);
    String format = params.get("streamFormat");
    if (format == null || format.isBlank()) {
      throw KustoRequestException.badRequest(
          "BadRequest_FormatNotSupported", "Streaming ingestion needs the 'streamFormat' query parameter (e.g. csv)");
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("format", format);
    String mappingName = params.get("mappingName");
    if (mappingName != null && !mappingName.isBlank()) {
      properties.put("ingestionMappingReference", mappingName);
    }
    IngestionProperties ingestionProperties = IngestionProperties.fromMap(properties, true);
    boolean fromBlob = "uri".equalsIgnoreCase(params.getOrDefault("sourceKind", ""));
    Path file = null;
    try {
      String source;
      if (fromBlob) {
        BlobLocation blob = BlobLocation.parse(sourceUri(body));
        source = blob.withoutSas();
        file = downloader.download(blob);
      } else {
        source = "stream:" + database + "/" + table;
        file = Files.createTempFile("kusto-emulator-stream-", ".data");
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Extent extent = executor.ingest(database, table, file, ingestionProperties, source);
      List<List<Object>> rows = new ArrayList<>();
      rows.add(Arrays.asList(extent.rowCount(), "Inactive", "Unknown", null));
      return ResultTable.of(RESULT_COLUMNS, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the streaming ingestion body", e);
    } catch (IngestionSkippedException e) {
      throw new IllegalStateException("unreachable: streaming ingestion has no ingestIfNotExists", e);
    } finally {
      if (file != null) {
        BlobDownloader.deleteQuietly(file);
      }
    }
  }

  private static String sourceUri(InputStream body) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlobUri", "Streaming ingestion from a blob needs a JSON body {\"sourceUri\": \"...\"}");
    }
    if (node != null) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().equalsIgnoreCase("sourceUri") && e.getValue().isTextual()) {
          return e.getValue().asText();
        }
      }
    }
    throw KustoRequestException.badRequest(
        "BadRequest_EmptyBlobUri", "Streaming ingestion from a blob: the JSON body has no 'sourceUri'");
  }
}
