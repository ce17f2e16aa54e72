package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.regex.Pattern;

/**
 * Kusto's string operators: {@code =~}, {@code !~}, {@code has}, {@code contains}, {@code startswith},
 * {@code endswith}, their case-sensitive {@code _cs} forms and their negations.
 *
 * <p>{@code has} matches whole terms: Kusto splits strings into maximal runs of ASCII letters and digits, and
 * {@code has} is true when the right side appears bounded by a non-alphanumeric character or the string's ends.
 * That is a regular expression over a constant right side; a right side starting or ending with a character
 * outside a term has no documented meaning, so it is refused rather than guessed.
 */
final class StringPredicates {
  private static final Pattern TERM_EDGES = Pattern.compile("^[A-Za-z0-9].*[A-Za-z0-9]$|^[A-Za-z0-9]$", Pattern.DOTALL);

  private StringPredicates() {}

  static TypedSql apply(String op, TypedSql left, TypedSql right) {
    boolean negated = op.startsWith("!");
    String base = negated ? op.substring(1) : op;
    if (base.equals("~")) { // "!~" is lexed as its own operator; keep the names straight
      base = "=~";
      negated = true;
    }
    left = asString(left, op);
    right = asString(right, op);
    String sql;
    switch (base) {
      case "=~":
        sql = "lower(" + left.sql() + ") = lower(" + right.sql() + ")";
        break;
      case "contains":
        sql = "contains(lower(" + left.sql() + "), lower(" + right.sql() + "))";
        break;
      case "contains_cs":
        sql = "contains(" + left.sql() + ", " + right.sql() + ")";
        break;
      case "startswith":
        sql = "starts_with(lower(" + left.sql() + "), lower(" + right.sql() + "))";
        break;
      case "startswith_cs":
        sql = "starts_with(" + left.sql() + ", " + right.sql() + ")";
        break;
      case "endswith":
        sql = "ends_with(lower(" + left.sql() + "), lower(" + right.sql() + "))";
        break;
      case "endswith_cs":
        sql = "ends_with(" + left.sql() + ", " + right.sql() + ")";
        break;
      case "has":
      case "has_cs":
        sql = has(left, right, base.equals("has"), op);
        break;
      default:
        throw KustoRequestException.unsupported("the '" + op + "' operator");
    }
    return TypedSql.of(negated ? "NOT (" + sql + ")" : "(" + sql + ")", KustoType.BOOL);
  }

  private static String has(TypedSql left, TypedSql right, boolean ignoreCase, String op) {
    if (!right.isConstant() || !(right.constant().value() instanceof String term)) {
      throw KustoRequestException.unsupported("'" + op + "' with a right side that is not a string constant");
    }
    if (!TERM_EDGES.matcher(term).matches()) {
      throw KustoRequestException.unsupported(
          "'" + op + "' with the term '" + term + "' (empty, or starting or ending with a non-alphanumeric"
              + " character); use 'contains' for substring matching");
    }
    String regex = (ignoreCase ? "(?i)" : "") + "(^|[^A-Za-z0-9])" + escapeRegex(term) + "($|[^A-Za-z0-9])";
    return "regexp_matches(" + left.sql() + ", " + SqlLiterals.string(regex) + ")";
  }

  /** Escapes ASCII punctuation, which RE2 accepts escaped; everything else matches itself. */
  private static String escapeRegex(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c > 32 && c < 127 && !Character.isLetterOrDigit(c)) {
        out.append('\\');
      }
      out.appendCodePoint(c);
    });
    return out.toString();
  }

  private static TypedSql asString(TypedSql value, String op) {
    if (value.type() == KustoType.STRING) {
      return value;
    }
    if (value.type() == KustoType.DYNAMIC) {
      return Conversions.toStringValue(value);
    }
    throw KqlErrors.semantic(
        "the operator '" + op + "' needs strings but got a " + value.type().kustoName() + "; use tostring()");
  }
}
