package com.microsoft.kusto.spark.common.kql;

import java.util.Arrays;
import java.util.List;

/** Factories for the predicate model; the adapters' filter converters use only these. */
public final class Predicates {
  private Predicates() {}

  public static Predicate equal(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.EQUAL, ColumnRef.of(column), value);
  }

  public static Predicate notEqual(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.NOT_EQUAL, ColumnRef.of(column), value);
  }

  public static Predicate nullSafeEqual(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.NULL_SAFE_EQUAL, ColumnRef.of(column), value);
  }

  public static Predicate lessThan(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.LESS_THAN, ColumnRef.of(column), value);
  }

  public static Predicate lessThanOrEqual(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.LESS_THAN_OR_EQUAL, ColumnRef.of(column), value);
  }

  public static Predicate greaterThan(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.GREATER_THAN, ColumnRef.of(column), value);
  }

  public static Predicate greaterThanOrEqual(String column, KqlLiteral value) {
    return new Comparison(PredicateKind.GREATER_THAN_OR_EQUAL, ColumnRef.of(column), value);
  }

  /**
   * A comparison of the given kind (one of the seven comparison kinds).
   *
   * @throws IllegalArgumentException for any other kind
   */
  public static Predicate compare(PredicateKind kind, String column, KqlLiteral value) {
    switch (kind) {
      case EQUAL:
      case NOT_EQUAL:
      case NULL_SAFE_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return new Comparison(kind, ColumnRef.of(column), value);
      default:
        throw new IllegalArgumentException(kind + " is not a comparison");
    }
  }

  public static Predicate in(String column, List<KqlLiteral> values) {
    return new InList(ColumnRef.of(column), values);
  }

  public static Predicate in(String column, KqlLiteral... values) {
    return in(column, Arrays.asList(values));
  }

  public static Predicate isNull(String column) {
    return new NullCheck(PredicateKind.IS_NULL, ColumnRef.of(column));
  }

  public static Predicate isNotNull(String column) {
    return new NullCheck(PredicateKind.IS_NOT_NULL, ColumnRef.of(column));
  }

  public static Predicate and(Predicate left, Predicate right) {
    return new BinaryLogic(PredicateKind.AND, left, right);
  }

  public static Predicate or(Predicate left, Predicate right) {
    return new BinaryLogic(PredicateKind.OR, left, right);
  }

  public static Predicate not(Predicate child) {
    return new Negation(child);
  }

  public static Predicate startsWith(String column, String prefix) {
    return new StringMatch(PredicateKind.STARTS_WITH, ColumnRef.of(column), prefix);
  }

  public static Predicate endsWith(String column, String suffix) {
    return new StringMatch(PredicateKind.ENDS_WITH, ColumnRef.of(column), suffix);
  }

  public static Predicate contains(String column, String infix) {
    return new StringMatch(PredicateKind.CONTAINS, ColumnRef.of(column), infix);
  }

  /** Slice {@code index} (0-based) of {@code modulus} hash slices of {@code column}. */
  public static Predicate hashPartition(String column, int modulus, int index) {
    return new HashPartition(ColumnRef.of(column), modulus, index);
  }
}
