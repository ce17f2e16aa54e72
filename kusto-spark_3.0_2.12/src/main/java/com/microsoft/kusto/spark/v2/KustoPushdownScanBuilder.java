package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.kql.KqlAggregate;
import com.microsoft.kusto.spark.common.kql.KqlSortKey;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import com.microsoft.kusto.spark.sql.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownTopN;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark 3.3+: limit, top-N and aggregate pushdown, each only where Kusto's answer is exactly Spark's; anything else
 * is refused and stays in Spark. Loaded only through {@link ScanBuilders}, since its interfaces do not exist on
 * Spark 3.0 to 3.2.
 *
 * <p>What translates exactly, and why the rest does not:
 * <ul>
 *   <li>Sort keys (top-N): int, long, decimal and datetime columns; Kusto orders them as Spark does, and values that
 *       Spark's precision makes equal only become ties. Not strings (Spark compares UTF-8 bytes), reals (NaN) or
 *       bools.
 *   <li>Group keys: bool, int, long, string and guid columns, whose equality is Spark's. Not datetimes or decimals
 *       (values Kusto keeps apart can be equal once read), reals (NaN) or dynamic values.
 *   <li>Aggregates: {@code count(*)}; {@code count(c)} of any pushable column; {@code sum} of int (a long, as in
 *       Spark; null over no values); {@code avg} of int and long (the values added up as doubles, as Spark does);
 *       {@code min} and {@code max} of int, long, decimal and datetime. Not {@code count(distinct)} (Kusto's dcount
 *       estimates), sums of longs (on overflow Spark wraps or, in ANSI mode, fails), sums or averages of reals or
 *       decimals (rounding and precision differ).
 * </ul>
 */
