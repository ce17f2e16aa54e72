package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.Locale;
import java.util.Optional;

/** The ingestion data formats the emulator loads, with the mapping kind each takes. */
public enum DataFormat {
  CSV("csv", ',', MappingKind.CSV),
  TSV("tsv", '\t', MappingKind.CSV),
  SCSV("scsv", ';', MappingKind.CSV),
  PSV("psv", '|', MappingKind.CSV),
  SOHSV("sohsv", '\u0001', MappingKind.CSV),
  JSON("json", null, MappingKind.JSON),
  MULTIJSON("multijson", null, MappingKind.JSON),
  SINGLEJSON("singlejson", null, MappingKind.JSON),
  PARQUET("parquet", null, MappingKind.PARQUET);

  private final String kustoName;
  private final Character delimiter;
  private final MappingKind mappingKind;

  DataFormat(String kustoName, Character delimiter, MappingKind mappingKind) {
    this.kustoName = kustoName;
    this.delimiter = delimiter;
    this.mappingKind = mappingKind;
  }

  public String kustoName() {
    return kustoName;
  }

  /** The field separator of the delimited-text formats; empty for JSON and Parquet. */
  public Optional<Character> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  public MappingKind mappingKind() {
    return mappingKind;
  }

  /** Parses the format name the SDK sends ({@code csv}, {@code multijson}, ...), case-insensitively. */
  public static DataFormat parse(String name) {
    String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (DataFormat format : values()) {
      if (format.kustoName.equals(lower)) {
        return format;
      }
    }
    throw KustoRequestException.unsupported(
        "ingestion data format '" + name + "' (supported: csv, tsv, scsv, psv, sohsv, json, multijson, singlejson,"
            + " parquet)");
  }
}
