package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named ingestion mappings per table and kind, as created by {@code .create table T ingestion csv mapping}.
 *
 * <p>Mappings belong to one incarnation of a table, identified by its physical name
 * ({@link TableSchema#sqlReference()}), so that, as in Kusto, dropping a table drops its mappings and a table
 * created again under the same name starts without any.
 */
public final class MappingCatalog {
  /** A stored mapping with its identity and modification time. */
  public record Named(String database, String table, String name, IngestionMapping mapping, Instant lastUpdatedOn) {}

  private record Key(String database, String tableReference, MappingKind kind, String name) {}

  private final Map<Key, Named> mappings = new ConcurrentHashMap<>();

  private static Key key(TableSchema table, MappingKind kind, String name) {
    return new Key(table.database(), table.sqlReference(), kind, name);
  }

  /** Creates or replaces a mapping. */
  public Named put(TableSchema table, String name, IngestionMapping mapping) {
    Named named = new Named(table.database(), table.name(), name, mapping, Instant.now());
    mappings.put(key(table, mapping.kind(), name), named);
    return named;
  }

  public Optional<Named> find(TableSchema table, MappingKind kind, String name) {
    return Optional.ofNullable(mappings.get(key(table, kind, name)));
  }

  /** The mapping a queued or streaming ingestion refers to, or a permanent error naming it. */
  public IngestionMapping require(TableSchema table, MappingKind kind, String name) {
    return find(table, kind, name)
        .map(Named::mapping)
        .orElseThrow(
            () ->
                KustoRequestException.badRequest(
                    "BadRequest_MappingReferenceWasNotFound",
                    "Mapping reference '" + name + "' of kind '" + kind.kustoName() + "' in table '" + table.name()
                        + "' of database '" + table.database() + "' could not be found; create it with"
                        + " .create table " + table.name() + " ingestion " + kind.name().toLowerCase() + " mapping \""
                        + name + "\" '[...]'"));
  }

  /** Removes a mapping; false if there was none. */
  public boolean remove(TableSchema table, MappingKind kind, String name) {
    return mappings.remove(key(table, kind, name)) != null;
  }

  /** The table's mappings, optionally of one kind, by kind and name. */
  public List<Named> list(TableSchema table, Optional<MappingKind> kind) {
    List<Named> result = new ArrayList<>();
    mappings.forEach(
        (key, value) -> {
          if (key.database().equals(table.database())
              && key.tableReference().equals(table.sqlReference())
              && kind.map(k -> k == key.kind()).orElse(true)) {
            result.add(value);
          }
        });
    result.sort(Comparator.comparing((Named n) -> n.mapping().kind()).thenComparing(Named::name));
    return result;
  }
}
