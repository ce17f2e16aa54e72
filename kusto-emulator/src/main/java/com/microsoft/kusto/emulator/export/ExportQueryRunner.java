package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.kql.CompiledQuery;
import java.sql.Connection;
import java.util.Map;

/** What the export needs from the rest of the emulator: the query compiled to SQL, and a store connection. */
public interface ExportQueryRunner {
  /**
   * Compiles the exported query (KQL) of {@code database} with the request's query parameters (name to literal
   * text, for {@code declare query_parameters}); errors are Kusto-shaped exceptions.
   */
  CompiledQuery compile(String database, String query, Map<String, String> parameters);

  /** A new connection to the store that can run the compiled SQL; the caller closes it. */
  Connection openConnection();
}
