package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.SchemaCatalog;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's KQL front end: translates a query in the supported KQL subset to one DuckDB SELECT whose
 * columns are named {@code c0..cN} in the storage representation of their Kusto types.
 */
public final class KqlQueryEngine {
  private final SchemaCatalog catalog;

  public KqlQueryEngine(SchemaCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * Compiles {@code kql} against {@code database}. {@code parameters} maps query-parameter names to their literal
   * text as the SDK sends it ({@code int(5)}, {@code datetime(...)}, raw text for strings).
   */
  public CompiledQuery compile(String database, String kql, Map<String, String> parameters) {
    throw KustoRequestException.unsupported("KQL queries (the translator is not implemented yet)");
  }

  /**
   * Compiles the tail of {@code <management command> | <tail>} over the command's result, available as SQL
   * {@code inputSql} with columns {@code c0..cN} described by {@code inputColumns}.
   */
  public CompiledQuery compileOver(String database, String inputSql, List<ColumnSchema> inputColumns, String tail) {
    throw KustoRequestException.unsupported("KQL queries (the translator is not implemented yet)");
  }
}
