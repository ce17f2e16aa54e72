package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.command.CommandCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code .export [async] [compressed] to (parquet|csv) ("<url>"[, ...]) [with (k=v, ...)] <| <query>}, parsed.
 * Property names are case-insensitive.
 */
public record ExportCommand(
    boolean async,
    boolean compressed,
    String format,
    List<ExportTarget> targets,
    Map<String, String> properties,
    String query) {
  public ExportCommand {
    targets = List.copyOf(targets);
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(properties);
    properties = copy;
  }

  /** The parsed command, or empty if the text is not an {@code .export} command. */
  public static Optional<ExportCommand> parse(String commandText) {
    CommandCursor s = new CommandCursor(commandText);
    if (!s.accept(".export")) {
      return Optional.empty();
    }
    boolean async = s.accept("async");
    boolean compressed = s.accept("compressed");
    s.expect("to");
    String format = s.word().orElseThrow(() -> s.syntax("expected the export format (parquet or csv)"));
    if (!format.equals("parquet") && !format.equals("csv")) {
      throw KustoRequestException.unsupported("export format '" + format + "' (supported: parquet, csv)");
    }
    s.expectSymbol("(");
    List<ExportTarget> targets = new ArrayList<>();
    do {
      if (!s.peekString()) {
        throw s.syntax("expected a storage connection string literal");
      }
      String url = s.joinedString();
      targets.add(ExportTarget.parse(url));
    } while (s.acceptSymbol(","));
    s.expectSymbol(")");
    Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (s.accept("with")) {
      s.expectSymbol("(");
      while (!s.acceptSymbol(")")) {
        String name = s.name();
        s.expectSymbol("=");
        properties.put(name.toLowerCase(Locale.ROOT), s.value());
        s.acceptSymbol(",");
      }
    }
    s.expectSymbol("<|");
    String query = s.rest().trim();
    if (query.isEmpty()) {
      throw s.syntax("expected the query to export after '<|'");
    }
    return Optional.of(new ExportCommand(async, compressed, format, targets, properties, query));
  }

  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
