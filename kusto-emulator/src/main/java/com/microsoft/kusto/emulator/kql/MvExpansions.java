package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.TabularOp.Assignment;
import com.microsoft.kusto.emulator.kql.TabularOp.Expansion;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code mv-expand} and {@code mv-apply}. Each input row becomes as many rows as its longest expanded value has
 * elements (arrays element by element, property bags entry by entry, a null value one row of null, any other value
 * one row of itself, an empty array or bag no row), expanded values side by side with nulls where one runs out, as
 * Kusto documents. In SQL: the dynamic values are computed once per row in one step, then a lateral
 * {@code range(0, n)} numbers the elements.
 */
final class MvExpansions {
  /** Names a query cannot write (KQL identifiers have no '$'), for the columns the translation adds itself. */
  private static final String ROW = "$mv_row";

  private static final String INDEX = "mv_i";

  private final CteChain chain;
  private final QueryContext context;

  MvExpansions(CteChain chain, QueryContext context) {
    this.chain = chain;
    this.context = context;
  }

  /** One expanded value: its output name, the SQL column holding the dynamic value, the element type. */
  private record Expanded(String name, String dynamicColumn, KustoType type, boolean replacesInput) {}

  Relation mvExpand(Relation in, TabularOp.MvExpand op) {
    Relation pre = precompute(in, op.expansions(), false);
    List<Expanded> expanded = expanded(in, pre, op.expansions());
    List<ColumnSchema> columns = new ArrayList<>(in.columns());
    List<TypedSql> values = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      values.add(TypedSql.of(TableSchema.sqlColumn(i), in.columns().get(i).type()));
    }
    for (Expanded e : expanded) {
      TypedSql element = element(e, op.arrayKind());
      int existing = PipelineTranslator.indexOf(columns, e.name());
      if (existing >= 0) {
        columns.set(existing, new ColumnSchema(e.name(), element.type()));
        values.set(existing, element);
      } else {
        columns.add(new ColumnSchema(e.name(), element.type()));
        values.add(element);
      }
    }
    if (op.itemIndex() != null) {
      columns.add(new ColumnSchema(op.itemIndex(), KustoType.LONG));
      values.add(TypedSql.of(INDEX, KustoType.LONG));
    }
    return chain.add("SELECT " + CteChain.projections(values) + " FROM " + pre.cte() + lateral(expanded, op.limit()),
        columns);
  }

  /**
   * mv-apply: the subquery sees a subtable per input row (the expanded columns and the item index); its operators
   * run over all subtables at once, partitioned by input row where the result depends on the rows seen together
   * (summarize, take, top, distinct, sort). The input's other columns are added to each result row.
   *
   * @param subquery translates the rewritten operators over a relation, as the pipeline does
   */
  Relation mvApply(Relation in, TabularOp.MvApply op, BiFunction<Relation, TabularOp, Relation> subquery) {
    Relation pre = precompute(in, op.expansions(), true);
    int rowColumn = in.columns().size();
    List<Expanded> expanded = expanded(in, pre, op.expansions());
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    for (Expanded e : expanded) {
      TypedSql element = element(e, false);
      columns.add(new ColumnSchema(e.name(), element.type()));
      values.add(element);
    }
    if (op.itemIndex() != null) {
      columns.add(new ColumnSchema(op.itemIndex(), KustoType.LONG));
      values.add(TypedSql.of(INDEX, KustoType.LONG));
    }
    columns.add(new ColumnSchema(ROW, KustoType.LONG));
    values.add(TypedSql.of(TableSchema.sqlColumn(rowColumn), KustoType.LONG));
    Relation sub = chain.add(
        "SELECT " + CteChain.projections(values) + " FROM " + pre.cte() + lateral(expanded, op.limit()), columns);
    for (TabularOp operator : op.subquery()) {
      sub = perRow(sub, operator, subquery);
    }
    return joinBack(in, pre, rowColumn, expanded, sub);
  }

  /** The input's columns, a row number (mv-apply) and each expanded value as dynamic, computed once per row. */
  private Relation precompute(Relation in, List<Expansion> expansions, boolean numberRows) {
    ScalarTranslator t = new ScalarTranslator(context, Scope.of(in.columns()));
    List<ColumnSchema> columns = new ArrayList<>(in.columns());
    StringBuilder sql = new StringBuilder("SELECT *");
    if (numberRows) {
      sql.append(", CAST(row_number() OVER () AS BIGINT) AS ").append(TableSchema.sqlColumn(columns.size()));
      columns.add(new ColumnSchema(ROW, KustoType.LONG));
    }
    for (Expansion e : expansions) {
      TypedSql value = t.translate(e.expr());
      if (value.type() != KustoType.DYNAMIC) {
        throw KqlErrors.semantic("mv-expand and mv-apply expand dynamic arrays and property bags, but '"
            + describe(e) + "' is a " + value.type().kustoName() + "; wrap it in todynamic() or parse_json()");
      }
      sql.append(", CAST(").append(value.sql()).append(" AS JSON) AS ").append(TableSchema.sqlColumn(columns.size()));
      columns.add(new ColumnSchema("$mv_value" + columns.size(), KustoType.DYNAMIC));
    }
    return chain.add(sql + " FROM " + in.cte(), columns);
  }

  private List<Expanded> expanded(Relation in, Relation pre, List<Expansion> expansions) {
    int first = pre.columns().size() - expansions.size();
    ColumnNames names = new ColumnNames();
    List<Expanded> out = new ArrayList<>();
    for (int k = 0; k < expansions.size(); k++) {
      Expansion e = expansions.get(k);
      String name;
      boolean replaces;
      if (e.name() != null) {
        name = names.explicit(e.name());
        replaces = PipelineTranslator.indexOf(in.columns(), name) >= 0;
      } else if (e.expr() instanceof Expr.Name column) {
        name = names.reference(column.name());
        replaces = true;
      } else {
        String derived = ColumnNames.derive(e.expr());
        name = derived != null ? names.derived(derived) : names.nextColumn();
        replaces = false;
      }
      out.add(new Expanded(name, TableSchema.sqlColumn(first + k), e.type(), replaces));
    }
    return out;
  }

  private static String describe(Expansion e) {
    return e.name() != null ? e.name() : e.expr() instanceof Expr.Name n ? n.name() : "the expanded expression";
  }

  /** {@code , LATERAL (SELECT unnest(range(0, n)) AS mv_i)} with n the element count of the longest value. */
  private String lateral(List<Expanded> expanded, Expr limit) {
    List<String> counts = new ArrayList<>();
    for (Expanded e : expanded) {
      String d = e.dynamicColumn();
      counts.add("CASE WHEN " + d + " IS NULL OR json_type(" + d + ") = 'NULL' THEN 1 WHEN json_type(" + d
          + ") = 'ARRAY' THEN json_array_length(" + d + ") WHEN json_type(" + d + ") = 'OBJECT' THEN len(json_keys("
          + d + ")) ELSE 1 END");
    }
    String n = counts.size() == 1 ? counts.get(0) : "greatest(" + String.join(", ", counts) + ")";
    if (limit != null) {
      n = "least(" + n + ", " + PipelineTranslator.rowCount(context, limit, "limit") + ")";
    }
    return ", LATERAL (SELECT unnest(range(0, CAST(" + n + " AS BIGINT))) AS " + INDEX + ") AS mv_range";
  }

  /** Element {@code mv_i} of one expanded value, converted to its {@code to typeof()} type. */
  private static TypedSql element(Expanded e, boolean arrayKind) {
    String d = e.dynamicColumn();
    String key = "json_keys(" + d + ")[" + INDEX + " + 1]";
    // A JSON pointer addresses any key: '~' and '/' are escaped as ~0 and ~1.
    String entry = "json_extract(" + d + ", '/' || replace(replace(" + key + ", '~', '~0'), '/', '~1'))";
    String bagEntry = arrayKind ? "json_array(" + key + ", " + entry + ")" : "json_object(" + key + ", " + entry + ")";
    String sql = "CASE WHEN " + d + " IS NULL OR json_type(" + d + ") = 'NULL' THEN NULL"
        + " WHEN json_type(" + d + ") = 'ARRAY' THEN json_extract(" + d + ", " + INDEX + ")"
        + " WHEN json_type(" + d + ") = 'OBJECT' THEN CASE WHEN " + INDEX + " < len(json_keys(" + d + ")) THEN "
        + bagEntry + " END"
        + " WHEN " + INDEX + " = 0 THEN " + d + " END";
    TypedSql dynamic = TypedSql.of(sql, KustoType.DYNAMIC);
    return e.type() == null || e.type() == KustoType.DYNAMIC
        ? dynamic
        : Conversions.convert(dynamic, e.type(), "to typeof(" + e.type().kustoName() + ")");
  }

  /** One subquery operator, scoped to the subtable of each input row. */
  private Relation perRow(Relation in, TabularOp op, BiFunction<Relation, TabularOp, Relation> translate) {
    Expr row = new Expr.Name(ROW);
    String rowSql = TableSchema.sqlColumn(PipelineTranslator.indexOf(in.columns(), ROW));
    if (op instanceof TabularOp.Where || op instanceof TabularOp.Extend) {
      return translate.apply(in, op);
    }
    if (op instanceof TabularOp.Project project) {
      List<Assignment> columns = new ArrayList<>(project.columns());
      columns.add(new Assignment(ROW, row));
      return translate.apply(in, new TabularOp.Project(columns));
    }
    if (op instanceof TabularOp.Summarize summarize) {
      List<Assignment> by = new ArrayList<>(summarize.by());
      by.add(new Assignment(ROW, row));
      return translate.apply(in, new TabularOp.Summarize(summarize.aggregates(), by));
    }
    if (op instanceof TabularOp.Distinct distinct && !distinct.columns().isEmpty()) {
      List<Expr> columns = new ArrayList<>(distinct.columns());
      columns.add(row);
      return translate.apply(in, new TabularOp.Distinct(columns));
    }
    if (op instanceof TabularOp.Distinct) {
      return translate.apply(in, op);
    }
    if (op instanceof TabularOp.Take take) {
      return firstRowsPerRow(in, rowSql, null, take.rows(), "take");
    }
    if (op instanceof TabularOp.Top top) {
      return firstRowsPerRow(in, rowSql, List.of(top.key()), top.rows(), "top");
    }
    if (op instanceof TabularOp.Sort) {
      return translate.apply(in, op);
    }
    throw KustoRequestException.unsupported("the '" + operatorName(op) + "' operator inside mv-apply (supported"
        + " there: where, extend, project, summarize, distinct, take, top, sort)");
  }

  /** take/top per input row: row_number over the input row's partition, in the sort order of the keys if any. */
  private Relation firstRowsPerRow(Relation in, String rowSql, List<TabularOp.SortKey> keys, Expr rows,
      String operator) {
    String n = PipelineTranslator.rowCount(context, rows, operator);
    String order = keys == null ? "" : " ORDER BY " + PipelineTranslator.orderBy(keys,
        new ScalarTranslator(context, Scope.of(in.columns())));
    return chain.add("SELECT " + CteChain.columnList(in.columns().size()) + " FROM (SELECT *, row_number() OVER"
        + " (PARTITION BY " + rowSql + order + ") AS mv_rank FROM " + in.cte() + ") AS ranked WHERE mv_rank <= "
        + n, in.columns());
  }

  /** The input's columns that were not expanded, then the subquery's columns, joined on the input row. */
  private Relation joinBack(Relation in, Relation pre, int rowColumn, List<Expanded> expanded, Relation sub) {
    int subRow = PipelineTranslator.indexOf(sub.columns(), ROW);
    if (subRow < 0) {
      throw new IllegalStateException("the mv-apply subquery lost its row column");
    }
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      ColumnSchema c = in.columns().get(i);
      boolean replaced = expanded.stream().anyMatch(e -> e.replacesInput() && e.name().equals(c.name()));
      if (!replaced && PipelineTranslator.indexOf(sub.columns(), c.name()) < 0) {
        columns.add(c);
        values.add(TypedSql.of("p." + TableSchema.sqlColumn(i), c.type()));
      }
    }
    for (int i = 0; i < sub.columns().size(); i++) {
      if (i != subRow) {
        columns.add(sub.columns().get(i));
        values.add(TypedSql.of("s." + TableSchema.sqlColumn(i), sub.columns().get(i).type()));
      }
    }
    return chain.add("SELECT " + CteChain.projections(values) + " FROM " + sub.cte() + " AS s JOIN " + pre.cte()
        + " AS p ON s." + TableSchema.sqlColumn(subRow) + " = p." + TableSchema.sqlColumn(rowColumn), columns);
  }

  private static String operatorName(TabularOp op) {
    String simple = op.getClass().getSimpleName();
    return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
