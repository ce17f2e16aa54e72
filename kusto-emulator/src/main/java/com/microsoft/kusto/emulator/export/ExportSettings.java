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
    boolean distributed,
    String namePrefix,
    String includeHeader,
    Optional<String> fileExtension) {
  /** Kusto's default {@code sizeLimit}: files are split once they reach 1 GB (before compression). */
  static final long DEFAULT_SIZE_LIMIT = 1024L * 1024 * 1024;
  private static final Set<String> SUPPORTED =
      Set.of("sizelimit", "nameprefix", "compressiontype", "includeheaders", "includeheader", "fileextension",
          "encoding",
          "distributed", "distribution");
  /** Properties that tune how Kusto spreads the export work among nodes; the emulator's nodes need no tuning. */
  private static final Set<String> IGNORED =
      Set.of("usenativeparquetwriter", "spread", "concurrency", "persistdetails", "parquetrowgroupsize");
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
    // Kusto documents includeHeaders; the singular spelling is accepted too, as earlier emulator versions took it.
    String includeHeader = command.property("includeHeaders").or(() -> command.property("includeHeader"))
        .orElse("none").toLowerCase(Locale.ROOT);
    if (!includeHeader.equals("none") && !includeHeader.equals("all") && !includeHeader.equals("firstfile")) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "Export property includeHeaders='" + includeHeader + "' must be none, firstFile or all");
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
        distributed(command),
        command.property("namePrefix").filter(s -> !s.isBlank()).orElse("export"),
        includeHeader,
        command.property("fileExtension").filter(s -> !s.isBlank()));
  }

  /**
   * Whether the nodes write their shares in parallel (Kusto's default): {@code distributed=false} or
   * {@code distribution="single"} make one writer, hence one file (split only at {@code sizeLimit}).
   */
  private static boolean distributed(ExportCommand command) {
    String distributed = command.property("distributed").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("true");
    if (!distributed.equals("true") && !distributed.equals("false")) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "Export property distributed='" + distributed + "' must be true or false");
    }
    String distribution =
        command.property("distribution").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("per_node");
    if (!Set.of("single", "per_node", "per_shard").contains(distribution)) {
      throw KustoRequestException.badRequest(
          "General_BadRequest",
          "Export property distribution='" + distribution + "' must be single, per_node or per_shard");
    }
    return distributed.equals("true") && !distribution.equals("single");
  }

  boolean parquet() {
    return format.equals("parquet");
  }

  boolean csvGzip() {
    return !parquet() && compression.equals("gzip");
  }

  /** The file size at which a writer starts a new file: {@code sizeLimit}, or Kusto's default of 1 GB. */
  long effectiveSizeLimit() {
    return sizeLimit.orElse(DEFAULT_SIZE_LIMIT);
  }

  /**
   * DuckDB COPY options into a directory of {@code part_<i>} files. Small row groups for a small limit, since
   * DuckDB checks the file size per row group.
   */
  String copyOptions() {
    long limit = effectiveSizeLimit();
    StringBuilder options = new StringBuilder();
    if (parquet()) {
      options.append("FORMAT parquet, COMPRESSION ").append(compression);
      options.append(", ROW_GROUP_SIZE ").append(rowGroupRows(limit));
    } else {
      options
          .append("FORMAT csv, HEADER ")
          .append(!includeHeader.equals("none"))
          .append(", COMPRESSION ")
          .append(csvGzip() ? "gzip" : "none");
    }
    options.append(", FILE_SIZE_BYTES ").append(limit).append(", FILENAME_PATTERN 'part_{i}'");
    return options.toString();
  }

  private static long rowGroupRows(long sizeLimit) {
    // Aim for several row groups per file; DuckDB's minimum useful row group is a vector of 2048 rows.
    return Math.max(2048, Math.min(122_880, sizeLimit / 256));
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
