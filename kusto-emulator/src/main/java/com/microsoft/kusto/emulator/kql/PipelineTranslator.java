package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.TabularOp.Assignment;
import com.microsoft.kusto.emulator.kql.TabularOp.SortKey;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.SchemaCatalog;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Translates tabular sources and operators, one CTE per step. */
final class PipelineTranslator {
  private final SchemaCatalog catalog;
  private final String database;
  private final QueryContext context;
  private final CteChain chain;

  PipelineTranslator(SchemaCatalog catalog, String database, QueryContext context, CteChain chain) {
    this.catalog = catalog;
    this.database = database;
    this.context = context;
    this.chain = chain;
  }

  Relation pipeline(TabularOp.Pipeline pipeline) {
    Relation r = source(pipeline.source());
    return operators(r, pipeline.operators());
  }

  Relation operators(Relation input, List<TabularOp> operators) {
    Relation r = input;
    for (TabularOp op : operators) {
      r = operator(r, op);
    }
    return r;
  }

  /** A relation over arbitrary SQL yielding c0..cN (the result of a management command). */
  Relation sqlInput(String sql, List<ColumnSchema> columns) {
    return chain.add("SELECT " + neverNullStrings(columns) + " FROM (" + sql + ") AS input", columns);
  }

  // ---- sources ------------------------------------------------------------------------------------------

  private Relation source(TabularOp source) {
    if (source instanceof TabularOp.TableRef ref) {
      return table(ref.name());
    }
    if (source instanceof TabularOp.Nested nested) {
      return pipeline(nested.pipeline());
    }
    if (source instanceof TabularOp.Print print) {
      return print(print);
    }
    if (source instanceof TabularOp.Datatable datatable) {
      return datatable(datatable);
    }
    if (source instanceof TabularOp.Union union) {
      return union(List.of(), union);
    }
    throw new IllegalStateException("unknown source " + source);
  }

  Optional<Relation> tabularName(String name) {
    Optional<Relation> bound = context.tabular(name);
    if (bound.isPresent()) {
      return bound;
    }
    return catalog.findTable(database, name).map(this::storedTable);
  }

  private Relation table(String name) {
    return tabularName(name)
        .orElseThrow(
            () -> KqlErrors.semantic("'" + name + "' table not found in database '" + database
                + "' (table names are case-sensitive); existing tables: " + tableNames()));
  }

