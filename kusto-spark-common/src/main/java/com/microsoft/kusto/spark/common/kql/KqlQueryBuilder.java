package com.microsoft.kusto.spark.common.kql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Builds the KQL the read path sends: the user's query kept intact on its own line(s), then {@code | where},
 * {@code | project} and helper operators each on a new line, so a query ending in a {@code //} comment still works.
 * Only trailing whitespace and trailing {@code ;} are removed from the user's query.
 *
 * <pre>{@code
 * String kql = KqlQueryBuilder.forQuery("T // all rows")
 *     .filter(predicates)
 *     .project(columns)
 *     .build();
 * // T // all rows
 * // | where ['a'] == 1
 * // | project ['a'], ['b']
 * }</pre>
 *
 * Not thread-safe; the strings it returns are deterministic.
 */
public final class KqlQueryBuilder {
  private final String query;
  private final List<Predicate> filters = new ArrayList<>();
  private final List<ProjectedColumn> projection = new ArrayList<>();
  private final List<KqlAggregate> aggregates = new ArrayList<>();
  private final List<String> groupBy = new ArrayList<>();
  private boolean summarized;
  private final List<KqlSortKey> sortKeys = new ArrayList<>();
  private Long take;
  private KqlPredicateCompiler compiler = KqlPredicateCompiler.untyped();

  private KqlQueryBuilder(String query) {
    this.query = query;
  }

  /**
   * Starts from the user's query or table name.
   *
   * @throws IllegalArgumentException when the query is null or blank (after removing trailing {@code ;})
   */
  public static KqlQueryBuilder forQuery(String userQuery) {
    return new KqlQueryBuilder(normalize(userQuery));
  }

  /** Starts from a table: {@code ['table']}. */
  public static KqlQueryBuilder forTable(String table) {
    return new KqlQueryBuilder(KqlSyntax.quoteIdentifier(table));
  }

  /** The user's query without trailing whitespace and {@code ;}. */
  public static String normalize(String userQuery) {
    String q = userQuery == null ? "" : userQuery;
    int end = q.length();
    while (end > 0 && (Character.isWhitespace(q.charAt(end - 1)) || q.charAt(end - 1) == ';')) {
      end--;
    }
    if (end == 0) {
      throw new IllegalArgumentException(
          "The Kusto query is empty: set the read option 'kustoQuery' to a table name or a KQL query");
    }
    return q.substring(0, end);
  }

  /** The compiler used for filters (default {@link KqlPredicateCompiler#untyped()}). */
  public KqlQueryBuilder compiler(KqlPredicateCompiler predicateCompiler) {
    this.compiler = predicateCompiler;
    return this;
  }

  /** Adds filters, combined with {@code and}; each must be pushable (see {@link KqlPredicateCompiler#tryCompile}). */
  public KqlQueryBuilder filter(List<Predicate> predicates) {
    filters.addAll(predicates);
    return this;
  }

  public KqlQueryBuilder filter(Predicate predicate) {
    filters.add(predicate);
    return this;
  }

  /** Sets the projected columns, in order; an empty list means no {@code | project}. */
  public KqlQueryBuilder project(List<ProjectedColumn> columns) {
    projection.clear();
    projection.addAll(columns);
    return this;
  }

  /** Column names projected as they are. */
  public KqlQueryBuilder projectNames(List<String> names) {
    List<ProjectedColumn> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(ProjectedColumn.of(name));
    }
    return project(columns);
  }

  /**
   * Aggregates the filtered rows instead of projecting them (Spark's aggregate pushdown): {@code | summarize ... by
   * groupBy}, then {@code | project} of the group columns and the aggregates, in that order, with Spark's null
   * rules. Replaces any projection.
   */
  public KqlQueryBuilder summarize(List<KqlAggregate> aggregateList, List<String> groupColumns) {
    if (aggregateList.isEmpty() && groupColumns.isEmpty()) {
      throw new IllegalArgumentException("summarize needs aggregates, group columns or both");
    }
    aggregates.clear();
    aggregates.addAll(aggregateList);
    groupBy.clear();
    groupBy.addAll(groupColumns);
    summarized = true;
    return this;
  }

  /**
   * Keeps the first {@code n} rows (Spark's limit pushdown), after sorting by {@code keys} when there are any (top-N):
   * {@code | sort by ... | take n}, which Kusto runs as {@code top}.
   */
  public KqlQueryBuilder sortAndTake(List<KqlSortKey> keys, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("take needs a row count >= 0, got " + n);
    }
    sortKeys.clear();
    sortKeys.addAll(keys);
    take = n;
    return this;
  }

  /** The query with filters and projection (or aggregation), and the pushed sort and limit. */
  public String build() {
    StringBuilder out = filtered();
    if (summarized) {
      appendSummarize(out);
    } else if (!projection.isEmpty()) {
      out.append("\n| project ");
      for (int i = 0; i < projection.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(projection.get(i).toKql());
      }
    }
    if (take != null) {
      if (!sortKeys.isEmpty()) {
        out.append("\n| sort by ");
        for (int i = 0; i < sortKeys.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(sortKeys.get(i).toKql());
        }
      }
      out.append("\n| take ").append(take);
    }
    return out.toString();
  }

  private void appendSummarize(StringBuilder out) {
    List<String> groups = new ArrayList<>();
    for (String g : groupBy) {
      groups.add(KqlSyntax.quoteIdentifier(g));
    }
    List<String> items = new ArrayList<>();
    List<String> finals = new ArrayList<>(groups);
    for (KqlAggregate a : aggregates) {
      items.add(a.summarizeItems());
      finals.add(a.projectItem());
    }
    out.append("\n| summarize ").append(String.join(", ", items));
    if (!groups.isEmpty()) {
      out.append(items.isEmpty() ? "by " : " by ").append(String.join(", ", groups));
    }
    out.append("\n| project ").append(String.join(", ", finals));
  }

  /** {@link #build()} plus {@code | take n}. */
  public String buildTake(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("take needs a row count >= 0, got " + n);
    }
    return build() + "\n| take " + n;
  }

  /** The result schema without rows: {@link #build()} plus {@code | take 0}. */
  public String buildSchemaProbe() {
    return buildTake(0);
  }

  /** One row per result column (ColumnName, ColumnOrdinal, DataType, ColumnType): {@code | getschema}. */
  public String buildGetSchema() {
    return build() + "\n| getschema";
  }

  /** The row count of the result (projection is irrelevant; aggregation and limit are not): {@code | count}. */
  public String buildCount() {
    if (summarized || take != null) {
      return build() + "\n| count";
    }
    return filtered().append("\n| count").toString();
  }

  /** A cheap row-count estimate: {@code | evaluate estimate_rows_count()}. */
  public String buildRowCountEstimate() {
    return filtered().append("\n| evaluate estimate_rows_count()").toString();
  }

  /** The compiled filter expression, if any filters were added. */
  public Optional<String> whereExpression() {
    return compiler.compileConjunction(Collections.unmodifiableList(filters));
  }

  private StringBuilder filtered() {
    StringBuilder out = new StringBuilder(query);
    Optional<String> where = whereExpression();
    if (where.isPresent()) {
      out.append("\n| where ").append(where.get());
    }
    return out;
  }
}
