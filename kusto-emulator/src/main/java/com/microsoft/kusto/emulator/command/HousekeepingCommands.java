package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.Optional;

/**
 * Commands the connector sends around writes: {@code .clear table T cache streamingingestion schema} (and the
 * database form; the emulator has no such cache, so every node reports Succeeded), {@code .clear table T data},
 * and {@code .show materialized-views} (the emulator has none).
 */
final class HousekeepingCommands implements CommandHandler {
  private final DuckDbStore store;

  HousekeepingCommands(DuckDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (c.accept(".clear")) {
      if (c.accept("database")) {
        expectSchemaCache(c);
        store.requireDatabase(inv.database());
        return Optional.of(nodeStatus());
      }
      c.expect("table");
      String table = c.name();
      if (c.accept("data")) {
        c.expectEnd();
        store.requireTable(inv.database(), table);
        store.dropExtents(inv.database(), table, store.extents(inv.database(), table).stream().map(Extent::id)
            .toList());
        return Optional.of(new ResultBuilder().column("Status", KustoType.STRING).row("Succeeded").build());
      }
      expectSchemaCache(c);
      store.requireTable(inv.database(), table);
      return Optional.of(nodeStatus());
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("materialized-views")) {
      c.expectEnd();
      store.requireDatabase(inv.database());
      return Optional.of(new ResultBuilder()
          .column("Name", KustoType.STRING)
          .column("SourceTable", KustoType.STRING)
          .column("Query", KustoType.STRING)
          .column("MaterializedTo", KustoType.DATETIME)
          .column("LastRun", KustoType.DATETIME)
          .column("LastRunResult", KustoType.STRING)
          .column("IsHealthy", KustoType.BOOL)
          .column("IsEnabled", KustoType.BOOL)
          .column("Folder", KustoType.STRING)
          .column("DocString", KustoType.STRING)
          .column("AutoUpdateSchema", KustoType.BOOL)
          .column("EffectiveDateTime", KustoType.DATETIME)
          .column("Lookback", KustoType.TIMESPAN)
          .build());
    }
    return Optional.empty();
  }

  private static void expectSchemaCache(CommandCursor c) {
    c.expect("cache");
    c.expect("streamingingestion");
    c.expect("schema");
    c.expectEnd();
  }

  private static ResultTable nodeStatus() {
    return new ResultBuilder().column("NodeId", KustoType.STRING).column("Status", KustoType.STRING)
        .row("KustoEmulator_0", "Succeeded").build();
  }
}
