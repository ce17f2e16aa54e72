package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;

/**
 * Kusto's conversion functions ({@code tostring}, {@code tolong}, ...) as SQL over storage representations. Values
 * that do not convert become null, as in Kusto; strings are never null ({@code tostring(null)} is empty).
 */
final class Conversions {
  private static final String TIMESPAN_PATTERN =
      "'^(-)?(?:([0-9]+)\\.)?([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\\.([0-9]{1,7}))?)?$'";
  private static final String OFFSET_PATTERN = "'[+-][0-9]{2}:?[0-9]{2}$'";

  private Conversions() {}

  static TypedSql convert(TypedSql x, KustoType target, String function) {
    if (x.type() == target) {
      return x;
    }
    if (x.type() == KustoType.DYNAMIC && target != KustoType.STRING) {
      TypedSql viaText = convert(toStringValue(x), target, function);
      if (KqlTypes.isIntegral(target)) {
        // A JSON number such as 1.5 converts like a real (truncating), not like the text "1.5".
        TypedSql viaReal = convert(TypedSql.of("TRY_CAST(" + x.p() + " ->> '$' AS DOUBLE)", KustoType.REAL), target,
            function);
        return TypedSql.of("CASE WHEN json_type(" + x.sql() + ") = 'DOUBLE' THEN " + viaReal.sql() + " ELSE "
            + viaText.sql() + " END", target);
      }
      return viaText;
    }
    String v = x.p();
    String sql;
    switch (target) {
      case STRING:
        return toStringValue(x);
      case LONG:
      case INT:
        sql = toInteger(x, target.duckDbType(), function);
        break;
      case REAL:
        sql = switch (x.type()) {
          case STRING -> "TRY_CAST(trim(" + v + ") AS DOUBLE)";
          case BOOL -> "CAST(CAST(" + v + " AS INTEGER) AS DOUBLE)";
          case INT, LONG, DECIMAL, TIMESPAN -> "CAST(" + v + " AS DOUBLE)";
          default -> throw cannot(function, x.type());
        };
        break;
      case DECIMAL:
        sql = switch (x.type()) {
          case STRING -> "TRY_CAST(trim(" + v + ") AS DECIMAL(38,18))";
          case BOOL -> "CAST(CAST(" + v + " AS INTEGER) AS DECIMAL(38,18))";
          case INT, LONG, REAL -> "TRY_CAST(" + v + " AS DECIMAL(38,18))";
          default -> throw cannot(function, x.type());
        };
        break;
      case BOOL:
        sql = switch (x.type()) {
          case STRING -> "CASE lower(trim(" + v + ")) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE ELSE NULL END";
          case INT, LONG, REAL, DECIMAL -> "(" + v + " <> 0)";
          default -> throw cannot(function, x.type());
        };
        break;
      case DATETIME:
        if (x.type() != KustoType.STRING) {
          throw cannot(function, x.type());
        }
        // A naive timestamp is UTC in Kusto; an explicit offset is honoured through TIMESTAMPTZ.
        sql = "CASE WHEN regexp_matches(trim(" + v + "), " + OFFSET_PATTERN + ") THEN timezone('UTC', TRY_CAST(trim("
            + v + ") AS TIMESTAMPTZ)) ELSE TRY_CAST(trim(" + v + ") AS TIMESTAMP) END";
        break;
      case TIMESPAN:
        if (x.type() != KustoType.STRING) {
          throw cannot(function, x.type());
        }
        sql = timespanFromString(v);
        break;
      case GUID:
        if (x.type() != KustoType.STRING) {
          throw cannot(function, x.type());
        }
        sql = "TRY_CAST(trim(" + v + ") AS UUID)";
        break;
      case DYNAMIC:
        sql = switch (x.type()) {
          case STRING -> "CASE WHEN json_valid(" + v + ") THEN CAST(" + v + " AS JSON) ELSE to_json(" + v + ") END";
          case BOOL, INT, LONG, REAL -> "CASE WHEN " + v + " IS NULL THEN NULL ELSE to_json(" + v + ") END";
          case DECIMAL, DATETIME, TIMESPAN, GUID ->
              "CASE WHEN " + v + " IS NULL THEN NULL ELSE to_json(" + toStringValue(x).sql() + ") END";
          default -> throw cannot(function, x.type());
        };
        break;
      default:
        throw cannot(function, x.type());
    }
    return TypedSql.of(sql, target);
  }

  private static String toInteger(TypedSql x, String sqlType, String function) {
    String v = x.p();
    return switch (x.type()) {
      // Kusto parses integers only; "1.5" is not a long (DuckDB's cast would round it).
      case STRING -> "CASE WHEN regexp_full_match(trim(" + v + "), '[+-]?[0-9]+') THEN TRY_CAST(trim(" + v + ") AS "
          + sqlType + ") ELSE NULL END";
      case BOOL -> "CAST(" + v + " AS " + sqlType + ")";
      case INT, LONG, TIMESPAN -> "TRY_CAST(" + v + " AS " + sqlType + ")";
      // Conversion from real or decimal truncates toward zero.
      case REAL, DECIMAL -> "TRY_CAST(trunc(" + v + ") AS " + sqlType + ")";
      default -> throw cannot(function, x.type());
    };
  }

