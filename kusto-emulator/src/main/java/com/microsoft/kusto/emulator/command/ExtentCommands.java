package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.KustoValues;
import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Extent commands: {@code .show table T extents}, {@code .move [async] extents}, {@code .replace [async] extents},
 * {@code .drop extents}, {@code .drop [async] table T extent tags}.
 */
final class ExtentCommands implements CommandHandler {
  private final DuckDbStore store;
  private final OperationRegistry operations;
  private final CommandDispatcher dispatcher;

  ExtentCommands(DuckDbStore store, OperationRegistry operations, CommandDispatcher dispatcher) {
    this.store = store;
    this.operations = operations;
    this.dispatcher = dispatcher;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (c.accept(".show") && c.accept("table")) {
      String table = c.name();
      if (c.accept("extents")) {
        return Optional.of(showExtents(inv.database(), List.of(table), c));
      }
      return Optional.empty();
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("tables") && c.acceptSymbol("(")) {
      List<String> tables = new ArrayList<>();
      do {
        tables.add(c.name());
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
      if (c.accept("extents")) {
        return Optional.of(showExtents(inv.database(), tables, c));
      }
      return Optional.empty();
    }
    c = inv.cursor();
    if (c.accept(".move")) {
      boolean async = c.accept("async");
      c.expect("extents");
      return Optional.of(asyncOrNot(inv, async, "ExtentsMove", move(inv, c)));
    }
    c = inv.cursor();
    if (c.accept(".replace")) {
      boolean async = c.accept("async");
      c.expect("extents");
      return Optional.of(asyncOrNot(inv, async, "ExtentsReplace", replace(inv, c)));
    }
    c = inv.cursor();
    if (c.accept(".drop")) {
      boolean async = c.accept("async");
      if (c.accept("extents")) {
        return Optional.of(asyncOrNot(inv, async, "ExtentsDrop", dropExtents(inv, c)));
      }
      if (c.accept("table")) {
        String table = c.name();
        if (c.accept("extent")) {
          c.expect("tags");
          return Optional.of(asyncOrNot(inv, async, "ExtentsDropTags", dropTags(inv, table, c)));
        }
      }
    }
    return Optional.empty();
  }

  /** Runs {@code work} now, or as an operation whose id is returned (async commands). */
  private ResultTable asyncOrNot(Invocation inv, boolean async, String name, Supplier<ResultTable> work) {
    if (!async) {
      return work.get();
    }
    String id = operations.run(name, inv.database(), inv.ctx().activityId(), inv.ctx().user(), work);
    return new ResultBuilder().column("OperationId", KustoType.GUID).row(UUID.fromString(id)).build();
  }

  // ------------------------------------------------------------------ show

  private ResultTable showExtents(String db, List<String> tables, CommandCursor c) {
    tables.forEach(t -> store.requireTable(db, t));
    Set<String> ids = null;
    if (c.acceptSymbol("(")) {
      ids = new java.util.HashSet<>();
      do {
        ids.add(c.value().toLowerCase(Locale.ROOT));
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
    }
    c.accept("hot");
    Predicate<List<String>> tagFilter = tags -> true;
    if (c.accept("where")) {
      do {
        c.expect("tags");
        String op = c.acceptSymbol("!") ? "!" : "";
        op += c.accept("has") ? "has" : c.accept("contains") ? "contains" : null;
        if (op.endsWith("null")) {
          throw c.syntax("expected 'has', 'contains', '!has' or '!contains' after 'tags'");
        }
        String value = c.string();
        tagFilter = tagFilter.and(tagPredicate(op, value));
      } while (c.accept("and"));
    }
    Map<String, String> with = c.withProperties();
    c.expectEnd();
    int limit = maximumResults(with);
    List<Extent> extents = new ArrayList<>();
    for (String table : tables) {
      for (Extent e : store.extents(db, table)) {
        if ((ids == null || ids.contains(e.id())) && tagFilter.test(e.tags()) && extents.size() < limit) {
          extents.add(e);
        }
      }
    }
    return extentsTable(extents);
  }

  /** {@code extentsShowFilteringRuntimePolicy='{"MaximumResultsCount":N}'}, as the connector batches moves. */
  private static int maximumResults(Map<String, String> with) {
    String policy = with.get("extentsshowfilteringruntimepolicy");
    if (policy == null) {
      return Integer.MAX_VALUE;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy);
      return node.path("MaximumResultsCount").isNumber() ? node.path("MaximumResultsCount").asInt()
          : Integer.MAX_VALUE;
    } catch (Exception e) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "extentsShowFilteringRuntimePolicy must be JSON like '{\"MaximumResultsCount\":400}', got '" + policy
              + "'");
    }
  }

  private static Predicate<List<String>> tagPredicate(String op, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    Predicate<List<String>> has = op.endsWith("has")
        ? tags -> tags.stream().anyMatch(t -> t.equalsIgnoreCase(value))
        : tags -> tags.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(v));
    return op.startsWith("!") ? has.negate() : has;
  }

  static ResultTable extentsTable(List<Extent> extents) {
    ResultBuilder out = new ResultBuilder()
        .column("ExtentId", KustoType.GUID)
        .column("DatabaseName", KustoType.STRING)
        .column("TableName", KustoType.STRING)
        .column("MaxCreatedOn", KustoType.DATETIME)
        .column("OriginalSize", KustoType.REAL)
        .column("ExtentSize", KustoType.REAL)
        .column("CompressedSize", KustoType.REAL)
        .column("IndexSize", KustoType.REAL)
        .column("Blocks", KustoType.LONG)
        .column("Segments", KustoType.LONG)
        .column("ExtentContainerId", KustoType.STRING)
        .column("RowCount", KustoType.LONG)
        .column("MinCreatedOn", KustoType.DATETIME)
        .column("Tags", KustoType.STRING)
        .column("Kind", KustoType.STRING)
        .column("DeletedRowCount", KustoType.LONG);
    for (Extent e : extents) {
      out.row(UUID.fromString(e.id()), e.database(), e.table(), e.creationTime(), (double) e.originalSize(),
          (double) e.originalSize(), (double) e.originalSize(), 0.0, 1L, 1L, "", e.rowCount(), e.creationTime(),
          String.join("\r\n", e.tags()), "StorageV3", 0L);
    }
    return out.build();
  }

  // ------------------------------------------------------------------ move / replace

  private Supplier<ResultTable> move(Invocation inv, CommandCursor c) {
    String db = inv.database();
    Map<String, List<String>> bySource = new LinkedHashMap<>();
    String destination;
    Map<String, String> with;
    boolean all = c.accept("all");
    if (all || c.accept("from")) {
      if (all) {
        c.expect("from");
      }
      c.expect("table");
      String source = c.name();
      c.expect("to");
      c.expect("table");
      destination = c.name();
      with = c.withProperties();
      List<String> ids = all ? null : guidList(c);
      c.expectEnd();
      List<String> chosen = ids != null ? ids : store.extents(db, source).stream().map(Extent::id).toList();
      bySource.put(source, chosen);
    } else {
      c.expect("to");
      c.expect("table");
      destination = c.name();
      with = c.withProperties();
      c.expectEnd();
      bySource.putAll(extentsByTable(inv, requireInput(inv, c), null));
    }
    boolean newTime = Boolean.parseBoolean(with.getOrDefault("setnewingestiontime", "false"));
    Optional<Instant> from = timeProperty(with, "extentcreatedonfrom");
    Optional<Instant> to = timeProperty(with, "extentcreatedonto");
    Map<String, List<String>> filtered = filterByCreation(db, bySource, from, to);
    return () -> moveTable(db, filtered, destination, newTime);
  }

  private ResultTable moveTable(String db, Map<String, List<String>> bySource, String destination, boolean newTime) {
    ResultBuilder out = new ResultBuilder().column("OriginalExtentId", KustoType.STRING)
        .column("ResultExtentId", KustoType.STRING).column("Details", KustoType.STRING);
    store.requireTable(db, destination);
    for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
      for (DuckDbStore.MovedExtent m : store.moveExtents(db, e.getKey(), e.getValue(), destination, newTime)) {
        out.row(m.originalId(), m.resultId(), "");
      }
    }
    return out.build();
  }

  private Supplier<ResultTable> replace(Invocation inv, CommandCursor c) {
    String db = inv.database();
    c.expect("in");
    c.expect("table");
    String destination = c.name();
    Map<String, String> with = c.withProperties();
    c.expectEnd();
    String input = requireInput(inv, c);
    List<Integer> commas = CommandText.topLevel(input, ',');
    if (commas.size() != 1) {
      throw c.syntax("expected '<| {ExtentsToDropQuery}, {ExtentsToMoveQuery}'");
    }
    String dropQuery = unbrace(c, input.substring(0, commas.get(0)));
    String moveQuery = unbrace(c, input.substring(commas.get(0) + 1));
    List<String> toDrop = new ArrayList<>();
    if (!dropQuery.isBlank()) {
      extentsByTable(inv, dropQuery, destination).values().forEach(toDrop::addAll);
    }
    Map<String, List<String>> toMove = moveQuery.isBlank() ? Map.of() : extentsByTable(inv, moveQuery, null);
    boolean newTime = Boolean.parseBoolean(with.getOrDefault("setnewingestiontime", "false"));
    return () -> {
      // Kusto does both in one transaction; the emulator drops first, then moves, under the store's write lock.
      ResultBuilder out = new ResultBuilder().column("OriginalExtentId", KustoType.STRING)
          .column("ResultExtentId", KustoType.STRING).column("Details", KustoType.STRING);
      for (Extent dropped : store.dropExtents(db, destination, toDrop)) {
        out.row(dropped.id(), "", "Dropped");
      }
      moveTable(db, toMove, destination, newTime).rows().forEach(r -> out.row(r.toArray()));
      return out.build();
    };
  }

  private static String unbrace(CommandCursor c, String part) {
    String p = part.trim();
    if (!p.startsWith("{") || !p.endsWith("}")) {
      throw c.syntax("each query of .replace extents must be in braces: {query}");
    }
    return p.substring(1, p.length() - 1).trim();
  }

  // ------------------------------------------------------------------ drop

  private Supplier<ResultTable> dropExtents(Invocation inv, CommandCursor c) {
    String db = inv.database();
    Map<String, List<String>> byTable;
    if (c.acceptSymbol("(")) {
      List<String> ids = new ArrayList<>();
      do {
        ids.add(c.value().toLowerCase(Locale.ROOT));
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
      c.expect("from");
      c.accept("table");
      String table = c.name();
      c.expectEnd();
      byTable = Map.of(table, ids);
    } else if (c.accept("from")) {
      c.accept("table");
      String table = c.name();
      c.expectEnd();
      byTable = Map.of(table, store.extents(db, table).stream().map(Extent::id).toList());
    } else {
      c.expectEnd();
      byTable = extentsByTable(inv, requireInput(inv, c), null);
    }
    return () -> {
      List<Extent> dropped = new ArrayList<>();
      byTable.forEach((table, ids) -> dropped.addAll(store.dropExtents(db, table, ids)));
      ResultBuilder out = new ResultBuilder().column("ExtentId", KustoType.GUID)
          .column("TableName", KustoType.STRING).column("CreatedOn", KustoType.DATETIME);
      dropped.forEach(e -> out.row(UUID.fromString(e.id()), e.table(), e.creationTime()));
      return out.build();
    };
  }

  private Supplier<ResultTable> dropTags(Invocation inv, String table, CommandCursor c) {
    String db = inv.database();
    store.requireTable(db, table);
    Map<String, Set<String>> tagsToDrop = new LinkedHashMap<>();
    if (c.acceptSymbol("(")) {
      Set<String> tags = new java.util.LinkedHashSet<>();
      do {
        tags.add(c.string());
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
      Map<String, String> with = c.withProperties();
      c.expectEnd();
      Map<String, List<String>> all = Map.of(table, store.extents(db, table).stream().map(Extent::id).toList());
      filterByCreation(db, all, timeProperty(with, "extentcreatedonfrom"), timeProperty(with, "extentcreatedonto"))
          .getOrDefault(table, List.of()).forEach(id -> tagsToDrop.put(id, tags));
    } else {
      c.withProperties();
      c.expectEnd();
      ResultTable result = dispatcher.runInput(inv.database(), requireInput(inv, c), inv.ctx());
      int idColumn = columnIndex(result, "ExtentId");
      int tagsColumn = columnIndex(result, "Tags");
      for (List<Object> row : result.rows()) {
        String id = String.valueOf(row.get(idColumn)).toLowerCase(Locale.ROOT);
        Object tags = row.get(tagsColumn);
        if (tags != null) {
          tagsToDrop.computeIfAbsent(id, k -> new java.util.LinkedHashSet<>())
              .addAll(List.of(tags.toString().split("\r\n")));
        }
      }
    }
    return () -> {
      ResultBuilder out = new ResultBuilder().column("OriginalExtentId", KustoType.STRING)
          .column("ResultExtentId", KustoType.STRING).column("ResultExtentTags", KustoType.STRING);
      Map<String, List<String>> newTags = new LinkedHashMap<>();
      for (Extent e : store.extents(db, table)) {
        Set<String> drop = tagsToDrop.get(e.id());
        if (drop != null && e.tags().stream().anyMatch(drop::contains)) {
          List<String> kept = e.tags().stream().filter(t -> !drop.contains(t)).toList();
          newTags.put(e.id(), kept);
          out.row(e.id(), e.id(), String.join("\r\n", kept));
        }
      }
      store.setExtentTags(db, newTags);
      return out.build();
    };
  }

  // ------------------------------------------------------------------ helpers

  private static String requireInput(Invocation inv, CommandCursor c) {
    if (inv.parts().input() == null || inv.parts().input().isBlank()) {
      throw c.syntax("expected '<| query' giving the extents");
    }
    return inv.parts().input();
  }

  /** Runs a query/command returning ExtentId (and TableName) and groups the ids by table. */
  private Map<String, List<String>> extentsByTable(Invocation inv, String query, String defaultTable) {
    ResultTable result = dispatcher.runInput(inv.database(), query, inv.ctx());
    int idColumn = columnIndex(result, "ExtentId");
    int tableColumn = result.columns().stream().map(col -> col.name()).toList().indexOf("TableName");
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (List<Object> row : result.rows()) {
      String id = String.valueOf(row.get(idColumn)).toLowerCase(Locale.ROOT);
      String table = tableColumn >= 0 && row.get(tableColumn) != null ? row.get(tableColumn).toString()
          : defaultTable != null ? defaultTable : store.findExtent(inv.database(), id).map(Extent::table).orElse(null);
      if (table == null) {
        throw KustoRequestException.badRequest("General_BadRequest",
            "Extent '" + id + "' returned by the query is not an extent of database '" + inv.database() + "'");
      }
      byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(id);
    }
    return byTable;
  }

  private static int columnIndex(ResultTable result, String name) {
    for (int i = 0; i < result.columns().size(); i++) {
      if (result.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    throw KustoRequestException.badRequest("General_BadRequest",
        "The extents query must return a column named '" + name + "'; it returned "
            + result.columns().stream().map(col -> col.name()).collect(Collectors.joining(", ")));
  }

  private Map<String, List<String>> filterByCreation(String db, Map<String, List<String>> byTable,
      Optional<Instant> from, Optional<Instant> to) {
    if (from.isEmpty() && to.isEmpty()) {
      return byTable;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byTable.forEach((table, ids) -> {
      Map<String, Instant> created = store.extents(db, table).stream()
          .collect(Collectors.toMap(Extent::id, Extent::creationTime));
      out.put(table, ids.stream().filter(id -> {
        Instant t = created.get(id);
        return t == null || (from.map(f -> !t.isBefore(f)).orElse(true) && to.map(x -> !t.isAfter(x)).orElse(true));
      }).toList());
    });
    return out;
  }

  private static Optional<Instant> timeProperty(Map<String, String> with, String key) {
    String v = with.get(key);
    if (v == null) {
      return Optional.empty();
    }
    String t = v.trim();
    if (t.toLowerCase(Locale.ROOT).startsWith("datetime(") && t.endsWith(")")) {
      t = t.substring("datetime(".length(), t.length() - 1);
    }
    return Optional.of(KustoValues.parseDatetime(t));
  }

  private static List<String> guidList(CommandCursor c) {
    List<String> ids = new ArrayList<>();
    c.expectSymbol("(");
    do {
      ids.add(c.value().toLowerCase(Locale.ROOT));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return ids;
  }
}
