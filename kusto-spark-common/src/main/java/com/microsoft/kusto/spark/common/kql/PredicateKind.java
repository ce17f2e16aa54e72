package com.microsoft.kusto.spark.common.kql;

/** What a {@link Predicate} is; the compiler dispatches on it with a {@code switch}. */
public enum PredicateKind {
  /** SQL {@code =}. */
  EQUAL,
  /** SQL {@code <>}. */
  NOT_EQUAL,
  /** SQL {@code <=>} (null-safe equality: never NULL). */
  NULL_SAFE_EQUAL,
  LESS_THAN,
  LESS_THAN_OR_EQUAL,
  GREATER_THAN,
  GREATER_THAN_OR_EQUAL,
  IN,
  IS_NULL,
  IS_NOT_NULL,
  AND,
  OR,
  NOT,
  /** Case-sensitive prefix match (Spark {@code StringStartsWith}). */
  STARTS_WITH,
  /** Case-sensitive suffix match (Spark {@code StringEndsWith}). */
  ENDS_WITH,
  /** Case-sensitive substring match (Spark {@code StringContains}). */
  CONTAINS,
  /** {@code hash(column, modulus) == index}: one slice of a partitioned export. */
  HASH_PARTITION
}
