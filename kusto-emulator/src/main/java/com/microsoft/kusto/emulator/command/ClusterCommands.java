package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.KustoType;
import java.time.Instant;
import java.util.Optional;

/** {@code .show cluster} (one node) and {@code .show version}. */
final class ClusterCommands implements CommandHandler {
  static final String VERSION = "1.0.0-kusto-emulator";
  private final Instant startTime = Instant.now();
  private final String address;

  ClusterCommands(String address) {
    this.address = address;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (!c.accept(".show")) {
      return Optional.empty();
    }
    if (c.accept("cluster")) {
      if (!c.atEnd()) {
        return Optional.empty();
      }
      Runtime rt = Runtime.getRuntime();
      return Optional.of(new ResultBuilder()
          .column("NodeId", KustoType.STRING)
          .column("Address", KustoType.STRING)
          .column("Name", KustoType.STRING)
          .column("StartTime", KustoType.DATETIME)
          .column("IsAdmin", KustoType.BOOL)
          .column("MachineTotalMemory", KustoType.LONG)
          .column("MachineAvailableMemory", KustoType.LONG)
          .column("ProcessorCount", KustoType.INT)
          .column("HostName", KustoType.STRING)
          .row("KustoEmulator_0", address, "KustoEmulator_0", startTime, true, rt.maxMemory(), rt.freeMemory(),
              rt.availableProcessors(), "localhost")
          .build());
    }
    if (c.accept("version")) {
      c.expectEnd();
      return Optional.of(new ResultBuilder()
          .column("BuildVersion", KustoType.STRING)
          .column("BuildTime", KustoType.DATETIME)
          .column("ServiceType", KustoType.STRING)
          .column("ProductVersion", KustoType.STRING)
          .row(VERSION, startTime, "Engine", "KustoEmulator " + VERSION)
          .build());
    }
    return Optional.empty();
  }
}
