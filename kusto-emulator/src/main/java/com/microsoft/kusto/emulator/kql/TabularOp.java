package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
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

  /** One expanded value of mv-expand or mv-apply: {@code [name =] expr [to typeof(type)]}; type null is dynamic. */
  record Expansion(String name, Expr expr, KustoType type) {}

  // Sources.
  record TableRef(String name) implements TabularOp {}

  /**
   * {@code union [kind=inner|outer] [withsource=Column] T1, T2, ...}; as an operator the piped input is the first
   * leg. {@code withSource} null means no source column.
   */
  record Union(boolean inner, String withSource, List<Pipeline> legs) implements TabularOp {
    public Union {
      legs = List.copyOf(legs);
    }
  }

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

  /**
   * {@code mv-expand [kind=bag|array] [with_itemindex=Index] expansions [limit n]}; {@code arrayKind} expands a
   * property bag into [key, value] arrays instead of single-property bags. {@code limit} null means no limit.
   */
  record MvExpand(boolean arrayKind, String itemIndex, List<Expansion> expansions, Expr limit) implements TabularOp {
    public MvExpand {
      expansions = List.copyOf(expansions);
    }
  }

  /** {@code mv-apply [with_itemindex=Index] expansions [limit n] on (operators)}: the operators run per input row. */
  record MvApply(String itemIndex, List<Expansion> expansions, Expr limit, List<TabularOp> subquery)
      implements TabularOp {
    public MvApply {
      expansions = List.copyOf(expansions);
      subquery = List.copyOf(subquery);
    }
  }
}
