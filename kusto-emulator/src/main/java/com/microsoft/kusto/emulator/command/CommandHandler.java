package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.result.ResultTable;
import java.util.Optional;

/** A family of management commands; empty when the command is not one of its own. */
interface CommandHandler {
  Optional<ResultTable> handle(Invocation invocation);
}
