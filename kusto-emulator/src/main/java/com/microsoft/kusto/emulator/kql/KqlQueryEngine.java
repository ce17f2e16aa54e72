package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.SchemaCatalog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's KQL front end: translates a query in the supported KQL subset to one DuckDB SELECT whose columns
 * are named {@code c0..cN} in the storage representation of their Kusto types (see {@link KustoType}).
 *
 * <p>Supported: statements {@code let} (scalar and tabular), {@code declare query_parameters}, {@code set} of
 * result-neutral options; sources tables, {@code print}, {@code datatable}; operators where, extend, project,
 * project-away, project-rename, summarize (count, countif, sum, avg, min, max, dcount), distinct, count, take/limit,
 * top, sort/order, getschema, as; the scalar operators and functions listed in {@code Functions},
 * {@code StringPredicates} and {@code Arithmetic}. Everything else is refused with
 * {@link KustoRequestException#unsupported(String)} naming the construct; bad text and unknown names are permanent
 * 400 syntax or semantic errors. Thread-safe: each call works on its own state.
 */
public final class KqlQueryEngine {
  /** Options of {@code set} that cannot change a result in the emulator (which never truncates). */
  private static final Set<String> NEUTRAL_OPTIONS =
      Set.of("notruncation", "truncationmaxsize", "truncationmaxrecords", "servertimeout", "norequesttimeout");

  private final SchemaCatalog catalog;

  public KqlQueryEngine(SchemaCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * Compiles {@code kql} against {@code database}. {@code parameters} maps query-parameter names to their literal
   * text as the SDK sends it ({@code int(5)}, {@code datetime(...)}, raw text for strings).
   */
  public CompiledQuery compile(String database, String kql, Map<String, String> parameters) {
    Map<String, String> supplied = parameters == null ? Map.of() : parameters;
    QueryContext context = new QueryContext(now());
    if (KqlLexer.mentionsAny(kql, Cursors::isCursorFunction)) {
      context.trackIngestionTime(catalog.latestIngestionTime(database).map(Cursors::cursor).orElse(""));
    }
    CteChain chain = new CteChain();
    PipelineTranslator pipelines = new PipelineTranslator(catalog, database, context, chain);
    Relation result = null;
    for (Statement statement : KqlParser.parseQuery(kql)) {
      if (statement instanceof Statement.LetScalar let) {
        bindLet(let, context, pipelines);
      } else if (statement instanceof Statement.LetTabular let) {
        context.bindTabular(let.name(), pipelines.pipeline(let.value()));
      } else if (statement instanceof Statement.DeclareParameters declare) {
        for (Statement.Parameter p : declare.parameters()) {
          context.bindScalar(p.name(), QueryParameters.value(p, supplied, context));
        }
      } else if (statement instanceof Statement.SetOption set) {
        applyOption(set, context);
      } else if (statement instanceof Statement.Query query) {
        if (result != null) {
          throw KustoRequestException.unsupported(
              "several tabular expression statements in one query (Kusto returns a result table for each)");
        }
        result = pipelines.pipeline(query.pipeline());
      }
    }
    if (result == null) {
      throw KqlErrors.syntax("the query has no tabular expression statement (for example 'T | take 10')");
    }
    return new CompiledQuery(chain.select(result), result.columns());
  }

  /**
   * Compiles the tail of {@code <management command> | <tail>} over the command's result, available as SQL
   * {@code inputSql} with columns {@code c0..cN} described by {@code inputColumns}.
   */
  public CompiledQuery compileOver(String database, String inputSql, List<ColumnSchema> inputColumns, String tail) {
    QueryContext context = new QueryContext(now());
    CteChain chain = new CteChain();
    PipelineTranslator pipelines = new PipelineTranslator(catalog, database, context, chain);
    Relation input = pipelines.sqlInput(inputSql, inputColumns);
    Relation result = pipelines.operators(input, KqlParser.parseOperatorsTail(tail));
    return new CompiledQuery(chain.select(result), result.columns());
  }

  private static Instant now() {
    // One value per query, to the store's microsecond precision.
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** {@code let x = T} aliases a table; any other right side is a scalar. */
  private static void bindLet(Statement.LetScalar let, QueryContext context, PipelineTranslator pipelines) {
    if (let.value() instanceof Expr.Name name && context.scalar(name.name()).isEmpty()) {
      Optional<Relation> table = pipelines.tabularName(name.name());
      if (table.isPresent()) {
        context.bindTabular(let.name(), table.get());
        return;
      }
    }
    context.bindScalar(let.name(), new ScalarTranslator(context, Scope.empty()).translate(let.value()));
  }

  private static void applyOption(Statement.SetOption set, QueryContext context) {
    if (set.name().equals("query_now")) {
      TypedSql value = set.value() == null ? null : new ScalarTranslator(context, Scope.empty()).translate(set.value());
      boolean datetimeLiteral = value != null && value.isConstant() && value.type() == KustoType.DATETIME
          && value.constant().value() != null;
      if (!datetimeLiteral) {
        throw KqlErrors.semantic("'set query_now = ...' needs a datetime literal, for example datetime(2024-01-01)");
      }
      context.setNow((Instant) value.constant().value());
      return;
    }
    if (!NEUTRAL_OPTIONS.contains(set.name())) {
      throw KustoRequestException.unsupported("the request option '" + set.name() + "' in a 'set' statement");
    }
  }
}
