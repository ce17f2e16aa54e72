package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code with (...)} properties of an export, validated, and the DuckDB COPY options they mean. */
record ExportSettings(
    String format,
    boolean compressed,
    String compression,
    Optional<Long> sizeLimit,
    String namePrefix,
    String includeHeader,
    Optional<String> fileExtension) {
  private static final Set<String> SUPPORTED =
      Set.of("sizelimit", "nameprefix", "compressiontype", "includeheader", "fileextension", "encoding");
  /** Properties that tune how Kusto spreads the export work; the single-node emulator has nothing to tune. */
  private static final Set<String> IGNORED =
      Set.of("usenativeparquetwriter", "distributed", "distribution", "spread", "concurrency", "persistdetails",
          "parquetrowgroupsize");
  private static final Set<String> PARQUET_CODECS = Set.of("snappy", "gzip", "lz4", "zstd", "none");

  static ExportSettings of(ExportCommand command) {
    for (Map.Entry<String, String> e : command.properties().entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (!SUPPORTED.contains(key) && !IGNORED.contains(key)) {
        throw KustoRequestException.unsupported("export property '" + e.getKey() + "'");
      }
    }
    boolean parquet = command.format().equals("parquet");
    String compressionType = command.property("compressionType").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
    String compression;
    if (parquet) {
      if (compressionType != null) {
        if (!PARQUET_CODECS.contains(compressionType)) {
          throw KustoRequestException.badRequest(
              "General_BadRequest",
              "Export property compressionType='" + compressionType + "' is not a Parquet codec; use snappy, gzip,"
                  + " lz4, zstd or none");
        }
        compression = compressionType.equals("none") ? "uncompressed" : compressionType;
      } else {
        compression = command.compressed() ? "snappy" : "uncompressed";
      }
    } else {
      if (compressionType != null && !compressionType.equals("gzip") && !compressionType.equals("none")) {
        throw KustoRequestException.badRequest(
            "General_BadRequest",
            "Export property compressionType='" + compressionType + "' is not supported for csv; use gzip or none");
      }
      compression = command.compressed() && !"none".equals(compressionType) ? "gzip" : "none";
    }
    Optional<Long> sizeLimit =
        command
            .property("sizeLimit")
            .map(
                s -> {
                  try {
                    long value = Long.parseLong(s.trim());
                    if (value <= 0) {
                      throw new NumberFormatException();
                    }
                    return value;
                  } catch (NumberFormatException e) {
                    throw KustoRequestException.badRequest(
                        "General_BadRequest", "Export property sizeLimit='" + s + "' must be a positive number of bytes");
                  }
                });
    String includeHeader = command.property("includeHeader").orElse("none").toLowerCase(Locale.ROOT);
    if (!includeHeader.equals("none") && !includeHeader.equals("all") && !includeHeader.equals("firstfile")) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "Export property includeHeader='" + includeHeader + "' must be none, firstFile or all");
    }
    Optional<String> encoding = command.property("encoding");
    if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("utf8") && !encoding.get().equalsIgnoreCase("utf-8")) {
      throw KustoRequestException.unsupported("export encoding '" + encoding.get() + "' (only UTF8)");
    }
    return new ExportSettings(
        command.format(),
        command.compressed() || !compression.equals("none") && !compression.equals("uncompressed"),
        compression,
        sizeLimit,
        command.property("namePrefix").filter(s -> !s.isBlank()).orElse("export"),
        includeHeader,
        command.property("fileExtension").filter(s -> !s.isBlank()));
  }

  boolean parquet() {
    return format.equals("parquet");
  }

  boolean csvGzip() {
    return !parquet() && compression.equals("gzip");
  }

  /** DuckDB COPY options. Small row groups when splitting, since DuckDB checks the file size per row group. */
  String copyOptions() {
    StringBuilder options = new StringBuilder();
    if (parquet()) {
      options.append("FORMAT parquet, COMPRESSION ").append(compression);
      sizeLimit.ifPresent(limit -> options.append(", ROW_GROUP_SIZE ").append(rowGroupRows(limit)));
    } else {
      options
          .append("FORMAT csv, HEADER ")
          .append(!includeHeader.equals("none"))
          .append(", COMPRESSION ")
          .append(csvGzip() ? "gzip" : "none");
    }
    sizeLimit.ifPresent(
        limit -> options.append(", FILE_SIZE_BYTES ").append(limit).append(", FILENAME_PATTERN 'part_{i}'"));
    return options.toString();
  }

  private static long rowGroupRows(long sizeLimit) {
    // Aim for several row groups per file; DuckDB's minimum useful row group is a vector of 2048 rows.
    return Math.max(2048, Math.min(122_880, sizeLimit / 256));
  }

  /** Extension DuckDB gives the local files. */
  String localExtension() {
    return parquet() ? ".parquet" : csvGzip() ? ".csv.gz" : ".csv";
  }

  /** Extension of the uploaded blobs. */
  String blobExtension() {
    if (fileExtension.isPresent()) {
      String ext = fileExtension.get();
      return ext.startsWith(".") ? ext : "." + ext;
    }
    if (parquet()) {
      return compression.equals("uncompressed") ? ".parquet" : "." + compression + ".parquet";
    }
    return csvGzip() ? ".csv.gz" : ".csv";
  }
}
