package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Named ingestion mappings per table and kind, as created by {@code .create table T ingestion csv mapping}. */
public final class MappingCatalog {
  /** A stored mapping with its identity and modification time. */
  public record Named(String database, String table, String name, IngestionMapping mapping, Instant lastUpdatedOn) {}

  private record Key(String database, String table, MappingKind kind, String name) {}

  private final Map<Key, Named> mappings = new ConcurrentHashMap<>();

  /** Creates or replaces a mapping. */
  public Named put(String database, String table, String name, IngestionMapping mapping) {
    Named named = new Named(database, table, name, mapping, Instant.now());
    mappings.put(new Key(database, table, mapping.kind(), name), named);
    return named;
  }

  public Optional<Named> find(String database, String table, MappingKind kind, String name) {
    return Optional.ofNullable(mappings.get(new Key(database, table, kind, name)));
  }

  /** The mapping a queued or streaming ingestion refers to, or a permanent error naming it. */
  public IngestionMapping require(String database, String table, MappingKind kind, String name) {
    return find(database, table, kind, name)
        .map(Named::mapping)
        .orElseThrow(
            () ->
                KustoRequestException.badRequest(
                    "BadRequest_MappingReferenceWasNotFound",
                    "Mapping reference '" + name + "' of kind '" + kind.kustoName() + "' in table '" + table
                        + "' of database '" + database + "' could not be found; create it with"
                        + " .create table " + table + " ingestion " + kind.name().toLowerCase() + " mapping \""
                        + name + "\" '[...]'"));
  }

  /** Removes a mapping; false if there was none. */
  public boolean remove(String database, String table, MappingKind kind, String name) {
    return mappings.remove(new Key(database, table, kind, name)) != null;
  }

  /** The table's mappings, optionally of one kind, by kind and name. */
  public List<Named> list(String database, String table, Optional<MappingKind> kind) {
    List<Named> result = new ArrayList<>();
    mappings.forEach(
        (key, value) -> {
          if (key.database().equals(database)
              && key.table().equals(table)
              && kind.map(k -> k == key.kind()).orElse(true)) {
            result.add(value);
          }
        });
    result.sort(Comparator.comparing((Named n) -> n.mapping().kind()).thenComparing(Named::name));
    return result;
  }

  /** Forgets the mappings of a dropped table. */
  public void dropTable(String database, String table) {
    mappings.keySet().removeIf(k -> k.database().equals(database) && k.table().equals(table));
  }
}
