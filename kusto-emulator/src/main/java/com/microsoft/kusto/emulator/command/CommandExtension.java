package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.server.RequestContext;
import java.util.Optional;

/**
 * Management commands implemented outside the command package (the storage commands: ingestion resources,
 * identity token, export containers, {@code .export}). Asked first; empty means "not mine".
 */
@FunctionalInterface
public interface CommandExtension {
  Optional<ResultTable> tryExecute(String database, String commandText, RequestContext ctx);
}
