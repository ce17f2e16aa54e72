package com.microsoft.kusto.emulator.kql;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Kusto's automatic column names. A column reference keeps its name, and so do conversions and {@code bin}
 * ({@code tostring(x)} is {@code x}); {@code strlen(x)} is {@code strlen_x}; dynamic access {@code d.a[0]} is
 * {@code d_a_0}; aggregates are {@code <function>_<argument name>} ({@code count_}, {@code sum_x}); anything else
 * is {@code Column1}, {@code Column2}, ... per operator ({@code print_<position>} in print). Clashing derived
 * names get a numeric suffix ({@code count_1}); clashing explicit names and column references are an error.
 */
final class ColumnNames {
  private final Set<String> used = new LinkedHashSet<>();
  /** Names given explicitly or by a plain column reference: a second such name is an error, not a suffix. */
  private final Set<String> declared = new LinkedHashSet<>();
  private int nextColumnNumber = 1;

  /** The derived name of an expression, or null when Kusto would use ColumnN. */
  static String derive(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Member m) {
      String base = derive(m.target());
      return base == null ? null : base + "_" + m.key();
    }
    if (e instanceof Expr.Index i && i.index() instanceof Expr.Literal l && l.value() instanceof Long n) {
      String base = derive(i.target());
      return base == null ? null : base + "_" + n;
    }
    if (e instanceof Expr.Call c && !c.args().isEmpty()) {
      String f = c.function();
      if (Functions.isConversion(f) || f.equals("bin") || f.equals("floor")) {
        return derive(c.args().get(0));
      }
      if (f.equals("strlen")) {
        String arg = derive(c.args().get(0));
        return arg == null ? null : "strlen_" + arg;
      }
    }
    return null;
  }

  /** The name Kusto gives an unnamed aggregate: count_, sum_x, countif_ for countif(x > 1), countif_b for countif(b).
   */
  static String aggregate(Expr.Call call) {
    String arg = call.args().isEmpty() ? null : derive(call.args().get(0));
    String prefix = switch (call.function()) {
      case "make_list" -> "list";
      case "make_set" -> "set";
      default -> call.function();
    };
    return prefix + "_" + (arg == null ? "" : arg);
  }

  /** Registers an explicit {@code name = ...}; a duplicate is a semantic error as in Kusto. */
  String explicit(String name) {
    if (!used.add(name)) {
      throw KqlErrors.semantic("A column with the name '" + name + "' is already declared");
    }
    declared.add(name);
    return name;
  }

  /**
   * Registers a plain column reference: it keeps its name, clashing with an explicit name or another reference is
   * an error, and clashing only with a derived name ({@code tostring(x)} is {@code x}) adds a suffix.
   */
  String reference(String name) {
    if (declared.contains(name)) {
      throw KqlErrors.semantic("A column with the name '" + name + "' is already declared");
    }
    if (used.contains(name)) {
      return derived(name);
    }
    return explicit(name);
  }

  /** Registers a derived name, adding 1, 2, ... when it is taken. */
  String derived(String name) {
    String candidate = name;
    for (int i = 1; used.contains(candidate); i++) {
      candidate = name + i;
    }
    used.add(candidate);
    return candidate;
  }

  /** The next ColumnN name of this operator. */
  String nextColumn() {
    return derived("Column" + nextColumnNumber++);
  }

  /** The next ColumnN name without reserving it (extend replaces same-named columns instead). */
  String nextColumnUnreserved() {
    return "Column" + nextColumnNumber++;
  }
}
