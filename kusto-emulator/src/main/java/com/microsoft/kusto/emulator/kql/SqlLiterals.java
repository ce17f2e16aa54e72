package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders Kusto constants as DuckDB SQL literals in their storage representation. */
final class SqlLiterals {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private SqlLiterals() {}

  static TypedSql of(Expr.Literal literal) {
    return new TypedSql(render(literal.type(), literal.value()), literal.type(), literal);
  }

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String render(KustoType type, Object value) {
    if (value == null) {
      return "CAST(NULL AS " + type.duckDbType() + ")";
    }
    switch (type) {
      case BOOL:
        return ((Boolean) value) ? "TRUE" : "FALSE";
      case INT:
      case LONG:
      case TIMESPAN:
        return "CAST(" + value + " AS " + type.duckDbType() + ")";
      case REAL:
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d)) {
          return "CAST('nan' AS DOUBLE)";
        }
        if (Double.isInfinite(d)) {
          return d > 0 ? "CAST('inf' AS DOUBLE)" : "CAST('-inf' AS DOUBLE)";
        }
        return "CAST(" + Double.toString(d) + " AS DOUBLE)";
      case DECIMAL:
        return "CAST('" + ((BigDecimal) value).toPlainString() + "' AS DECIMAL(38,18))";
      case DATETIME:
        return "CAST('" + TIMESTAMP.format((Instant) value) + "' AS TIMESTAMP)";
      case STRING:
        return string((String) value);
      case GUID:
        return "CAST('" + value + "' AS UUID)";
      case DYNAMIC:
        return "CAST(" + string((String) value) + " AS JSON)";
      default:
        throw new IllegalStateException("no SQL literal form for " + type);
    }
  }
}
