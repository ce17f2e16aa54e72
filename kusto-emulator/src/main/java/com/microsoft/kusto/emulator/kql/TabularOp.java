package com.microsoft.kusto.emulator.kql;

import java.util.List;

/** The syntax tree of KQL tabular expressions: sources, the operators after {@code |}, and their parts. */
sealed interface TabularOp {
  /** {@code name = expr}, or just {@code expr} when the column name is derived by Kusto's naming rules. */
  record Assignment(String name, Expr expr) {}

  /** {@code nullsFirst} null means the Kusto default for the direction. */
  record SortKey(Expr expr, boolean ascending, Boolean nullsFirst) {}

  /** A source followed by operators. */
  record Pipeline(TabularOp source, List<TabularOp> operators) {
    public Pipeline {
      operators = List.copyOf(operators);
    }
  }

  // Sources.
  record TableRef(String name) implements TabularOp {}

  record Datatable(List<Assignment> columns, List<Expr> values) implements TabularOp {}

  record Print(List<Assignment> columns) implements TabularOp {}

  record Nested(Pipeline pipeline) implements TabularOp {}

  // Operators.
  record Where(Expr predicate) implements TabularOp {}

  record Extend(List<Assignment> columns) implements TabularOp {}

  record Project(List<Assignment> columns) implements TabularOp {}

  record ProjectAway(List<String> patterns) implements TabularOp {}

  /** {@code newName = oldName} pairs. */
  record ProjectRename(List<String[]> renames) implements TabularOp {}

  record Summarize(List<Assignment> aggregates, List<Assignment> by) implements TabularOp {}

  /** Empty columns means {@code distinct *}. */
  record Distinct(List<Expr> columns) implements TabularOp {}

  record Count() implements TabularOp {}

  record Take(Expr rows) implements TabularOp {}

  record Top(Expr rows, SortKey key) implements TabularOp {}

  record Sort(List<SortKey> keys) implements TabularOp {}

  record GetSchema() implements TabularOp {}

  record As(String name) implements TabularOp {}
}
