package com.microsoft.kusto.spark.common.kql;

import java.util.Objects;

/**
 * Slice {@code index} of {@code modulus} slices of a table by {@code hash(column, modulus)}, for partitioned export.
 * The slices are disjoint and together cover every row, including rows where the column is null (slice 0).
 */
public final class HashPartition extends Predicate {
  private final ColumnRef column;
  private final int modulus;
  private final int index;

  HashPartition(ColumnRef column, int modulus, int index) {
    super(PredicateKind.HASH_PARTITION);
    this.column = Objects.requireNonNull(column, "column");
    if (modulus < 1 || index < 0 || index >= modulus) {
      throw new IllegalArgumentException(
          "Invalid hash partition " + index + " of " + modulus + ": need modulus >= 1 and 0 <= index < modulus");
    }
    this.modulus = modulus;
    this.index = index;
  }

  public ColumnRef column() {
    return column;
  }

  public int modulus() {
    return modulus;
  }

  public int index() {
    return index;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HashPartition)) {
      return false;
    }
    HashPartition other = (HashPartition) o;
    return column.equals(other.column) && modulus == other.modulus && index == other.index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, modulus, index);
  }

  @Override
  public String toString() {
    return "HASH_PARTITION(" + column + ", " + index + "/" + modulus + ")";
  }
}
