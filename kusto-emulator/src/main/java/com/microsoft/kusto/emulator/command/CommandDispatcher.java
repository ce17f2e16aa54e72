package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.server.RequestContext;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Executes the text of a {@code /v1/rest/mgmt} request: management commands (with an optional {@code | tail} or
 * {@code ; $command_results | tail}) and plain queries, which the SDK's executeToJsonResult may send here too.
 */
public final class CommandDispatcher {
  private final KqlExecutor kql;
  private final List<CommandExtension> extensions = new CopyOnWriteArrayList<>();
  private final List<CommandHandler> handlers;

  public CommandDispatcher(DuckDbStore store, OperationRegistry operations, KqlExecutor kql, String clusterAddress) {
    this.kql = kql;
    this.handlers = List.of(
        new InlineIngestCommand(store),
        new DatabaseCommands(store),
        new PolicyCommands(store),
        new ExtentCommands(store, operations, this),
        new TableCommands(store),
        new OperationCommands(operations),
        new ClusterCommands(clusterAddress),
        new HousekeepingCommands(store));
  }

  /** Adds commands implemented elsewhere (storage commands); they are asked before the built-in ones. */
  public void addExtension(CommandExtension extension) {
    extensions.add(extension);
  }

  public ResultTable execute(String database, String text, RequestContext ctx) {
    String trimmed = text.strip();
    if (!trimmed.startsWith(".")) {
      return kql.query(database, trimmed, ctx.parameters());
    }
    for (CommandExtension extension : extensions) {
      Optional<ResultTable> result = extension.tryExecute(database, trimmed, ctx);
      if (result.isPresent()) {
        return result.get();
      }
    }
    if (trimmed.toLowerCase(Locale.ROOT).startsWith(".ingest")) {
      // Inline data is raw text; it is never split at pipes or semicolons.
      return dispatch(new Invocation(database, trimmed, CommandText.parts(trimmed), ctx));
    }
    List<String> statements = CommandText.statements(trimmed);
    if (statements.size() == 2 && statements.get(1).startsWith("$command_results")) {
      String rest = statements.get(1).substring("$command_results".length()).strip();
      ResultTable first = execute(database, statements.get(0), ctx);
      if (rest.isEmpty()) {
        return first;
      }
      if (!rest.startsWith("|")) {
        throw KustoRequestException.badRequest("General_BadRequest",
            "Expected '| <query>' after $command_results, got '" + rest + "'");
      }
      return kql.over(database, first, rest.substring(1).strip());
    }
    if (statements.size() != 1) {
      throw KustoRequestException.unsupported(
          "several statements in one management request, except '<command>; $command_results | <query>'");
    }
    // One statement, without the separator that may end it ('.move ... <| .show table T extents ;').
    String statement = statements.isEmpty() ? trimmed : statements.get(0);
    CommandText.Parts parts = CommandText.parts(statement);
    if (parts.tail() != null) {
      ResultTable head = dispatch(new Invocation(database, parts.header(), CommandText.parts(parts.header()), ctx));
      return kql.over(database, head, parts.tail());
    }
    return dispatch(new Invocation(database, statement, parts, ctx));
  }

  private ResultTable dispatch(Invocation invocation) {
    for (CommandHandler handler : handlers) {
      Optional<ResultTable> result = handler.handle(invocation);
      if (result.isPresent()) {
        return result.get();
      }
    }
    String header = invocation.parts().header();
    throw KustoRequestException.unsupported(
        "the management command '" + (header.length() > 120 ? header.substring(0, 120) + "..." : header) + "'");
  }

  /** Runs the input of {@code <|}: a command when it starts with '.', else a query. */
  ResultTable runInput(String database, String text, RequestContext ctx) {
    return execute(database, text, ctx);
  }
}