final class KustoPushdownScanBuilder extends KustoScanBuilder
    implements SupportsPushDownLimit, SupportsPushDownTopN, SupportsPushDownAggregates {
  private static final Set<KustoType> ORDERED = EnumSet.of(KustoType.INT, KustoType.LONG, KustoType.DECIMAL,
      KustoType.DATETIME);
  private static final Set<KustoType> GROUPABLE = EnumSet.of(KustoType.BOOL, KustoType.INT, KustoType.LONG,
      KustoType.STRING, KustoType.GUID);
  private static final Set<KustoType> SUMMABLE = EnumSet.of(KustoType.INT);
  private static final Set<KustoType> AVERAGEABLE = EnumSet.of(KustoType.INT, KustoType.LONG);
  private static final String AGGREGATE_PREFIX = "kusto_agg_";

  KustoPushdownScanBuilder(ReadConfig config, StructType schema, Map<String, KustoType> kustoTypes) {
    super(config, schema, kustoTypes);
  }

  /**
   * Always true (both interfaces' default, restated since they both declare it): Spark still sorts and limits the
   * rows it receives, which keeps top-N exact in distributed mode, where exported files lose the order.
   */
  @Override
  public boolean isPartiallyPushed() {
    return true;
  }

  @Override
  public boolean pushLimit(int limit) {
    if (!config.isLimitPushDown() || limit < 0) {
      return false;
    }
    shape = shape.limited(new ArrayList<>(), limit);
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int limit) {
    if (!config.isLimitPushDown() || limit < 0) {
      return false;
    }
    Map<String, KustoType> columns = outputColumns();
    List<KqlSortKey> keys = new ArrayList<>();
    for (SortOrder order : orders) {
      String column = columnName(order.expression());
      if (column == null || !ORDERED.contains(columns.get(column))) {
        return false;
      }
      keys.add(KqlSortKey.of(column, order.direction() == SortDirection.ASCENDING,
          order.nullOrdering() == NullOrdering.NULLS_FIRST));
    }
    shape = shape.limited(keys, limit);
    return true;
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return translate(aggregation) != null;
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    Translation translation = translate(aggregation);
    if (translation == null) {
      return false;
    }
    shape = shape.aggregated(translation.aggregates, translation.groupBy);
    aggregatedSchema = translation.schema;
    aggregatedTypes = translation.types;
    return true;
  }

  /** The aggregation as KQL aggregates and the scan's output columns, or null when any part is not exact. */
  private Translation translate(Aggregation aggregation) {
    if (!config.isAggregatePushDown()) {
      return null;
    }
    if (aggregation.groupByExpressions().length == 0 && aggregation.aggregateExpressions().length == 0) {
      return null;
    }
    Map<String, KustoType> pushable = pushableColumns();
    Translation t = new Translation();
    List<StructField> fields = new ArrayList<>();
    for (Expression e : aggregation.groupByExpressions()) {
      String column = columnName(e);
      if (column == null || !GROUPABLE.contains(pushable.get(column)) || t.groupBy.contains(column)) {
        return null;
      }
      t.groupBy.add(column);
      t.types.put(column, pushable.get(column));
      fields.add(schema.apply(column));
    }
    AggregateFunc[] functions = aggregation.aggregateExpressions();
    for (int i = 0; i < functions.length; i++) {
      String output = AGGREGATE_PREFIX + i;
      List<String> names = Arrays.asList(schema.fieldNames());
      // The output and the helper columns a sum or average computes first must not clash with the relation's.
      if (names.contains(output) || names.contains(output + "_s") || names.contains(output + "_n")) {
        return null;
      }
      KqlAggregate aggregate = aggregate(functions[i], output, pushable);
      if (aggregate == null) {
        return null;
      }
      KustoType input = aggregate.column() == null ? null : pushable.get(aggregate.column());
      KustoType result = aggregate.resultType(input);
      t.aggregates.add(aggregate);
      t.types.put(output, result);
      fields.add(new StructField(output, sparkResultType(aggregate, input), true,
          org.apache.spark.sql.types.Metadata.empty()));
    }
    t.schema = new StructType(fields.toArray(new StructField[0]));
    return t;
  }

  private static KqlAggregate aggregate(AggregateFunc function, String output, Map<String, KustoType> pushable) {
    if (function instanceof CountStar) {
      return KqlAggregate.countAll(output);
    }
    if (function instanceof Count) {
      Count count = (Count) function;
      String column = columnName(count.column());
      return count.isDistinct() || column == null || !pushable.containsKey(column) ? null
          : KqlAggregate.of(output, KqlAggregate.Kind.COUNT, column);
    }
    if (function instanceof Sum) {
      Sum sum = (Sum) function;
      return sum.isDistinct() ? null : ofColumn(output, KqlAggregate.Kind.SUM, sum.column(), SUMMABLE, pushable);
    }
    if (function instanceof Avg) {
      Avg avg = (Avg) function;
      return avg.isDistinct() ? null : ofColumn(output, KqlAggregate.Kind.AVG, avg.column(), AVERAGEABLE, pushable);
    }
    if (function instanceof Min) {
      return ofColumn(output, KqlAggregate.Kind.MIN, ((Min) function).column(), ORDERED, pushable);
    }
    if (function instanceof Max) {
      return ofColumn(output, KqlAggregate.Kind.MAX, ((Max) function).column(), ORDERED, pushable);
    }
    return null;
  }

  private static KqlAggregate ofColumn(String output, KqlAggregate.Kind kind, Expression e, Set<KustoType> allowed,
      Map<String, KustoType> pushable) {
    String column = columnName(e);
    return column != null && allowed.contains(pushable.get(column)) ? KqlAggregate.of(output, kind, column) : null;
  }

  /** Spark's own result type: long for counts and for sums of int and long, double for avg, the input's else. */
  private DataType sparkResultType(KqlAggregate aggregate, KustoType input) {
    switch (aggregate.kind()) {
      case COUNT_ALL:
      case COUNT:
      case SUM:
        return DataTypes.LongType;
      case AVG:
        return DataTypes.DoubleType;
      default:
        return SparkTypes.toSpark(TypeMapping.toColumnType(input));
    }
  }

  /** The columns a sort can name: the table's pushable columns, or the aggregation's output once aggregated. */
  private Map<String, KustoType> outputColumns() {
    return aggregatedTypes != null ? aggregatedTypes : pushableColumns();
  }

  /** The column a plain one-part reference names; null for anything else (nested fields, expressions). */
  private static String columnName(Expression e) {
    if (!(e instanceof NamedReference)) {
      return null;
    }
    String[] names = ((NamedReference) e).fieldNames();
    return names.length == 1 ? names[0] : null;
  }

  private static final class Translation {
    final List<String> groupBy = new ArrayList<>();
    final List<KqlAggregate> aggregates = new ArrayList<>();
    final Map<String, KustoType> types = new LinkedHashMap<>();
    StructType schema;
  }
}
