package com.microsoft.kusto.spark.common.read;

import com.microsoft.kusto.spark.common.kql.KqlAggregate;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.kql.KqlSortKey;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What Spark pushed into a read beyond filters and pruning: an aggregation ({@code summarize}), and a sort with a
 * limit (top-N) or a plain limit. Immutable; {@link #none()} is a read of the rows as they are.
 */
public final class PushedShape implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final PushedShape NONE = new PushedShape(null, null, null, null);

  private final ArrayList<KqlAggregate> aggregates;
  private final ArrayList<String> groupBy;
  private final ArrayList<KqlSortKey> sortKeys;
  private final Long limit;

  private PushedShape(List<KqlAggregate> aggregates, List<String> groupBy, List<KqlSortKey> sortKeys, Long limit) {
    this.aggregates = aggregates == null ? null : new ArrayList<>(aggregates);
    this.groupBy = groupBy == null ? null : new ArrayList<>(groupBy);
    this.sortKeys = sortKeys == null ? null : new ArrayList<>(sortKeys);
    this.limit = limit;
  }

  public static PushedShape none() {
    return NONE;
  }

  /** This shape with the rows aggregated: the group columns, then the aggregates, in this order. */
  public PushedShape aggregated(List<KqlAggregate> aggregateList, List<String> groupColumns) {
    return new PushedShape(aggregateList, groupColumns, sortKeys, limit);
  }

  /** This shape keeping only the first {@code n} rows, in the order of {@code keys} if any (top-N). */
  public PushedShape limited(List<KqlSortKey> keys, long n) {
    return new PushedShape(aggregates, groupBy, keys, n);
  }

  public boolean isAggregated() {
    return aggregates != null;
  }

  public boolean isLimited() {
    return limit != null;
  }

  public boolean isNone() {
    return !isAggregated() && !isLimited();
  }

  /**
   * Whether the result has at most {@code rows} rows without counting them: an aggregation without group columns
   * (one row) or a limit of at most {@code rows}. Such a read needs no row count to pick single mode.
   */
  public boolean isSmall(long rows) {
    return isAggregated() && groupBy.isEmpty() || isLimited() && limit <= rows;
  }

  public List<KqlAggregate> aggregates() {
    return aggregates == null ? Collections.<KqlAggregate>emptyList() : Collections.unmodifiableList(aggregates);
  }

  public List<String> groupBy() {
    return groupBy == null ? Collections.<String>emptyList() : Collections.unmodifiableList(groupBy);
  }

  /** Applies the shape to a query that already has its filters (and projection, which an aggregation replaces). */
  public KqlQueryBuilder applyTo(KqlQueryBuilder query) {
    if (isAggregated()) {
      query.summarize(aggregates, groupBy);
    }
    if (isLimited()) {
      query.sortAndTake(sortKeys == null ? Collections.<KqlSortKey>emptyList() : sortKeys, limit);
    }
    return query;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PushedShape)) {
      return false;
    }
    PushedShape other = (PushedShape) o;
    return Objects.equals(aggregates, other.aggregates) && Objects.equals(groupBy, other.groupBy)
        && Objects.equals(sortKeys, other.sortKeys) && Objects.equals(limit, other.limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(aggregates, groupBy, sortKeys, limit);
  }

  @Override
  public String toString() {
    return isNone() ? "PushedShape(none)" : "PushedShape(aggregates=" + aggregates + ", groupBy=" + groupBy
        + ", sort=" + sortKeys + ", limit=" + limit + ")";
  }
}
