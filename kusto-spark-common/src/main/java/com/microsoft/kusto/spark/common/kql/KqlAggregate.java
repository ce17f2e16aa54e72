package com.microsoft.kusto.spark.common.kql;

import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.Objects;

/**
 * One aggregate of a pushed-down aggregation, with Spark's semantics: {@code count(*)}; {@code count(c)} (non-null
 * values); {@code sum(c)}, {@code min(c)}, {@code max(c)}, {@code avg(c)} (over the values as doubles, as Spark
 * adds them up), each null over no non-null value (where Kusto's {@code sum} gives 0). {@link KqlQueryBuilder#summarize} turns it into KQL; the caller decides which columns
 * and types translate exactly.
 */
public final class KqlAggregate implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The aggregate functions that have an exact KQL translation. */
  public enum Kind {
    COUNT_ALL,
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  private final String output;
  private final Kind kind;
  private final String column;

  private KqlAggregate(String output, Kind kind, String column) {
    this.output = Objects.requireNonNull(output, "output");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.column = kind == Kind.COUNT_ALL ? null : Objects.requireNonNull(column, "column");
  }

  /** {@code count(*)} as column {@code output}. */
  public static KqlAggregate countAll(String output) {
    return new KqlAggregate(output, Kind.COUNT_ALL, null);
  }

  /** {@code kind(column)} as column {@code output}. */
  public static KqlAggregate of(String output, Kind kind, String column) {
    return new KqlAggregate(output, kind, column);
  }

  public String output() {
    return output;
  }

  public Kind kind() {
    return kind;
  }

  /** The aggregated column; null for {@code count(*)}. */
  public String column() {
    return column;
  }

  /** The Kusto type of the result: long for counts and sums (of int or long), real for avg, the input's otherwise. */
  public KustoType resultType(KustoType input) {
    switch (kind) {
      case COUNT_ALL:
      case COUNT:
      case SUM:
        return KustoType.LONG;
      case AVG:
        return KustoType.REAL;
      default:
        return input;
    }
  }

  /** The {@code summarize} items computing this aggregate (a sum or avg also counts its non-null values). */
  String summarizeItems() {
    String out = KqlSyntax.quoteIdentifier(output);
    String c = column == null ? null : KqlSyntax.quoteIdentifier(column);
    switch (kind) {
      case COUNT_ALL:
        return out + "=count()";
      case COUNT:
        return out + "=countif(isnotnull(" + c + "))";
      case MIN:
        return out + "=min(" + c + ")";
      case MAX:
        return out + "=max(" + c + ")";
      case SUM:
        return helper("s") + "=sum(" + c + "), " + helper("n") + "=countif(isnotnull(" + c + "))";
      case AVG:
        // Spark adds the values up as doubles, so a large long column averages without overflow; so does this.
        return helper("s") + "=sum(todouble(" + c + ")), " + helper("n") + "=countif(isnotnull(" + c + "))";
      default:
        throw new IllegalStateException("unknown aggregate " + kind);
    }
  }

  /** The final column after {@code summarize}: Spark's null over no values, avg as sum over count. */
  String projectItem() {
    String out = KqlSyntax.quoteIdentifier(output);
    switch (kind) {
      case SUM:
        return out + "=iif(" + helper("n") + " == 0, long(null), " + helper("s") + ")";
      case AVG:
        return out + "=iif(" + helper("n") + " == 0, real(null), " + helper("s") + " / " + helper("n") + ")";
      default:
        return out;
    }
  }

  private String helper(String suffix) {
    return KqlSyntax.quoteIdentifier(output + "_" + suffix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KqlAggregate && output.equals(((KqlAggregate) o).output) && kind == ((KqlAggregate) o).kind
        && Objects.equals(column, ((KqlAggregate) o).column);
  }

  @Override
  public int hashCode() {
    return Objects.hash(output, kind, column);
  }

  @Override
  public String toString() {
    return kind + "(" + (column == null ? "*" : column) + ") AS " + output;
  }
}
