package com.microsoft.kusto.spark.common.kql;

import java.util.Map;

/**
 * Spark SQL's three-valued evaluation of the predicate model, written from Spark's documented semantics: NULL
 * propagates through comparisons, NaN equals NaN and sorts above every other double, 0.0 equals -0.0, string
 * predicates are case-sensitive, and timestamps are microseconds (Kusto's 100 ns ticks floored, as Spark reads them).
 * Row values use Kusto's representation (see {@link KqlSubsetEvaluator}).
 */
final class SparkSqlReference {
  private SparkSqlReference() {}

  static Boolean evaluate(Predicate p, Map<String, Object> row) {
    switch (p.kind()) {
      case EQUAL:
      case NOT_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        {
          Comparison c = (Comparison) p;
          Object left = sparkValue(row.get(c.column().name()), c.value());
          Object right = c.value().value();
          if (left == null || right == null) {
            return null;
          }
          int cmp = compare(left, right);
          switch (p.kind()) {
            case EQUAL:
              return cmp == 0;
            case NOT_EQUAL:
              return cmp != 0;
            case LESS_THAN:
              return cmp < 0;
            case LESS_THAN_OR_EQUAL:
              return cmp <= 0;
            case GREATER_THAN:
              return cmp > 0;
            default:
              return cmp >= 0;
          }
        }
      case NULL_SAFE_EQUAL:
        {
          Comparison c = (Comparison) p;
          Object left = sparkValue(row.get(c.column().name()), c.value());
          Object right = c.value().value();
          if (left == null || right == null) {
            return left == null && right == null;
          }
          return compare(left, right) == 0;
        }
      case IN:
        {
          InList in = (InList) p;
          if (row.get(in.column().name()) == null) {
            return null;
          }
          boolean sawNull = false;
          for (KqlLiteral v : in.values()) {
            if (v.isNull()) {
              sawNull = true;
            } else if (compare(sparkValue(row.get(in.column().name()), v), v.value()) == 0) {
              return true;
            }
          }
          return sawNull ? null : false;
        }
      case IS_NULL:
        return row.get(((NullCheck) p).column().name()) == null;
      case IS_NOT_NULL:
        return row.get(((NullCheck) p).column().name()) != null;
      case AND:
        {
          Boolean l = evaluate(((BinaryLogic) p).left(), row);
          Boolean r = evaluate(((BinaryLogic) p).right(), row);
          if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
            return false;
          }
          return l == null || r == null ? null : true;
        }
      case OR:
        {
          Boolean l = evaluate(((BinaryLogic) p).left(), row);
          Boolean r = evaluate(((BinaryLogic) p).right(), row);
          if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
            return true;
          }
          return l == null || r == null ? null : false;
        }
      case NOT:
        {
          Boolean v = evaluate(((Negation) p).child(), row);
          return v == null ? null : !v;
        }
      case STARTS_WITH:
      case ENDS_WITH:
      case CONTAINS:
        {
          StringMatch m = (StringMatch) p;
          String s = (String) row.get(m.column().name());
          if (s == null) {
            return null;
          }
          return p.kind() == PredicateKind.STARTS_WITH
              ? s.startsWith(m.pattern())
              : p.kind() == PredicateKind.ENDS_WITH ? s.endsWith(m.pattern()) : s.contains(m.pattern());
        }
      default:
        throw new IllegalArgumentException("no reference for " + p.kind());
    }
  }

  /** The value Spark sees: datetimes (stored as ticks) floored to microseconds. */
  private static Object sparkValue(Object stored, KqlLiteral literal) {
    if (stored != null && literal.type() == com.microsoft.kusto.spark.common.schema.KustoType.DATETIME) {
      return Math.floorDiv((Long) stored, 10L);
    }
    return stored;
  }

  private static int compare(Object left, Object right) {
    if (left instanceof Double) {
      double l = (Double) left;
      double r = (Double) right;
      // Spark: NaN == NaN, NaN above everything, -0.0 == 0.0.
      if (Double.isNaN(l) || Double.isNaN(r)) {
        return Double.isNaN(l) ? (Double.isNaN(r) ? 0 : 1) : -1;
      }
      return l < r ? -1 : l > r ? 1 : 0;
    }
    if (left instanceof Long) {
      return Long.compare((Long) left, (Long) right);
    }
    return ((String) left).compareTo((String) right);
  }
}
