package com.microsoft.kusto.spark.common.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny interpreter for the KQL subset the predicate compiler emits, used to check the compiler's semantics against a
 * SQL reference. Kusto's result for a comparison with a null operand is modelled by {@code nullComparison}: the test
 * runs with both plausible answers (null and false), so the compiler is shown correct under either.
 *
 * <p>Values: long columns as Long, real as Double, string as String, datetime as Long ticks (100 ns).
 */
final class KqlSubsetEvaluator {
  private final String text;
  private final Map<String, Object> row;
  private final Boolean nullComparison;
  private int pos;

  private KqlSubsetEvaluator(String text, Map<String, Object> row, Boolean nullComparison) {
    this.text = text;
    this.row = row;
    this.nullComparison = nullComparison;
  }

  /** Evaluates {@code text} on {@code row}; returns TRUE, FALSE or null (KQL null). */
  static Boolean evaluate(String text, Map<String, Object> row, Boolean nullComparison) {
    KqlSubsetEvaluator e = new KqlSubsetEvaluator(text, row, nullComparison);
    Boolean result = e.orExpr();
    if (e.pos != text.length()) {
      throw new IllegalStateException("Unparsed KQL at " + e.pos + ": " + text);
    }
    return result;
  }

  private Boolean orExpr() {
    Boolean result = andExpr();
    while (accept(" or ")) {
      Boolean right = andExpr();
      result = or(result, right);
    }
    return result;
  }

  private Boolean andExpr() {
    Boolean result = unary();
    while (accept(" and ")) {
      Boolean right = unary();
      result = and(result, right);
    }
    return result;
  }

  private Boolean unary() {
    if (accept("(")) {
      Boolean inner = orExpr();
      expect(")");
      return inner;
    }
    if (accept("not(")) {
      Boolean inner = orExpr();
      expect(")");
      return inner == null ? null : !inner;
    }
    if (accept("false")) {
      return false;
    }
    if (accept("true")) {
      return true;
    }
    if (accept("hash(")) {
      // A stand-in for Kusto's hash: any deterministic function shows the slices are disjoint and complete.
      Object v = column();
      expect(", ");
      long modulus = (Long) literal();
      expect(") == ");
      long index = (Long) literal();
      if (v == null) {
        return nullComparison == null ? null : Boolean.valueOf(index == 1 % modulus);
      }
      return Math.floorMod(v.hashCode(), modulus) == index;
    }
    if (accept("isnull(")) {
      Object v = column();
      expect(")");
      return v == null;
    }
    if (accept("isnotnull(")) {
      Object v = column();
      expect(")");
      return v != null;
    }
    if (accept("isnan(")) {
      Object v = column();
      expect(")");
      if (v == null) {
        return nullComparison;
      }
      return Double.isNaN((Double) v);
    }
    Object left = column();
    for (String op : new String[] {" == ", " >= ", " <= ", " < ", " > "}) {
      if (accept(op)) {
        return compare(op.trim(), left, literal());
      }
    }
    if (accept(" in (")) {
      List<Object> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (accept(", "));
      expect(")");
      if (left == null) {
        return nullComparison;
      }
      for (Object v : values) {
        if (Boolean.TRUE.equals(compare("==", left, v))) {
          return true;
        }
      }
      return false;
    }
    for (String op : new String[] {" startswith_cs ", " endswith_cs ", " contains_cs "}) {
      if (accept(op)) {
        String pattern = (String) literal();
        if (left == null) {
          return nullComparison;
        }
        String s = (String) left;
        switch (op.trim()) {
          case "startswith_cs":
            return s.startsWith(pattern);
          case "endswith_cs":
            return s.endsWith(pattern);
          default:
            return s.contains(pattern);
        }
      }
    }
    throw new IllegalStateException("Unknown KQL at " + pos + ": " + text);
  }

  private Boolean compare(String op, Object left, Object right) {
    if (left == null || right == null) {
      return nullComparison;
    }
    int c;
    if (left instanceof Double) {
      double l = (Double) left;
      double r = ((Number) right).doubleValue();
      // IEEE, as .NET: every comparison with NaN is false.
      if (Double.isNaN(l) || Double.isNaN(r)) {
        return false;
      }
      c = l < r ? -1 : l > r ? 1 : 0;
    } else if (left instanceof Long) {
      c = Long.compare((Long) left, ((Number) right).longValue());
    } else {
      if (!op.equals("==")) {
        throw new IllegalStateException("ordering on strings emitted: " + text);
      }
      c = left.equals(right) ? 0 : 1;
    }
    switch (op) {
      case "==":
        return c == 0;
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      default:
        return c >= 0;
    }
  }

  private Object column() {
    expect("['");
    StringBuilder name = new StringBuilder();
    readEscaped(name);
    expect("]");
    if (!row.containsKey(name.toString())) {
      throw new IllegalStateException("unknown column " + name);
    }
    return row.get(name.toString());
  }

  /** Reads an escaped single-quoted body up to and including the closing quote. */
  private void readEscaped(StringBuilder out) {
    while (true) {
      char c = text.charAt(pos++);
      if (c == '\'') {
        return;
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default:
            out.append(e);
        }
      } else {
        out.append(c);
      }
    }
  }

  private Object literal() {
    if (accept("'")) {
      StringBuilder s = new StringBuilder();
      readEscaped(s);
      return s.toString();
    }
    if (accept("real(")) {
      String body = until(')');
      switch (body) {
        case "nan":
          return Double.NaN;
        case "+inf":
          return Double.POSITIVE_INFINITY;
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          return Double.parseDouble(body);
      }
    }
    if (accept("datetime(")) {
      java.time.Instant i = java.time.Instant.parse(until(')'));
      return i.getEpochSecond() * 10_000_000L + i.getNano() / 100;
    }
    if (accept("long(")) {
      return Long.parseLong(until(')'));
    }
    int start = pos;
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
      pos++;
    }
    return Long.parseLong(text.substring(start, pos));
  }

  private String until(char end) {
    int close = text.indexOf(end, pos);
    String body = text.substring(pos, close);
    pos = close + 1;
    return body;
  }

  private boolean accept(String token) {
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new IllegalStateException("Expected '" + token + "' at " + pos + " in: " + text);
    }
  }

  private static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return false;
    }
    return a == null || b == null ? null : true;
  }

  private static Boolean or(Boolean a, Boolean b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return true;
    }
    return a == null || b == null ? null : false;
  }
}
