package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.Locale;

/** The kinds of ingestion mapping the emulator applies: by ordinal (CSV), by JSON path (JSON), by field (Parquet). */
public enum MappingKind {
  CSV("Csv"),
  JSON("Json"),
  PARQUET("Parquet");

  private final String kustoName;

  MappingKind(String kustoName) {
    this.kustoName = kustoName;
  }

  /** The name Kusto shows in {@code .show ... ingestion mappings} ({@code Csv}, {@code Json}, {@code Parquet}). */
  public String kustoName() {
    return kustoName;
  }

  /** Parses a mapping kind as written in commands ({@code csv}) or sent by the SDK ({@code Csv}). */
  public static MappingKind parse(String text) {
    String lower = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (lower) {
      case "csv":
        return CSV;
      case "json":
        return JSON;
      case "parquet":
        return PARQUET;
      default:
        throw KustoRequestException.unsupported(
            "ingestion mapping kind '" + text + "' (supported: csv, json, parquet)");
    }
  }
}
