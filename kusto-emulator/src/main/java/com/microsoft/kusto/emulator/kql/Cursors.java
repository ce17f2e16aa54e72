package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.time.Instant;
import java.util.Optional;

/**
 * Database cursors and {@code ingestion_time()}. A cursor is an ingestion time written as Kusto writes times,
 * 100-nanosecond ticks since 0001-01-01, as a decimal string; the store hands out strictly increasing ingestion
 * times, so {@code cursor_after(c)} and {@code cursor_before_or_at(c)} split a table's rows exactly at {@code c}.
 * {@code ingestion_time()} is null where rows no longer are a table's rows (after project, summarize, ...) or the
 * table's IngestionTime policy is off.
 */
final class Cursors {
  /** Ticks between 0001-01-01 and 1970-01-01. */
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

  private Cursors() {}

  /** The function names that make a query carry ingestion times. */
  static boolean isCursorFunction(String name) {
    return switch (name) {
      case "ingestion_time", "cursor_current", "cursor_after", "cursor_before_or_at" -> true;
      default -> false;
    };
  }

  static String cursor(Instant ingestionTime) {
    long ticks = Math.addExact(Math.multiplyExact(ingestionTime.getEpochSecond(), 10_000_000L),
        ingestionTime.getNano() / 100) + EPOCH_TICKS;
    return Long.toString(ticks);
  }

  /** The ingestion time a cursor stands for; empty for the empty cursor (before anything). */
  static Optional<Instant> instant(String cursor) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    long ticks;
    try {
      ticks = Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw notACursor(cursor);
    }
    if (ticks < EPOCH_TICKS) {
      throw notACursor(cursor);
    }
    long sinceEpoch = ticks - EPOCH_TICKS;
    return Optional.of(Instant.ofEpochSecond(sinceEpoch / 10_000_000L, (sinceEpoch % 10_000_000L) * 100));
  }

  private static RuntimeException notACursor(String cursor) {
    return KqlErrors.semantic("'" + cursor + "' is not a database cursor; use a value cursor_current() returned,"
        + " or \"\" for the beginning");
  }

  static TypedSql translate(Expr.Call call, ScalarTranslator t) {
    String name = call.function();
    switch (name) {
      case "ingestion_time":
        arity(call, 0);
        return t.scope().ingestionTime()
            .map(column -> TypedSql.of(column, KustoType.DATETIME))
            .orElseGet(() -> TypedSql.of("CAST(NULL AS TIMESTAMP)", KustoType.DATETIME));
      case "cursor_current":
        arity(call, 0);
        return SqlLiterals.of(new Expr.Literal(KustoType.STRING, t.context().cursorCurrent()));
      case "cursor_after":
      case "cursor_before_or_at":
        arity(call, 1);
        TypedSql argument = t.translate(call.args().get(0));
        if (argument.type() != KustoType.STRING || !argument.isConstant()) {
          throw KqlErrors.semantic("'" + name + "' takes a cursor as a string literal (from cursor_current())");
        }
        Optional<Instant> at = instant(String.valueOf(argument.constant().value()));
        String column = t.scope().ingestionTime().orElseThrow(() -> KqlErrors.semantic("'" + name + "' filters a"
            + " table's rows by their ingestion time: use it on the rows of a table whose IngestionTime policy is on,"
            + " before operators that make new rows (project, summarize, ...)"));
        boolean after = name.equals("cursor_after");
        if (at.isEmpty()) {
          return TypedSql.of(after ? "(" + column + " IS NOT NULL)" : "FALSE", KustoType.BOOL);
        }
        String time = SqlLiterals.of(new Expr.Literal(KustoType.DATETIME, at.get())).sql();
        return TypedSql.of("(" + column + (after ? " > " : " <= ") + time + ")", KustoType.BOOL);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  private static void arity(Expr.Call call, int n) {
    if (call.args().size() != n) {
      throw KqlErrors.semantic("the function '" + call.function() + "' takes " + n + " argument" + (n == 1 ? "" : "s")
          + " but got " + call.args().size());
    }
  }
}
