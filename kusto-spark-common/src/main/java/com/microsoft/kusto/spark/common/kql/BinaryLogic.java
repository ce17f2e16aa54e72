package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/** {@code left AND right} or {@code left OR right}. */
public final class BinaryLogic extends Predicate {
  private final Predicate left;
  private final Predicate right;

  BinaryLogic(PredicateKind kind, Predicate left, Predicate right) {
    super(kind);
    this.left = Objects.requireNonNull(left, "left");
    this.right = Objects.requireNonNull(right, "right");
  }

  public Predicate left() {
    return left;
  }

  public Predicate right() {
    return right;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BinaryLogic)) {
      return false;
    }
    BinaryLogic other = (BinaryLogic) o;
    return kind() == other.kind() && left.equals(other.left) && right.equals(other.right);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind(), left, right);
  }

  @Override
  public String toString() {
    return kind() + "(" + left + ", " + right + ")";
  }
}
