package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.Expr.Literal;
import com.microsoft.kusto.emulator.kql.Token.Kind;
import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses KQL scalar expressions with Kusto's precedence: or, and, comparisons and string operators, additive,
 * multiplicative, unary minus, then postfix dynamic access ({@code d.a}, {@code d['a']}, {@code d[0]}).
 */
abstract class ExpressionParser extends TokenCursor {
  /** String operators the translator implements (their negated '!' forms too). */
  static final Set<String> STRING_OPERATORS =
      Set.of(
          "has", "has_cs", "contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs");

  /** Binary operators Kusto has that the emulator does not implement. */
  private static final Set<String> UNSUPPORTED_OPERATORS =
      Set.of(
          "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "has_any", "has_all", "matches", "like",
          "notlike", "likecs", "notlikecs", "contains_any", "has_any_cs");

  ExpressionParser(String text) {
    super(text);
  }

  Expr expression() {
    Expr left = andExpression();
    while (accept("or")) {
      left = new Expr.Binary("or", left, andExpression());
    }
    return left;
  }

  private Expr andExpression() {
    Expr left = comparison();
    while (accept("and")) {
      left = new Expr.Binary("and", left, comparison());
    }
    return left;
  }

  private Expr comparison() {
    Expr left = additive();
    Token t = peek();
    if (t.kind() == Kind.SYMBOL) {
      switch (t.text()) {
        case "==":
        case "!=":
        case "<>":
        case "<":
        case "<=":
        case ">":
        case ">=":
        case "=~":
        case "!~":
          next();
          return new Expr.Binary(t.text().equals("<>") ? "!=" : t.text(), left, additive());
        case "!":
          Token word = peekAt(1);
          if (word.kind() == Kind.IDENT && word.start() == t.end()) {
            next();
            next();
            return wordOperator(left, word, true);
          }
          break;
        default:
          break;
      }
    }
    if (t.kind() == Kind.IDENT && (STRING_OPERATORS.contains(t.text()) || UNSUPPORTED_OPERATORS.contains(t.text())
        || t.text().equals("in") || t.text().equals("between"))) {
      next();
      return wordOperator(left, t, false);
    }
    return left;
  }

  private Expr wordOperator(Expr left, Token word, boolean negated) {
    String op = word.text();
    String shown = (negated ? "!" : "") + op;
    if (op.equals("in")) {
      boolean ignoreCase = false;
      if (peek().isSymbol("~") && peek().start() == word.end()) {
        next();
        ignoreCase = true;
      }
      return new Expr.InList(left, inItems(shown + (ignoreCase ? "~" : "")), negated, ignoreCase);
    }
    if (op.equals("between")) {
      expectSymbol("(");
      Expr low = additive();
      expectSymbol("..");
      Expr high = additive();
      expectSymbol(")");
      return new Expr.Between(left, low, high, negated);
    }
    if (op.equals("matches")) {
      throw KustoRequestException.unsupported("the 'matches regex' operator");
    }
    if (!STRING_OPERATORS.contains(op)) {
      throw KustoRequestException.unsupported("the '" + shown + "' operator");
    }
    return new Expr.Binary(shown, left, additive());
  }

  private List<Expr> inItems(String op) {
    expectSymbol("(");
    if (startsPipeline()) {
      throw KustoRequestException.unsupported("a tabular expression on the right of '" + op + "'");
    }
    List<Expr> items = new ArrayList<>();
    do {
      items.add(expression());
    } while (accept(","));
    expectSymbol(")");
    return items;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      String op = next().text();
      left = new Expr.Binary(op, left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
      String op = next().text();
      left = new Expr.Binary(op, left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (accept("-")) {
      Expr operand = unary();
      if (operand instanceof Literal l && l.value() != null) {
        return negateLiteral(l);
      }
      return new Expr.Negate(operand);
    }
    if (accept("+")) {
      return unary();
    }
    return postfix();
  }

  private static Expr negateLiteral(Literal l) {
    Object v = l.value();
    if (v instanceof Long x) {
      return new Literal(l.type(), -x);
    }
    if (v instanceof Integer x) {
      return new Literal(l.type(), -x);
    }
    if (v instanceof Double x) {
      return new Literal(l.type(), -x);
    }
    if (v instanceof BigDecimal x) {
      return new Literal(l.type(), x.negate());
    }
    return new Expr.Negate(l);
  }

  private Expr postfix() {
    Expr e = primary();
    while (true) {
      if (peek().isSymbol(".") && peekAt(1).kind() == Kind.IDENT) {
        next();
        e = new Expr.Member(e, next().text());
      } else if (peek().isSymbol(".") && peekAt(1).isSymbol("[")) {
        next();
      } else if (peek().isSymbol("[")) {
        next();
        Expr key = expression();
        expectSymbol("]");
        if (key instanceof Literal l && l.value() instanceof String s) {
          e = new Expr.Member(e, s);
        } else {
          e = new Expr.Index(e, key);
        }
      } else {
        return e;
      }
    }
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return KqlLiterals.number(t);
      case TIMESPAN:
        return new Literal(KustoType.TIMESPAN, KqlTimespans.parse(t.text()));
      case STRING:
        StringBuilder s = new StringBuilder(t.text());
        // Adjacent string literals are one string in KQL.
        while (peek().kind() == Kind.STRING) {
          s.append(next().text());
        }
        return new Literal(KustoType.STRING, s.toString());
      case TYPED_LITERAL:
        return KqlLiterals.typed(t);
      case IDENT:
        if (t.text().equals("true") || t.text().equals("false")) {
          return new Literal(KustoType.BOOL, Boolean.valueOf(t.text()));
        }
        if (peek().isSymbol("(")) {
          next();
          List<Expr> args = new ArrayList<>();
          if (!peek().isSymbol(")")) {
            do {
              if (peek().isSymbol("*") && peekAt(1).isSymbol(")")) {
                next(); // count(*) is accepted by Kusto as count()
                continue;
              }
              args.add(expression());
            } while (accept(","));
          }
          expectSymbol(")");
          return new Expr.Call(t.text(), args);
        }
        return new Expr.Name(t.text());
      case SYMBOL:
        if (t.isSymbol("(")) {
          if (startsPipeline()) {
            throw KustoRequestException.unsupported("tabular sub-queries inside scalar expressions");
          }
          Expr inner = expression();
          if (peek().isSymbol(",")) {
            throw KustoRequestException.unsupported("tuples '(a, b)' in scalar expressions");
          }
          expectSymbol(")");
          return inner;
        }
        if (t.isSymbol("[")) {
          index--;
          return new Expr.Name(quotedIdentifier());
        }
        break;
      default:
        break;
    }
    throw KqlErrors.syntax("expected an expression but found " + t.describe());
  }
}
