package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.command.CommandCursor;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.SchemaCatalog;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ingestion-mapping commands:
 *
 * <pre>
 * .create[-or-alter] | .alter  table T ingestion (csv|json|parquet) mapping "name" '[...]'
 * .show table T ingestion [(csv|json|parquet)] mappings      .show table T ingestion KIND mapping "name"
 * .drop table T ingestion (csv|json|parquet) mapping "name"
 * </pre>
 *
 * Answers with Kusto's columns {@code Name, Kind, Mapping, LastUpdatedOn, Database, Table}.
 */
public final class MappingCommands {
  private static final List<ColumnSchema> COLUMNS =
      List.of(
          new ColumnSchema("Name", KustoType.STRING),
          new ColumnSchema("Kind", KustoType.STRING),
          new ColumnSchema("Mapping", KustoType.STRING),
          new ColumnSchema("LastUpdatedOn", KustoType.DATETIME),
          new ColumnSchema("Database", KustoType.STRING),
          new ColumnSchema("Table", KustoType.STRING));

  private final MappingCatalog mappings;
  private final SchemaCatalog tables;

  public MappingCommands(MappingCatalog mappings, SchemaCatalog tables) {
    this.mappings = Objects.requireNonNull(mappings, "mappings");
    this.tables = Objects.requireNonNull(tables, "tables");
  }

  /** Executes the command if it is a mapping command; empty otherwise. */
  public Optional<ResultTable> tryExecute(String database, String commandText) {
    CommandCursor s = new CommandCursor(commandText);
    String verb;
    if (s.accept(".create-or-alter")) {
      verb = "create-or-alter";
    } else if (s.accept(".create")) {
      verb = "create";
    } else if (s.accept(".alter")) {
      verb = "alter";
    } else if (s.accept(".show")) {
      verb = "show";
    } else if (s.accept(".drop")) {
      verb = "drop";
    } else {
      return Optional.empty();
    }
    if (!s.accept("table")) {
      return Optional.empty();
    }
    String table = s.name();
    if (!s.accept("ingestion")) {
      return Optional.empty();
    }
    TableSchema schema = requireTable(database, table);
    if (verb.equals("show") && s.accept("mappings")) {
      return Optional.of(table(mappings.list(schema, Optional.empty())));
    }
    String kindWord = s.word().orElseThrow(() -> s.syntax("expected a mapping kind (csv, json, parquet)"));
    MappingKind kind = MappingKind.parse(kindWord);
    if (verb.equals("show") && s.accept("mappings")) {
      return Optional.of(table(mappings.list(schema, Optional.of(kind))));
    }
    s.expect("mapping");
    String name = s.nameOrString();
    switch (verb) {
      case "show":
        return Optional.of(
            table(
                List.of(
                    mappings
                        .find(schema, kind, name)
                        .orElseThrow(() -> notFound(database, table, kind, name)))));
      case "drop":
        if (!mappings.remove(schema, kind, name)) {
          throw notFound(database, table, kind, name);
        }
        return Optional.of(table(mappings.list(schema, Optional.of(kind))));
      default:
        if (!s.peekString()) {
          throw s.syntax("expected the mapping as a string literal '[...]'");
        }
        String json = s.joinedString();
        if (s.accept("with")) {
          // Properties such as removeOldestIfRequired only matter for Kusto's mapping count limit.
          s.expectSymbol("(");
          while (!s.acceptSymbol(")")) {
            s.name();
            s.expectSymbol("=");
            s.value();
            s.acceptSymbol(",");
          }
        }
        if (!s.atEnd()) {
          throw s.syntax("unexpected text after the mapping");
        }
        boolean exists = mappings.find(schema, kind, name).isPresent();
        if (verb.equals("create") && exists) {
          throw KustoRequestException.badRequest(
              "BadRequest_DuplicateMapping",
              "Ingestion mapping '" + name + "' of kind '" + kind.kustoName() + "' already exists on table '"
                  + table + "'; use .create-or-alter to replace it");
        }
        if (verb.equals("alter") && !exists) {
          throw notFound(database, table, kind, name);
        }
        return Optional.of(table(List.of(mappings.put(schema, name, IngestionMapping.parse(kind, json)))));
    }
  }

  private TableSchema requireTable(String database, String table) {
    return tables
        .findTable(database, table)
        .orElseThrow(
            () ->
                KustoRequestException.badRequest(
                    "General_BadRequest", "Table '" + table + "' was not found in database '" + database + "'"));
  }

  private static KustoRequestException notFound(String database, String table, MappingKind kind, String name) {
    return KustoRequestException.badRequest(
        "BadRequest_EntityNotFound",
        "Ingestion mapping '" + name + "' of kind '" + kind.kustoName() + "' was not found on table '" + table
            + "' of database '" + database + "'");
  }

  private static ResultTable table(List<MappingCatalog.Named> named) {
    List<List<Object>> rows = new ArrayList<>();
    for (MappingCatalog.Named n : named) {
      rows.add(
          Arrays.asList(
              n.name(), n.mapping().kind().kustoName(), n.mapping().text(), n.lastUpdatedOn(), n.database(), n.table()));
    }
    return ResultTable.of(COLUMNS, rows);
  }
}