  private List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (TableSchema t : catalog.tables(database)) {
      names.add(t.name());
    }
    return names;
  }

  /** The SQL column a table scan adds for {@code ingestion_time()} and the cursor functions. */
  private static final String INGESTION_TIME = "kql_ingestion_time";

  /**
   * A stored table without its extent column; with each row's ingestion time (from its extent) when the query uses
   * it and the table's IngestionTime policy is on.
   */
  private Relation storedTable(TableSchema table) {
    Optional<String> extents = catalog.extentCatalogSql(database);
    if (context.tracksIngestionTime() && extents.isPresent() && catalog.ingestionTimePolicy(database, table.name())) {
      return chain.add("SELECT " + neverNullStrings(table.columns()) + ", (SELECT x.ingested_at FROM " + extents.get()
          + " AS x WHERE x.id = t." + TableSchema.EXTENT_COLUMN + ") AS " + INGESTION_TIME + " FROM "
          + table.sqlReference() + " AS t", table.columns(), INGESTION_TIME);
    }
    return chain.add("SELECT " + neverNullStrings(table.columns()) + " FROM " + table.sqlReference(), table.columns());
  }

  /** The column list c0..cN; strings are never null in Kusto, so a null string reads as "". */
  private static String neverNullStrings(List<ColumnSchema> columns) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String c = TableSchema.sqlColumn(i);
      out.add(columns.get(i).type() == KustoType.STRING ? "COALESCE(" + c + ", '') AS " + c : c);
    }
    return String.join(", ", out);
  }

  private Relation print(TabularOp.Print print) {
    ScalarTranslator t = new ScalarTranslator(context, Scope.empty());
    ColumnNames names = new ColumnNames();
    List<TypedSql> values = new ArrayList<>();
    List<ColumnSchema> columns = new ArrayList<>();
    for (int i = 0; i < print.columns().size(); i++) {
      Assignment a = print.columns().get(i);
      TypedSql v = t.translate(a.expr());
      String name = a.name() != null ? names.explicit(a.name()) : names.derived("print_" + i);
      values.add(v);
      columns.add(new ColumnSchema(name, v.type()));
    }
    return chain.add("SELECT " + CteChain.projections(values), columns);
  }

  private Relation datatable(TabularOp.Datatable datatable) {
    List<ColumnSchema> columns = new ArrayList<>();
    ColumnNames names = new ColumnNames();
    for (Assignment a : datatable.columns()) {
      columns.add(new ColumnSchema(names.explicit(a.name()), ((Expr.Literal) a.expr()).type()));
    }
    int width = columns.size();
    if (datatable.values().size() % width != 0) {
      throw KqlErrors.semantic("datatable has " + width + " columns but " + datatable.values().size()
          + " values, which is not a whole number of rows");
    }
    ScalarTranslator t = new ScalarTranslator(context, Scope.empty());
    List<String> rows = new ArrayList<>();
    for (int start = 0; start < datatable.values().size(); start += width) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        TypedSql v = t.translate(datatable.values().get(start + c));
        if (!v.isConstant()) {
          throw KqlErrors.semantic("datatable values must be literals, but value " + (start + c + 1) + " is not");
        }
        cells.add(datatableCell(v, columns.get(c)));
      }
      rows.add("(" + String.join(", ", cells) + ")");
    }
    String sql = rows.isEmpty()
        ? "SELECT " + typedNulls(columns) + " WHERE FALSE"
        : "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS v(" + CteChain.columnList(width) + ")";
    return chain.add(sql, columns);
  }

  private static String datatableCell(TypedSql v, ColumnSchema column) {
    KustoType target = column.type();
    if (v.type() == target) {
      return v.sql();
    }
    if (KqlTypes.isNumeric(v.type()) && KqlTypes.isNumeric(target)) {
      return "CAST(" + v.sql() + " AS " + target.duckDbType() + ")";
    }
    if (v.constant().value() == null) {
      return "CAST(NULL AS " + target.duckDbType() + ")";
    }
    throw KqlErrors.semantic("datatable column '" + column.name() + "' is " + target.kustoName() + " but a value is a "
        + v.type().kustoName());
  }

  private static String typedNulls(List<ColumnSchema> columns) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add("CAST(NULL AS " + columns.get(i).type().duckDbType() + ") AS " + TableSchema.sqlColumn(i));
    }
    return String.join(", ", out);
  }

  // ---- operators ----------------------------------------------------------------------------------------

  private Relation operator(Relation in, TabularOp op) {
    ScalarTranslator t = new ScalarTranslator(context, Scope.of(in));
    // Operators that keep the input's rows keep their ingestion time (SELECT * carries the hidden column).
    if (op instanceof TabularOp.Where where) {
      TypedSql p = t.predicate(where.predicate(), "'where'");
      return chain.add("SELECT * FROM " + in.cte() + " WHERE " + p.sql(), in.columns(), in.ingestionTime());
    }
    if (op instanceof TabularOp.Extend extend) {
      return extend(in, extend, t);
    }
    if (op instanceof TabularOp.Project project) {
      return project(in, project, t);
    }
    if (op instanceof TabularOp.ProjectAway away) {
      return ColumnOperators.projectAway(in, away, chain);
    }
    if (op instanceof TabularOp.ProjectRename rename) {
      return ColumnOperators.projectRename(in, rename, chain);
    }
    if (op instanceof TabularOp.Summarize summarize) {
      return summarize(in, summarize, t);
    }
    if (op instanceof TabularOp.Distinct distinct) {
      return ColumnOperators.distinct(in, distinct, chain);
    }
    if (op instanceof TabularOp.Count) {
      return chain.add("SELECT count(*) AS " + TableSchema.sqlColumn(0) + " FROM " + in.cte(),
          List.of(new ColumnSchema("Count", KustoType.LONG)));
    }
    if (op instanceof TabularOp.Take take) {
      return chain.add("SELECT * FROM " + in.cte() + " LIMIT " + rowCount(context, take.rows(), "take"), in.columns(),
          in.ingestionTime());
    }
    if (op instanceof TabularOp.Top top) {
      return chain.add("SELECT * FROM " + in.cte() + " ORDER BY " + orderBy(List.of(top.key()), t) + " LIMIT "
          + rowCount(context, top.rows(), "top"), in.columns(), in.ingestionTime());
    }
    if (op instanceof TabularOp.Sort sort) {
      return chain.add("SELECT * FROM " + in.cte() + " ORDER BY " + orderBy(sort.keys(), t), in.columns(),
          in.ingestionTime());
    }
    if (op instanceof TabularOp.GetSchema) {
      return ColumnOperators.getSchema(in, chain);
    }
    if (op instanceof TabularOp.Union union) {
      return union(List.of(new Unions.Leg(in, "union_arg0")), union);
    }
    if (op instanceof TabularOp.MvExpand mvExpand) {
      return new MvExpansions(chain, context).mvExpand(in, mvExpand);
    }
    if (op instanceof TabularOp.MvApply mvApply) {
      return new MvExpansions(chain, context).mvApply(in, mvApply, this::operator);
    }
    if (op instanceof TabularOp.As as) {
      context.bindTabular(as.name(), in);
      return in;
    }
    throw new IllegalStateException("unknown operator " + op);
  }

  /** The legs of a union after {@code first} (the piped input, if any); a table leg's rows are named after it. */
  private Relation union(List<Unions.Leg> first, TabularOp.Union union) {
    List<Unions.Leg> legs = new ArrayList<>(first);
    for (TabularOp.Pipeline leg : union.legs()) {
      String name = leg.source() instanceof TabularOp.TableRef ref && leg.operators().isEmpty()
          ? ref.name()
          : "union_arg" + legs.size();
      legs.add(new Unions.Leg(pipeline(leg), name));
    }
    return Unions.union(legs, union.inner(), union.withSource(), chain);
  }

  /** extend: every expression sees the input columns; a name that exists replaces that column in place. */
  private Relation extend(Relation in, TabularOp.Extend extend, ScalarTranslator t) {
    List<ColumnSchema> columns = new ArrayList<>(in.columns());
    List<TypedSql> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      values.add(TypedSql.of(TableSchema.sqlColumn(i), columns.get(i).type()));
    }
    ColumnNames names = new ColumnNames();
    for (Assignment a : extend.columns()) {
      TypedSql v = t.translate(a.expr());
      String name = a.name() != null ? a.name() : ColumnNames.derive(a.expr());
      if (name == null) {
        name = names.nextColumnUnreserved();
      }
      int existing = indexOf(columns, name);
      if (existing >= 0) {
        columns.set(existing, new ColumnSchema(name, v.type()));
        values.set(existing, v);
      } else {
        columns.add(new ColumnSchema(name, v.type()));
        values.add(v);
      }
    }
    String hidden = in.ingestionTime() == null ? "" : ", " + in.ingestionTime();
    return chain.add("SELECT " + CteChain.projections(values) + hidden + " FROM " + in.cte(), columns,
        in.ingestionTime());
  }

  private Relation project(Relation in, TabularOp.Project project, ScalarTranslator t) {
    ColumnNames names = new ColumnNames();
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    for (Assignment a : project.columns()) {
      TypedSql v = t.translate(a.expr());
      values.add(v);
      columns.add(new ColumnSchema(name(a, names), v.type()));
    }
    return chain.add("SELECT " + CteChain.projections(values) + " FROM " + in.cte(), columns);
  }

  private static String name(Assignment a, ColumnNames names) {
    if (a.name() != null) {
      return names.explicit(a.name());
    }
    if (a.expr() instanceof Expr.Name reference) {
      return names.reference(reference.name());
    }
    String derived = ColumnNames.derive(a.expr());
    return derived != null ? names.derived(derived) : names.nextColumn();
  }

  /** summarize: group columns first, then aggregates; no 'by' yields exactly one row, as in Kusto. */
  private Relation summarize(Relation in, TabularOp.Summarize summarize, ScalarTranslator t) {
    if (summarize.aggregates().isEmpty() && summarize.by().isEmpty()) {
      throw KqlErrors.syntax("'summarize' needs aggregates, 'by' columns or both");
    }
    ColumnNames names = new ColumnNames();
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    for (Assignment a : summarize.by()) {
      TypedSql v = t.translate(a.expr());
      if (v.type() == KustoType.DYNAMIC) {
        throw KustoRequestException.unsupported("grouping by a dynamic value in 'summarize'");
      }
      values.add(v);
      columns.add(new ColumnSchema(name(a, names), v.type()));
    }
    for (Assignment a : summarize.aggregates()) {
      if (!(a.expr() instanceof Expr.Call call)) {
        throw KustoRequestException.unsupported(
            "expressions around aggregation functions in 'summarize' (aggregate first, then compute in 'extend')");
      }
      TypedSql v = Aggregates.translate(call, t);
      values.add(v);
      String name = a.name() != null ? names.explicit(a.name()) : names.derived(ColumnNames.aggregate(call));
      columns.add(new ColumnSchema(name, v.type()));
    }
    StringBuilder sql = new StringBuilder("SELECT " + CteChain.projections(values) + " FROM " + in.cte());
    if (!summarize.by().isEmpty()) {
      List<String> positions = new ArrayList<>();
      for (int i = 1; i <= summarize.by().size(); i++) {
        positions.add(String.valueOf(i));
      }
      sql.append(" GROUP BY ").append(String.join(", ", positions));
    }
    return chain.add(sql.toString(), columns);
  }

  /**
   * ORDER BY with Kusto's defaults (desc unless asc; nulls last for desc, first for asc). For reals Kusto keeps NaN
   * next to null, while DuckDB sorts NaN above +inf, so NaN is ordered as a null that sorts just inside the nulls.
   */
  static String orderBy(List<SortKey> keys, ScalarTranslator t) {
    List<String> out = new ArrayList<>();
    for (SortKey key : keys) {
      TypedSql v = t.translate(key.expr());
      if (v.type() == KustoType.DYNAMIC) {
        throw KqlErrors.semantic("cannot sort by a dynamic value; convert it with tostring(), tolong(), ...");
      }
      boolean nullsFirst = key.nullsFirst() != null ? key.nullsFirst() : key.ascending();
      String direction = key.ascending() ? " ASC" : " DESC";
      String nulls = nullsFirst ? " NULLS FIRST" : " NULLS LAST";
      if (v.type() == KustoType.REAL) {
        out.add("(CASE WHEN isnan(" + v.sql() + ") THEN NULL ELSE " + v.sql() + " END)" + direction + nulls);
        out.add("(" + v.sql() + " IS NULL)" + (nullsFirst ? " DESC" : " ASC"));
      } else {
        out.add(v.p() + direction + nulls);
      }
    }
    return String.join(", ", out);
  }

  /** A row count of {@code operator} (take, top, a limit): an int or long, never negative; as SQL. */
  static String rowCount(QueryContext context, Expr rows, String operator) {
    TypedSql n = new ScalarTranslator(context, Scope.empty()).translate(rows);
    if (!KqlTypes.isIntegral(n.type())) {
      throw KqlErrors.semantic("'" + operator + "' needs an int or long row count but got a " + n.type().kustoName());
    }
    if (n.isConstant() && n.constant().value() instanceof Number v && v.longValue() < 0) {
      throw KqlErrors.semantic("'" + operator + "' needs a non-negative row count but got " + v);
    }
    return n.p();
  }

  static int indexOf(List<ColumnSchema> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
