package com.microsoft.kusto.spark.sql;

import com.microsoft.kusto.spark.common.kql.KqlPredicateCompiler;
import com.microsoft.kusto.spark.common.kql.Predicate;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.sources.Filter;

/**
 * Splits Spark's filters into those pushed to Kusto and those Spark must still evaluate. A filter is pushed only
 * when it converts to a neutral predicate and the KQL compiler can translate that predicate exactly (null logic,
 * case sensitivity, NaN, datetime ticks); this split is the single source of truth for V1's {@code
 * unhandledFilters} and V2's {@code pushFilters}/{@code pushedFilters}. Because pushed filters are exact, Spark
 * does not evaluate them again; the adapters' pushdown matrices check that each pushed filter returns what Spark's
 * own evaluation of it returns, in both read modes.
 */
public final class PushdownPlan {
  private final List<Filter> pushed;
  private final List<Filter> unhandled;
  private final List<Predicate> predicates;

  private PushdownPlan(List<Filter> pushed, List<Filter> unhandled, List<Predicate> predicates) {
    this.pushed = Collections.unmodifiableList(pushed);
    this.unhandled = Collections.unmodifiableList(unhandled);
    this.predicates = Collections.unmodifiableList(predicates);
  }

  /**
   * @param columns the Kusto result's columns and types
   * @param enabled {@code queryFilterPushDown}: when false nothing is pushed and Spark evaluates every filter
   */
  public static PushdownPlan of(Filter[] filters, Map<String, KustoType> columns, boolean enabled) {
    List<Filter> pushed = new ArrayList<>();
    List<Filter> unhandled = new ArrayList<>();
    List<Predicate> predicates = new ArrayList<>();
    SparkFilters converter = new SparkFilters(columns);
    KqlPredicateCompiler compiler = KqlPredicateCompiler.forColumns(columns);
    for (Filter filter : filters) {
      Optional<Predicate> predicate = enabled ? converter.convert(filter) : Optional.empty();
      if (predicate.isPresent() && compiler.tryCompile(predicate.get()).isPresent()) {
        pushed.add(filter);
        predicates.add(predicate.get());
      } else {
        unhandled.add(filter);
      }
    }
    return new PushdownPlan(pushed, unhandled, predicates);
  }

  public List<Filter> pushed() {
    return pushed;
  }

  public Filter[] pushedArray() {
    return pushed.toArray(new Filter[0]);
  }

  /** The filters not pushed to Kusto. */
  public List<Filter> unhandled() {
    return unhandled;
  }

  public Filter[] unhandledArray() {
    return unhandled.toArray(new Filter[0]);
  }


  /** The neutral predicates of the pushed filters, to be combined with {@code and}. */
  public List<Predicate> predicates() {
    return predicates;
  }
}
