package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.Operation;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code .show operations [id | (id, ...)]} and {@code .show operation id details}. */
final class OperationCommands implements CommandHandler {
  private static final Instant EPOCH_START = Instant.now();
  private final OperationRegistry operations;

  OperationCommands(OperationRegistry operations) {
    this.operations = operations;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (!c.accept(".show")) {
      return Optional.empty();
    }
    if (c.accept("operations")) {
      List<Operation> selected;
      if (c.atEnd()) {
        selected = operations.all();
      } else if (c.acceptSymbol("(")) {
        List<String> ids = new java.util.ArrayList<>();
        do {
          ids.add(c.value());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        selected = ids.stream().map(this::find).flatMap(Optional::stream).toList();
      } else {
        selected = find(c.name()).stream().toList();
      }
      c.expectEnd();
      return Optional.of(table(selected));
    }
    if (c.accept("operation")) {
      String id = c.name();
      if (!c.accept("details")) {
        return Optional.empty();
      }
      c.expectEnd();
      Operation op = find(id).orElseThrow(() -> KustoRequestException.badRequest(
          "General_BadRequest", "Operation '" + id + "' was not found; use the id an async command returned"));
      if (op.details() == null) {
        throw KustoRequestException.badRequest("General_BadRequest", "Operation '" + id + "' is " + op.state()
            + " and has no results" + (op.status().isEmpty() ? "" : ": " + op.status()));
      }
      return Optional.of(op.details());
    }
    return Optional.empty();
  }

  private Optional<Operation> find(String id) {
    return operations.find(id.trim().toLowerCase(java.util.Locale.ROOT));
  }

  static ResultTable table(List<Operation> selected) {
    ResultBuilder out = new ResultBuilder()
        .column("OperationId", KustoType.GUID)
        .column("Operation", KustoType.STRING)
        .column("NodeId", KustoType.STRING)
        .column("StartedOn", KustoType.DATETIME)
        .column("LastUpdatedOn", KustoType.DATETIME)
        .column("Duration", KustoType.TIMESPAN)
        .column("State", KustoType.STRING)
        .column("Status", KustoType.STRING)
        .column("RootActivityId", KustoType.GUID)
        .column("ShouldRetry", KustoType.BOOL)
        .column("Database", KustoType.STRING)
        .column("Principal", KustoType.STRING)
        .column("User", KustoType.STRING)
        .column("AdminEpochStartTime", KustoType.DATETIME);
    for (Operation op : selected) {
      out.row(UUID.fromString(op.id()), op.operation(), "", op.startedOn(), op.lastUpdatedOn(),
          Duration.between(op.startedOn(), op.lastUpdatedOn()), op.state().name(), op.status(),
          parseGuid(op.rootActivityId()), op.shouldRetry(), op.database(), "", op.user(), EPOCH_START);
    }
    return out.build();
  }

  private static UUID parseGuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
