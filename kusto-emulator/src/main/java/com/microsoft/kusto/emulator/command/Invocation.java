package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.server.RequestContext;

/** One management command being executed: the request's database, the command split in parts, the request. */
record Invocation(String database, String text, CommandText.Parts parts, RequestContext ctx) {
  CommandCursor cursor() {
    return new CommandCursor(parts.header());
  }
}
