package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.kql.CompiledQuery;
import java.sql.Connection;

/** What the export needs from the rest of the emulator: the query compiled to SQL, and a store connection. */
public interface ExportQueryRunner {
  /** Compiles the exported query (KQL) of {@code database}; errors are Kusto-shaped exceptions. */
  CompiledQuery compile(String database, String query);

  /** A new connection to the store that can run the compiled SQL; the caller closes it. */
  Connection openConnection();
}
