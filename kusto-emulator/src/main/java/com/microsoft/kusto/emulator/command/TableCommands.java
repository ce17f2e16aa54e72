package com.microsoft.kusto.emulator.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table DDL and schema commands: {@code .create table}, {@code .create-merge table}, {@code .drop table
 * [ifexists]}, {@code .show tables}, {@code .show table T schema as json}, {@code .show table T cslschema}.
 */
final class TableCommands implements CommandHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DuckDbStore store;

  TableCommands(DuckDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    String db = inv.database();
    CommandCursor c = inv.cursor();
    if (c.accept(".create") || c.accept(".create-merge")) {
      boolean merge = inv.parts().header().trim().toLowerCase().startsWith(".create-merge");
      if (!c.accept("table")) {
        return Optional.empty();
      }
      String table = c.name();
      if (c.accept("ingestion")) {
        return Optional.empty();
      }
      List<ColumnSchema> columns = columns(c);
      Map<String, String> with = c.withProperties();
      c.expectEnd();
      store.requireDatabase(db);
      TableSchema schema = store.createTable(db, table, columns, merge, with.get("folder"), with.get("docstring"),
          flag(with, "hidden"));
      return Optional.of(schemaTable(Optional.of(schema), true));
    }
    c = inv.cursor();
    if (c.accept(".drop") && c.accept("table")) {
      String table = c.name();
      if (c.accept("extent") || c.accept("policy")) {
        return Optional.empty();
      }
      boolean ifExists = c.accept("ifexists");
      c.expectEnd();
      store.dropTable(db, table, ifExists);
      ResultBuilder out = new ResultBuilder().column("TableName", KustoType.STRING)
          .column("DatabaseName", KustoType.STRING);
      store.tables(db).forEach(t -> out.row(t.name(), db));
      return Optional.of(out.build());
    }
    c = inv.cursor();
    if (c.accept(".drop") && c.accept("tables")) {
      c.expectSymbol("(");
      List<String> names = new ArrayList<>();
      do {
        names.add(c.name());
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
      boolean ifExists = c.accept("ifexists");
      c.expectEnd();
      if (!ifExists) {
        names.forEach(name -> store.requireTable(db, name));
      }
      names.forEach(name -> store.dropTable(db, name, true));
      ResultBuilder out = new ResultBuilder().column("TableName", KustoType.STRING)
          .column("DatabaseName", KustoType.STRING);
      store.tables(db).forEach(t -> out.row(t.name(), db));
      return Optional.of(out.build());
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("tables")) {
      // Hidden tables (such as a connector's staging tables) are listed only when asked for, as in Kusto.
      boolean includeHidden = flag(c.withProperties(), "includehiddentables");
      c.expectEnd();
      store.requireDatabase(db);
      ResultBuilder out = new ResultBuilder().column("TableName", KustoType.STRING)
          .column("DatabaseName", KustoType.STRING).column("Folder", KustoType.STRING)
          .column("DocString", KustoType.STRING);
      store.tables(db).stream().filter(t -> includeHidden || !store.isHidden(db, t.name()))
          .forEach(t -> out.row(t.name(), db, store.folder(db, t.name()), store.docString(db, t.name())));
      return Optional.of(out.build());
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("table")) {
      String table = c.name();
      // A missing table has an empty schema answer, not an error: clients (the established Spark connector's
      // CreateIfNotExist among them) probe with these commands and create the table when no row comes back.
      if (c.accept("schema")) {
        c.expect("as");
        c.expect("json");
        c.expectEnd();
        store.requireDatabase(db);
        return Optional.of(schemaTable(store.findTable(db, table), true));
      }
      if (c.accept("cslschema")) {
        c.expectEnd();
        store.requireDatabase(db);
        return Optional.of(schemaTable(store.findTable(db, table), false));
      }
    }
    return Optional.empty();
  }

  /** A boolean {@code with} property: absent is false; anything but true/false is refused, echoing it. */
  private static boolean flag(Map<String, String> with, String name) {
    String value = with.get(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw KustoRequestException.badRequest("General_BadRequest",
        "Property " + name + "='" + value + "' must be true or false");
  }

  private ResultTable schemaTable(Optional<TableSchema> found, boolean json) {
    ResultBuilder out = new ResultBuilder()
        .column("TableName", KustoType.STRING)
        .column("Schema", KustoType.STRING)
        .column("DatabaseName", KustoType.STRING)
        .column("Folder", KustoType.STRING)
        .column("DocString", KustoType.STRING);
    found.ifPresent(table -> out.row(table.name(), json ? schemaJson(table) : table.cslSchema(), table.database(),
        store.folder(table.database(), table.name()), store.docString(table.database(), table.name())));
    return out.build();
  }

  /** Kusto's JSON schema: {@code {"Name":..,"OrderedColumns":[{"Name","Type","CslType"}]}}. */
  static String schemaJson(TableSchema table) {
    ObjectNode root = JSON.createObjectNode();
    root.put("Name", table.name());
    ArrayNode columns = root.putArray("OrderedColumns");
    for (ColumnSchema c : table.columns()) {
      columns.addObject().put("Name", c.name()).put("Type", "System." + c.type().clrName().replace("SqlDecimal",
          "Data.SqlTypes.SqlDecimal")).put("CslType", c.type().kustoName());
    }
    return root.toString();
  }

  /** {@code (name:type, ['odd name']:type, ...)}. */
  static List<ColumnSchema> columns(CommandCursor c) {
    c.expectSymbol("(");
    List<ColumnSchema> columns = new ArrayList<>();
    do {
      String name = c.name();
      c.expectSymbol(":");
      String typeName = c.name();
      KustoType type = KustoType.parse(typeName).orElseThrow(() -> KustoRequestException.badRequest(
          "General_BadRequest", "Column '" + name + "' has unknown type '" + typeName + "'; use one of bool, int,"
              + " long, real, decimal, datetime, timespan, string, guid, dynamic"));
      columns.add(new ColumnSchema(name, type));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return columns;
  }
}
