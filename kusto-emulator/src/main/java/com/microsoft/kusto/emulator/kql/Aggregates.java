package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;

/**
 * The aggregation functions of {@code summarize}: count, countif, sum, avg, min, max and dcount. Over no values
 * count, countif, dcount and sum give 0 and the others null, as Kusto documents. Kusto's dcount is an estimate
 * (HyperLogLog); the emulator counts exactly, which is within any accuracy level Kusto promises.
 */
final class Aggregates {
  private Aggregates() {}

  static TypedSql translate(Expr.Call call, ScalarTranslator t) {
    String f = call.function();
    int n = call.args().size();
    switch (f) {
      case "count":
        if (n != 0) {
          throw KqlErrors.semantic("count() takes no arguments; use countif(predicate) or dcount(x)");
        }
        return TypedSql.of("count(*)", KustoType.LONG);
      case "countif":
        arity(call, 1, 1);
        String predicate = t.predicate(call.args().get(0), "'countif'").sql();
        return TypedSql.of("CAST(COALESCE(count_if(" + predicate + "), 0) AS BIGINT)", KustoType.LONG);
      case "dcount":
        // The optional second argument is the accuracy level, irrelevant to an exact count.
        arity(call, 1, 2);
        return TypedSql.of("count(DISTINCT " + t.translate(call.args().get(0)).sql() + ")", KustoType.LONG);
      case "sum":
        arity(call, 1, 1);
        return sum(t.translate(call.args().get(0)));
      case "avg":
        arity(call, 1, 1);
        return avg(t.translate(call.args().get(0)));
      case "min":
      case "max":
        arity(call, 1, 1);
        TypedSql v = t.translate(call.args().get(0));
        if (v.type() == KustoType.DYNAMIC || v.type() == KustoType.GUID) {
          throw KqlErrors.semantic("'" + f + "' needs an orderable value (number, timespan, datetime, string or bool)"
              + " but got a " + v.type().kustoName());
        }
        return TypedSql.of(f + "(" + v.sql() + ")", v.type());
      case "make_list":
      case "make_set":
        arity(call, 1, 2);
        return makeList(call, t);
      default:
        if (Functions.isConversion(f) || isKnownScalar(f)) {
          throw KustoRequestException.unsupported(
              "scalar expressions around aggregates in 'summarize' ('" + f + "(...)'); compute them in a following"
                  + " 'extend'");
        }
        throw KustoRequestException.unsupported("the aggregation function '" + f + "'");
    }
  }

  private static boolean isKnownScalar(String f) {
    return switch (f) {
      case "strlen", "substring", "strcat", "tolower", "toupper", "iif", "iff", "case", "coalesce", "not", "isnull",
          "isnotnull", "isempty", "isnotempty", "hash", "bin", "floor", "isnan", "isinf", "isfinite", "split",
          "array_length", "bag_keys" -> true;
      default -> false;
    };
  }

  /**
   * make_list / make_set: a dynamic array of the non-null values ({@code []} over none), make_set without repeats;
   * the optional second argument caps the element count.
   */
  private static TypedSql makeList(Expr.Call call, ScalarTranslator t) {
    TypedSql v = t.translate(call.args().get(0));
    String element = Conversions.dynamicElement(v).sql();
    String distinct = call.function().equals("make_set") ? "DISTINCT " : "";
    String list = "list(" + distinct + element + ") FILTER (WHERE " + element + " IS NOT NULL)";
    if (call.args().size() == 2) {
      TypedSql max = t.translate(call.args().get(1));
      if (!KqlTypes.isIntegral(max.type())) {
        throw KqlErrors.semantic("the size limit of '" + call.function() + "' must be an int or long");
      }
      list = "list_slice(" + list + ", 1, " + max.p() + ")";
    }
    return TypedSql.of("COALESCE(to_json(" + list + "), CAST('[]' AS JSON))", KustoType.DYNAMIC);
  }

  /** sum: Kusto's default for sum over no (non-null) values is 0, where SQL gives null. */
  private static TypedSql sum(TypedSql v) {
    String sum = "COALESCE(sum(" + v.sql() + "), 0)";
    return switch (v.type()) {
      case INT, LONG -> TypedSql.of("CAST(" + sum + " AS BIGINT)", KustoType.LONG);
      case REAL -> TypedSql.of("CAST(" + sum + " AS DOUBLE)", KustoType.REAL);
      case DECIMAL -> TypedSql.of("CAST(" + sum + " AS DECIMAL(38,18))", KustoType.DECIMAL);
      case TIMESPAN -> TypedSql.of("CAST(" + sum + " AS BIGINT)", KustoType.TIMESPAN);
      default -> throw KqlErrors.semantic("'sum' needs a number or timespan but got a " + v.type().kustoName());
    };
  }

  private static TypedSql avg(TypedSql v) {
    return switch (v.type()) {
      case INT, LONG, REAL -> TypedSql.of("avg(" + v.sql() + ")", KustoType.REAL);
      case DECIMAL -> TypedSql.of("CAST(avg(" + v.sql() + ") AS DECIMAL(38,18))", KustoType.DECIMAL);
      case TIMESPAN -> TypedSql.of("CAST(round(avg(" + v.sql() + ")) AS BIGINT)", KustoType.TIMESPAN);
      case DATETIME -> TypedSql.of("make_timestamp(CAST(round(avg(epoch_us(" + v.sql() + "))) AS BIGINT))",
          KustoType.DATETIME);
      default -> throw KqlErrors.semantic("'avg' needs a number, timespan or datetime but got a "
          + v.type().kustoName());
    };
  }

  private static void arity(Expr.Call call, int min, int max) {
    int n = call.args().size();
    if (n < min || n > max) {
      throw KqlErrors.semantic("the aggregation function '" + call.function() + "' takes "
          + (min == max ? String.valueOf(min) : min + " to " + max) + " arguments but got " + n);
    }
  }
}
