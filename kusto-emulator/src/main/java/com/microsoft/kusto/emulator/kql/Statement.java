package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.util.List;

/** One statement of a KQL query text (statements are separated by {@code ;}). */
sealed interface Statement {
  /** {@code let name = scalar}; a bare name on the right may also alias a table (resolved later). */
  record LetScalar(String name, Expr value) implements Statement {}

  record LetTabular(String name, TabularOp.Pipeline value) implements Statement {}

  record DeclareParameters(List<Parameter> parameters) implements Statement {
    public DeclareParameters {
      parameters = List.copyOf(parameters);
    }
  }

  record Parameter(String name, KustoType type, Expr defaultValue) {}

  /** {@code set option [= value]}: request options, accepted only where they cannot change results. */
  record SetOption(String name, Expr value) implements Statement {}

  record Query(TabularOp.Pipeline pipeline) implements Statement {}
}
