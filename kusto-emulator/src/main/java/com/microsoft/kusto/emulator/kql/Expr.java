package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.util.List;

/** The syntax tree of a KQL scalar expression, as parsed (before names and types are resolved). */
sealed interface Expr {
  /**
   * A constant of a Kusto type; value is Boolean, Integer, Long, Double, BigDecimal, Instant (datetime), Long ticks
   * (timespan), String, UUID, or canonical JSON text (dynamic); null for a typed null such as {@code int(null)}.
   */
  record Literal(KustoType type, Object value) implements Expr {}

  /** A column, let variable or query parameter, written plainly or quoted as {@code ['name']}. */
  record Name(String name) implements Expr {}

  record Call(String function, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Arithmetic, comparison, logical and string operators by their KQL spelling ({@code +}, {@code =~}, ...). */
  record Binary(String op, Expr left, Expr right) implements Expr {}

  record Negate(Expr operand) implements Expr {}

  record InList(Expr value, List<Expr> items, boolean negated, boolean ignoreCase) implements Expr {
    public InList {
      items = List.copyOf(items);
    }
  }

  record Between(Expr value, Expr low, Expr high, boolean negated) implements Expr {}

  /** Dynamic property access {@code d.a} or {@code d['a']}. */
  record Member(Expr target, String key) implements Expr {}

  /** Dynamic array access {@code d[0]}. */
  record Index(Expr target, Expr index) implements Expr {}
}
