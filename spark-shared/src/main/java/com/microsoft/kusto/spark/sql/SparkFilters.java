package com.microsoft.kusto.spark.sql;

import com.microsoft.kusto.spark.common.kql.KqlLiteral;
import com.microsoft.kusto.spark.common.kql.KqlLiterals;
import com.microsoft.kusto.spark.common.kql.Predicate;
import com.microsoft.kusto.spark.common.kql.PredicateKind;
import com.microsoft.kusto.spark.common.kql.Predicates;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Converts Spark's data source {@link Filter}s (the same classes in Spark 2.4 and 3.x) into the connector's neutral
 * predicates. This only translates shapes and values; whether a predicate is pushed, that is whether its KQL is
 * exact, is decided by the KQL compiler ({@code KqlPredicateCompiler.tryCompile}) in {@link PushdownPlan}.
 *
 * <p>Column names are resolved against the Kusto result's columns: an exact name, or (Spark 3.1+) a backquoted name
 * that contains a dot. Nested-field references ({@code a.b}) are not pushed.
 */
public final class SparkFilters {
  private final Map<String, KustoType> columns;

  /** @param columns the Kusto result's column names and types (case-sensitive) */
  public SparkFilters(Map<String, KustoType> columns) {
    this.columns = columns;
  }

  /** The neutral predicate, or empty when the filter has no neutral form. */
  public Optional<Predicate> convert(Filter filter) {
    if (filter instanceof And) {
      And and = (And) filter;
      return both(convert(and.left()), convert(and.right()), true);
    }
    if (filter instanceof Or) {
      Or or = (Or) filter;
      return both(convert(or.left()), convert(or.right()), false);
    }
    if (filter instanceof Not) {
      return convert(((Not) filter).child()).map(Predicates::not);
    }
    if (filter instanceof IsNull) {
      return column(((IsNull) filter).attribute()).map(Predicates::isNull);
    }
    if (filter instanceof IsNotNull) {
      return column(((IsNotNull) filter).attribute()).map(Predicates::isNotNull);
    }
    if (filter instanceof EqualTo) {
      return comparison(PredicateKind.EQUAL, ((EqualTo) filter).attribute(), ((EqualTo) filter).value());
    }
    if (filter instanceof EqualNullSafe) {
      EqualNullSafe f = (EqualNullSafe) filter;
      Optional<String> column = column(f.attribute());
      Optional<KqlLiteral> value = column.flatMap(c -> literal(c, f.value()));
      return value.map(v -> Predicates.nullSafeEqual(column.get(), v));
    }
    if (filter instanceof GreaterThan) {
      return comparison(PredicateKind.GREATER_THAN, ((GreaterThan) filter).attribute(), ((GreaterThan) filter).value());
    }
    if (filter instanceof GreaterThanOrEqual) {
      GreaterThanOrEqual f = (GreaterThanOrEqual) filter;
      return comparison(PredicateKind.GREATER_THAN_OR_EQUAL, f.attribute(), f.value());
    }
    if (filter instanceof LessThan) {
      return comparison(PredicateKind.LESS_THAN, ((LessThan) filter).attribute(), ((LessThan) filter).value());
    }
    if (filter instanceof LessThanOrEqual) {
      LessThanOrEqual f = (LessThanOrEqual) filter;
      return comparison(PredicateKind.LESS_THAN_OR_EQUAL, f.attribute(), f.value());
    }
    if (filter instanceof In) {
      return in((In) filter);
    }
    if (filter instanceof StringStartsWith) {
      StringStartsWith f = (StringStartsWith) filter;
      return column(f.attribute()).map(c -> Predicates.startsWith(c, f.value()));
    }
    if (filter instanceof StringEndsWith) {
      StringEndsWith f = (StringEndsWith) filter;
      return column(f.attribute()).map(c -> Predicates.endsWith(c, f.value()));
    }
    if (filter instanceof StringContains) {
      StringContains f = (StringContains) filter;
      return column(f.attribute()).map(c -> Predicates.contains(c, f.value()));
    }
    return Optional.empty();
  }

  private static Optional<Predicate> both(Optional<Predicate> left, Optional<Predicate> right, boolean and) {
    if (!left.isPresent() || !right.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(and ? Predicates.and(left.get(), right.get()) : Predicates.or(left.get(), right.get()));
  }

  private Optional<Predicate> comparison(PredicateKind kind, String attribute, Object value) {
    Optional<String> column = column(attribute);
    Optional<KqlLiteral> literal = column.flatMap(c -> literal(c, value));
    return literal.map(v -> Predicates.compare(kind, column.get(), v));
  }

  private Optional<Predicate> in(In filter) {
    Optional<String> column = column(filter.attribute());
    if (!column.isPresent()) {
      return Optional.empty();
    }
    List<KqlLiteral> values = new ArrayList<>();
    for (Object value : filter.values()) {
      Optional<KqlLiteral> literal = literal(column.get(), value);
      if (!literal.isPresent()) {
        return Optional.empty();
      }
      values.add(literal.get());
    }
    return Optional.of(Predicates.in(column.get(), values));
  }

  /** The Kusto column an attribute names, if it is a top-level column. */
  Optional<String> column(String attribute) {
    if (columns.containsKey(attribute)) {
      return Optional.of(attribute);
    }
    if (attribute.length() > 1 && attribute.startsWith("`") && attribute.endsWith("`")) {
      String inner = attribute.substring(1, attribute.length() - 1);
      if (!inner.replace("``", "").contains("`")) {
        String unquoted = inner.replace("``", "`");
        if (columns.containsKey(unquoted)) {
          return Optional.of(unquoted);
        }
      }
    }
    return Optional.empty();
  }

  /** A literal of the column's Kusto type for Spark's value, or empty when no literal compares exactly. */
  private Optional<KqlLiteral> literal(String column, Object value) {
    return KqlLiterals.forColumn(columns.get(column), value);
  }
}
