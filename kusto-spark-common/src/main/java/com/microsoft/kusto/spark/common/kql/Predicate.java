package com.microsoft.kusto.spark.common.kql;

/**
 * A node of the neutral, immutable predicate tree the adapters build from Spark filters (see {@link Predicates} for
 * the factories and {@link KqlPredicateCompiler} for the SQL-to-KQL semantics). Values compare by structure.
 */
public abstract class Predicate {
  private final PredicateKind kind;

  Predicate(PredicateKind kind) {
    this.kind = kind;
  }

  public final PredicateKind kind() {
    return kind;
  }
}
