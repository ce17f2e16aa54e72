package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** {@code NOT child}. */
public final class Negation extends Predicate {
  private final Predicate child;

  Negation(Predicate child) {
    super(PredicateKind.NOT);
    this.child = Objects.requireNonNull(child, "child");
  }

  public Predicate child() {
    return child;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Negation && child.equals(((Negation) o).child);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), child);
  }

  @Override
  public String toString() {
    return "NOT(" + child + ")";
  }
}
