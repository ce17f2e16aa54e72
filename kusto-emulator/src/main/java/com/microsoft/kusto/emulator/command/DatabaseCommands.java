package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.Optional;
import java.util.UUID;

/** {@code .create database D volatile|persist}, {@code .show databases}, {@code .drop database D [ifexists]}. */
final class DatabaseCommands implements CommandHandler {
  private final DuckDbStore store;

  DatabaseCommands(DuckDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (c.accept(".create") && c.accept("database")) {
      String name = c.name();
      boolean persistent;
      if (c.accept("persist")) {
        persistent = true;
        if (c.acceptSymbol("(")) {
          // Kusto takes storage paths here; the emulator keeps persistent databases in its own directory.
          while (!c.acceptSymbol(")")) {
            c.value();
            c.acceptSymbol(",");
          }
        }
      } else {
        c.expect("volatile");
        persistent = false;
      }
      boolean ifNotExists = c.accept("ifnotexists");
      c.expectEnd();
      store.createDatabase(name, persistent, ifNotExists);
      return Optional.of(show(inv.database(), name));
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("databases")) {
      c.expectEnd();
      return Optional.of(show(inv.database(), null));
    }
    c = inv.cursor();
    if (c.accept(".drop") && c.accept("database")) {
      String name = c.name();
      boolean ifExists = c.accept("ifexists");
      c.expectEnd();
      store.dropDatabase(name, ifExists);
      return Optional.of(show(inv.database(), null));
    }
    return Optional.empty();
  }

  private ResultTable show(String current, String only) {
    ResultBuilder out = new ResultBuilder()
        .column("DatabaseName", KustoType.STRING)
        .column("PersistentStorage", KustoType.STRING)
        .column("Version", KustoType.STRING)
        .column("IsCurrent", KustoType.BOOL)
        .column("DatabaseAccessMode", KustoType.STRING)
        .column("PrettyName", KustoType.STRING)
        .column("ReservedSlot1", KustoType.BOOL)
        .column("DatabaseId", KustoType.GUID)
        .column("InTransitionTo", KustoType.STRING);
    for (DuckDbStore.Database db : store.databases()) {
      if (only != null && !only.equals(db.name())) {
        continue;
      }
      out.row(db.name(), db.persistent() ? db.file().toUri().toString() : "", "v1.0", db.name().equals(current),
          "ReadWrite", "", false, UUID.nameUUIDFromBytes(db.catalog().concat(db.schema()).getBytes()), "");
    }
    return out.build();
  }
}