  private static String timespanFromString(String v) {
    String s = "trim(" + v + ")";
    String g = "regexp_extract(" + s + ", " + TIMESPAN_PATTERN + ", ";
    return "CASE WHEN regexp_full_match(" + s + ", " + TIMESPAN_PATTERN + ") THEN "
        + "(CASE WHEN " + g + "1) = '-' THEN -1 ELSE 1 END) * ("
        + "COALESCE(TRY_CAST(NULLIF(" + g + "2), '') AS BIGINT), 0) * " + KqlTimespans.TICKS_PER_DAY
        + " + CAST(" + g + "3) AS BIGINT) * 36000000000"
        + " + CAST(" + g + "4) AS BIGINT) * 600000000"
        + " + COALESCE(TRY_CAST(NULLIF(" + g + "5), '') AS BIGINT), 0) * 10000000"
        + " + CAST(rpad(" + g + "6), 7, '0') AS BIGINT)) ELSE NULL END";
  }

  /**
   * A value as an element of a dynamic array (make_list): strings as JSON strings (never parsed), dynamic values as
   * they are, other types as {@code todynamic} makes them.
   */
  static TypedSql dynamicElement(TypedSql x) {
    return switch (x.type()) {
      case STRING -> TypedSql.of("to_json(" + x.sql() + ")", KustoType.DYNAMIC);
      case DYNAMIC -> x;
      default -> convert(x, KustoType.DYNAMIC, "make_list");
    };
  }

  /** {@code tostring}: Kusto's text forms (ISO datetimes with 7 digits, [d.]hh:mm:ss timespans, true/false). */
  static TypedSql toStringValue(TypedSql x) {
    String v = x.p();
    String sql = switch (x.type()) {
      case STRING -> x.sql();
      case BOOL -> "CASE WHEN " + v + " IS NULL THEN '' WHEN " + v + " THEN 'true' ELSE 'false' END";
      case INT, LONG, GUID -> "COALESCE(CAST(" + v + " AS VARCHAR), '')";
      case REAL -> realToString(v);
      case DECIMAL -> "CASE WHEN " + v + " IS NULL THEN '' ELSE rtrim(rtrim(CAST(" + v + " AS VARCHAR), '0'), '.') END";
      case DATETIME -> "COALESCE(strftime(" + v + ", '%Y-%m-%dT%H:%M:%S.%f') || '0Z', '')";
      case TIMESPAN -> timespanToString(v);
      case DYNAMIC -> "CASE WHEN " + v + " IS NULL OR json_type(" + v + ") = 'NULL' THEN '' WHEN json_type(" + v
          + ") = 'VARCHAR' THEN " + v + " ->> '$' ELSE CAST(json(" + v + ") AS VARCHAR) END";
    };
    return TypedSql.of(sql, KustoType.STRING);
  }

  /**
   * .NET's shortest round-trip text, which Kusto uses: integral values without ".0", exponent upper-case and signed
   * with two digits at least ("1E-05"), scientific from 1E+15 up (DuckDB switches only at 1e16), NaN and Infinity.
   */
  private static String realToString(String v) {
    String plain = "CAST(abs(" + v + ") AS VARCHAR)";
    String digits = "rtrim(replace(CASE WHEN ends_with(" + plain + ", '.0') THEN left(" + plain + ", length(" + plain
        + ") - 2) ELSE " + plain + " END, '.', ''), '0')";
    String sign = "(CASE WHEN " + v + " < 0 THEN '-' ELSE '' END)";
    return "CASE WHEN " + v + " IS NULL THEN '' WHEN isnan(" + v + ") THEN 'NaN' WHEN " + v
        + " = CAST('inf' AS DOUBLE) THEN 'Infinity' WHEN " + v + " = CAST('-inf' AS DOUBLE) THEN '-Infinity' WHEN "
        + v + " = trunc(" + v + ") AND abs(" + v + ") < 1e15 THEN CAST(CAST(" + v + " AS BIGINT) AS VARCHAR) WHEN abs("
        + v + ") >= 1e15 AND abs(" + v + ") < 1e16 THEN " + sign + " || left(" + digits + ", 1) || (CASE WHEN length("
        + digits + ") > 1 THEN '.' || substr(" + digits + ", 2) ELSE '' END) || 'E+15' ELSE upper(CAST(" + v
        + " AS VARCHAR)) END";
  }

  private static String timespanToString(String v) {
    String a = "abs(" + v + ")";
    String rem = "(" + a + " % " + KqlTimespans.TICKS_PER_DAY + ")";
    return "CASE WHEN " + v + " IS NULL THEN '' ELSE "
        + "(CASE WHEN " + v + " < 0 THEN '-' ELSE '' END)"
        + " || (CASE WHEN " + a + " >= " + KqlTimespans.TICKS_PER_DAY + " THEN CAST(" + a + " // "
        + KqlTimespans.TICKS_PER_DAY + " AS VARCHAR) || '.' ELSE '' END)"
        + " || lpad(CAST(" + rem + " // 36000000000 AS VARCHAR), 2, '0')"
        + " || ':' || lpad(CAST((" + rem + " // 600000000) % 60 AS VARCHAR), 2, '0')"
        + " || ':' || lpad(CAST((" + rem + " // 10000000) % 60 AS VARCHAR), 2, '0')"
        + " || (CASE WHEN " + rem + " % 10000000 <> 0 THEN '.' || lpad(CAST(" + rem + " % 10000000 AS VARCHAR), 7, '0')"
        + " ELSE '' END) END";
  }

  private static KustoRequestException cannot(String function, KustoType from) {
    return KustoRequestException.unsupported("the function '" + function + "' on a value of type " + from.kustoName());
  }
}
