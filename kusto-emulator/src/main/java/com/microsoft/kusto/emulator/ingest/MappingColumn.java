package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.store.KustoType;
import java.util.Optional;

/**
 * One entry of an ingestion mapping: the target column and where its value comes from — a CSV ordinal, a JSON
 * path / Parquet field, or a constant — plus an optional transformation ({@code DateTimeFromUnixSeconds}, ...).
 */
public record MappingColumn(
    String column,
    Optional<KustoType> dataType,
    Optional<Integer> ordinal,
    Optional<String> path,
    Optional<String> constValue,
    Optional<String> transform) {}
