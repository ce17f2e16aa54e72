package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Values of {@code declare query_parameters(...)} from the request's "Parameters" property. The SDK sends every value
 * as text: a KQL literal ({@code int(5)}, {@code datetime(...)}, {@code time(...)}, {@code guid(...)}) or, for string
 * parameters, the raw unquoted string.
 */
final class QueryParameters {
  private QueryParameters() {}

  static TypedSql value(Statement.Parameter parameter, Map<String, String> supplied, QueryContext context) {
    String text = supplied.get(parameter.name());
    if (text == null) {
      if (parameter.defaultValue() == null) {
        throw KqlErrors.semantic("query parameter '" + parameter.name() + "' is declared without a default value"
            + " and the request gives no value for it; add it to the request's Parameters");
      }
      TypedSql v = new ScalarTranslator(context, Scope.empty()).translate(parameter.defaultValue());
      if (!v.isConstant()) {
        throw KqlErrors.semantic("the default value of query parameter '" + parameter.name() + "' must be a literal");
      }
      return SqlLiterals.of(coerce(v.constant(), parameter));
    }
    if (parameter.type() == KustoType.STRING) {
      return SqlLiterals.of(new Expr.Literal(KustoType.STRING, text));
    }
    Expr parsed;
    try {
      parsed = KqlParser.parseScalar(text);
    } catch (RuntimeException e) {
      throw badValue(parameter, text);
    }
    if (!(parsed instanceof Expr.Literal literal)) {
      throw badValue(parameter, text);
    }
    return SqlLiterals.of(coerce(literal, parameter));
  }

  private static Expr.Literal coerce(Expr.Literal literal, Statement.Parameter parameter) {
    KustoType target = parameter.type();
    Object v = literal.value();
    if (literal.type() == target || v == null) {
      return new Expr.Literal(target, v);
    }
    if (v instanceof Number n && KqlTypes.isNumeric(literal.type())) {
      switch (target) {
        case INT:
          if (n instanceof Long l && l == l.intValue()) {
            return new Expr.Literal(target, l.intValue());
          }
          break;
        case LONG:
          if (n instanceof Long || n instanceof Integer) {
            return new Expr.Literal(target, n.longValue());
          }
          break;
        case REAL:
          return new Expr.Literal(target, n.doubleValue());
        case DECIMAL:
          return new Expr.Literal(target, new BigDecimal(n.toString()));
        default:
          break;
      }
    }
    throw KqlErrors.semantic("query parameter '" + parameter.name() + "' is declared as "
        + target.kustoName() + " but its value is a " + literal.type().kustoName());
  }

  private static RuntimeException badValue(Statement.Parameter parameter, String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return KqlErrors.semantic("query parameter '" + parameter.name() + "' is declared as "
        + parameter.type().kustoName() + " but its value [" + shown + "] is not a " + parameter.type().kustoName()
        + " literal (for example " + example(parameter.type()) + ")");
  }

  private static String example(KustoType type) {
    return switch (type) {
      case BOOL -> "bool(true)";
      case INT -> "int(5)";
      case LONG -> "long(5)";
      case REAL -> "real(1.5)";
      case DECIMAL -> "decimal(1.5)";
      case DATETIME -> "datetime(2024-01-02T03:04:05.1230000Z)";
      case TIMESPAN -> "time(01:02:03)";
      case GUID -> "guid(00000000-0000-0000-0000-000000000000)";
      case DYNAMIC -> "dynamic({\"a\": 1})";
      case STRING -> "text";
    };
  }
}
