package com.microsoft.kusto.emulator.kql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.Expr.Literal;
import com.microsoft.kusto.emulator.kql.TabularOp.Assignment;
import com.microsoft.kusto.emulator.kql.TabularOp.Pipeline;
import com.microsoft.kusto.emulator.kql.TabularOp.SortKey;
import com.microsoft.kusto.emulator.kql.Token.Kind;
import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Recursive-descent parser for the supported KQL subset. Constructs Kusto has but the emulator does not support
 * are reported with {@link KustoRequestException#unsupported(String)} naming them; malformed text is a syntax
 * error.
 */
final class KqlParser {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

  /** String operators the translator implements (their negated '!' forms too). */
  static final Set<String> STRING_OPERATORS =
      Set.of(
          "has", "has_cs", "contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs");

  /** Binary operators Kusto has that the emulator does not implement. */
  private static final Set<String> UNSUPPORTED_OPERATORS =
      Set.of(
          "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "has_any", "has_all", "matches", "like",
          "notlike", "likecs", "notlikecs", "contains_any", "has_any_cs");

  /** Kusto's other tabular operators: refused by name as unsupported rather than as a syntax error. */
  private static final Set<String> KNOWN_OPERATORS =
      Set.of(
          "join", "union", "lookup", "mv-expand", "mv-apply", "parse", "parse-where", "parse-kv", "make-series",
          "render", "evaluate", "top-nested", "top-hitters", "sample", "sample-distinct", "serialize", "partition",
          "fork", "facet", "invoke", "find", "search", "range", "scan", "project-keep", "project-reorder", "reduce",
          "consume", "externaldata", "extend-schema", "as-of", "graph-match", "make-graph", "print", "datatable");

  private final List<Token> tokens;
  private int index;

  private KqlParser(String text) {
    this.tokens = KqlLexer.tokenize(text);
  }

  /** Parses a whole query: statements separated by ';'. */
  static List<Statement> parseQuery(String text) {
    KqlParser parser = new KqlParser(text);
    List<Statement> statements = new ArrayList<>();
    while (!parser.peek().kind().equals(Kind.EOF)) {
      if (parser.accept(";")) {
        continue;
      }
      statements.add(parser.statement());
      if (!parser.peek().kind().equals(Kind.EOF)) {
        parser.expectSymbol(";");
      }
    }
    return statements;
  }

  /** Parses the operators of {@code | op | op ...} where the leading '|' has already been removed. */
  static List<TabularOp> parseOperatorsTail(String text) {
    KqlParser parser = new KqlParser(text);
    List<TabularOp> ops = new ArrayList<>();
    ops.add(parser.operator());
    while (parser.accept("|")) {
      ops.add(parser.operator());
    }
    parser.expectEnd();
    return ops;
  }

  /** Parses a standalone scalar expression, such as a query parameter value. */
  static Expr parseScalar(String text) {
    KqlParser parser = new KqlParser(text);
    Expr e = parser.expression();
    parser.expectEnd();
    return e;
  }

  // ---- statements ---------------------------------------------------------------------------------------

  private Statement statement() {
    Token t = peek();
    if (t.isWord("let")) {
      next();
      String name = identifier("a let name");
      expectSymbol("=");
      if (peek().isSymbol("(") && (peekAt(1).kind() == Kind.IDENT && peekAt(2).isSymbol(":") || peekAt(1).isSymbol(")"))
          || peek().isWord("view") || peek().isSymbol("{")) {
        throw KustoRequestException.unsupported("user-defined functions and views ('let " + name + " = (...) { ... }')");
      }
      if (startsPipeline()) {
        return new Statement.LetTabular(name, pipeline());
      }
      return new Statement.LetScalar(name, expression());
    }
    if (t.isWord("declare")) {
      next();
      Token what = next();
      if (!what.isWord("query_parameters")) {
        throw KustoRequestException.unsupported("the 'declare " + what.text() + "' statement");
      }
      return declareParameters();
    }
    if (t.isWord("set")) {
      next();
      String name = identifier("an option name");
      Expr value = accept("=") ? expression() : null;
      return new Statement.SetOption(name, value);
    }
    if (t.isWord("alias") || t.isWord("restrict") || t.isWord("pattern")) {
      throw KustoRequestException.unsupported("the '" + t.text() + "' statement");
    }
    return new Statement.Query(pipeline());
  }

  private boolean startsPipeline() {
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      if (t.text().equals("datatable") || t.text().equals("print")) {
        return true;
      }
      return peekAt(1).isSymbol("|");
    }
    if (t.isSymbol("[") && peekAt(1).kind() == Kind.STRING && peekAt(2).isSymbol("]")) {
      return peekAt(3).isSymbol("|");
    }
    return t.isSymbol("(") && looksLikeNestedPipeline();
  }

  private boolean looksLikeNestedPipeline() {
    int depth = 0;
    for (int i = index; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
        if (depth == 0) {
          return false;
        }
      } else if (t.isSymbol("|") && depth == 1) {
        return true;
      }
    }
    return false;
  }

  private Statement declareParameters() {
    expectSymbol("(");
    List<Statement.Parameter> parameters = new ArrayList<>();
    if (!peek().isSymbol(")")) {
      do {
        String name = identifier("a query parameter name");
        expectSymbol(":");
        KustoType type = type();
        Expr defaultValue = accept("=") ? expression() : null;
        parameters.add(new Statement.Parameter(name, type, defaultValue));
      } while (accept(","));
    }
    expectSymbol(")");
    return new Statement.DeclareParameters(parameters);
  }

  private KustoType type() {
    Token t = next();
    String name = t.kind() == Kind.TYPED_LITERAL ? t.literalType() : t.text();
    if (t.kind() == Kind.TYPED_LITERAL) {
      // "decimal(38,18)"-style arguments never occur in declarations; a literal here is a syntax slip.
      throw KqlErrors.syntax("expected a type name but found " + t.describe());
    }
    return KustoType.parse(name)
        .orElseThrow(() -> KqlErrors.syntax("unknown type '" + name + "' at offset " + t.start()));
  }

  // ---- tabular expressions ------------------------------------------------------------------------------

  private Pipeline pipeline() {
    TabularOp source = source();
    List<TabularOp> ops = new ArrayList<>();
    while (accept("|")) {
      ops.add(operator());
    }
    return new Pipeline(source, ops);
  }

  private TabularOp source() {
    Token t = peek();
    if (t.isSymbol("(")) {
      next();
      Pipeline inner = pipeline();
      expectSymbol(")");
      return new TabularOp.Nested(inner);
    }
    if (t.isSymbol("[")) {
      return new TabularOp.TableRef(quotedIdentifier());
    }
    if (t.kind() != Kind.IDENT) {
      throw KqlErrors.syntax("expected a table name, 'print' or 'datatable' but found " + t.describe());
    }
    next();
    switch (t.text()) {
      case "print":
        return new TabularOp.Print(assignments());
      case "datatable":
        return datatable();
      case "union":
      case "range":
      case "find":
      case "search":
      case "evaluate":
        throw KustoRequestException.unsupported("the '" + t.text() + "' operator");
      case "externaldata":
      case "external_table":
      case "materialized_view":
      case "materialize":
      case "cluster":
      case "database":
      case "table":
      case "toscalar":
        throw KustoRequestException.unsupported("the '" + t.text() + "' function");
      default:
        if (peek().isSymbol("(")) {
          throw KustoRequestException.unsupported("the tabular function '" + t.text() + "'");
        }
        return new TabularOp.TableRef(t.text());
    }
  }

  private TabularOp datatable() {
    expectSymbol("(");
    List<Assignment> columns = new ArrayList<>();
    do {
      String name = identifier("a column name");
      expectSymbol(":");
      KustoType type = type();
      columns.add(new Assignment(name, new Literal(type, null)));
    } while (accept(","));
    expectSymbol(")");
    expectSymbol("[");
    List<Expr> values = new ArrayList<>();
    if (!peek().isSymbol("]")) {
      do {
        if (peek().isSymbol("]")) {
          break; // a trailing comma is allowed
        }
        values.add(expression());
      } while (accept(","));
    }
    expectSymbol("]");
    return new TabularOp.Datatable(columns, values);
  }

  private TabularOp operator() {
    Token t = next();
    if (t.kind() != Kind.IDENT) {
      throw KqlErrors.syntax("expected a query operator after '|' but found " + t.describe());
    }
    String name = t.text();
    // Hyphenated operator names (project-away, mv-expand) are lexed as words joined by adjacent '-'.
    while (peek().isSymbol("-") && peek().start() == t.end() && peekAt(1).kind() == Kind.IDENT
        && peekAt(1).start() == peek().end()) {
      next();
      t = next();
      name = name + "-" + t.text();
    }
    switch (name) {
      case "where":
      case "filter":
        return new TabularOp.Where(expression());
      case "extend":
        return new TabularOp.Extend(assignments());
      case "project":
        return new TabularOp.Project(assignments());
      case "project-away":
        return new TabularOp.ProjectAway(namePatterns());
      case "project-rename":
        return projectRename();
      case "summarize":
        return summarize();
      case "distinct":
        return distinct();
      case "count":
        return new TabularOp.Count();
      case "take":
      case "limit":
        return new TabularOp.Take(expression());
      case "top":
        return top();
      case "sort":
      case "order":
        expectWord("by");
        return new TabularOp.Sort(sortKeys());
      case "getschema":
        return new TabularOp.GetSchema();
      case "as":
        if (peek().kind() == Kind.IDENT && peekAt(1).isSymbol("=")) {
          throw KustoRequestException.unsupported("hints on the 'as' operator ('" + peek().text() + "=')");
        }
        return new TabularOp.As(identifier("a name after 'as'"));
      default:
        if (KNOWN_OPERATORS.contains(name)) {
          throw KustoRequestException.unsupported("the '" + name + "' operator");
        }
        throw KqlErrors.syntax("unknown query operator '" + name + "' at offset " + t.start());
    }
  }

  private TabularOp summarize() {
    if (peek().kind() == Kind.IDENT && peek().text().startsWith("hint") && peekAt(1).isSymbol(".")) {
      throw KustoRequestException.unsupported("hints on the 'summarize' operator");
    }
    List<Assignment> aggregates = peek().isWord("by") ? List.of() : assignments();
    List<Assignment> by = List.of();
    if (accept("by")) {
      by = assignments();
    }
    return new TabularOp.Summarize(aggregates, by);
  }

  private TabularOp distinct() {
    if (accept("*")) {
      return new TabularOp.Distinct(List.of());
    }
    List<Expr> columns = new ArrayList<>();
    do {
      columns.add(expression());
    } while (accept(","));
    return new TabularOp.Distinct(columns);
  }

  private TabularOp top() {
    Expr rows = expression();
    expectWord("by");
    SortKey key = sortKey();
    if (peek().isSymbol(",")) {
      throw KqlErrors.syntax("'top' takes one sort expression; use 'sort by a, b | take n' for several");
    }
    return new TabularOp.Top(rows, key);
  }

  private List<SortKey> sortKeys() {
    List<SortKey> keys = new ArrayList<>();
    do {
      keys.add(sortKey());
    } while (accept(","));
    return keys;
  }

  private SortKey sortKey() {
    Expr e = expression();
    boolean ascending = false;
    if (accept("asc")) {
      ascending = true;
    } else {
      accept("desc");
    }
    Boolean nullsFirst = null;
    if (accept("nulls")) {
      if (accept("first")) {
        nullsFirst = true;
      } else {
        expectWord("last");
        nullsFirst = false;
      }
    }
    return new SortKey(e, ascending, nullsFirst);
  }

  private TabularOp projectRename() {
    List<String[]> renames = new ArrayList<>();
    do {
      String newName = identifier("the new column name");
      expectSymbol("=");
      String oldName = identifier("the column to rename");
      renames.add(new String[] {newName, oldName});
    } while (accept(","));
    return new TabularOp.ProjectRename(renames);
  }

  private List<String> namePatterns() {
    List<String> patterns = new ArrayList<>();
    do {
      StringBuilder pattern = new StringBuilder();
      int end = -1;
      // A wildcard pattern such as a* or *_id is a run of adjacent identifier and '*' tokens.
      while (true) {
        Token t = peek();
        boolean adjacent = end < 0 || t.start() == end;
        if (adjacent && (t.kind() == Kind.IDENT || t.isSymbol("*") || t.kind() == Kind.NUMBER)) {
          pattern.append(t.text());
          end = next().end();
        } else if (end < 0 && t.isSymbol("[")) {
          pattern.append(quotedIdentifier());
          break;
        } else {
          break;
        }
      }
      if (pattern.length() == 0) {
        throw KqlErrors.syntax("expected a column name but found " + peek().describe());
      }
      patterns.add(pattern.toString());
    } while (accept(","));
    return patterns;
  }

  private List<Assignment> assignments() {
    List<Assignment> out = new ArrayList<>();
    do {
      out.add(assignment());
    } while (accept(","));
    return out;
  }

  private Assignment assignment() {
    if (peek().isSymbol("(") && peekAt(1).kind() == Kind.IDENT && (peekAt(2).isSymbol(",") || peekAt(2).isSymbol(")"))
        && isTupleAssignment()) {
      throw KustoRequestException.unsupported("assigning several columns at once ('(a, b) = ...')");
    }
    if (peek().kind() == Kind.IDENT && peekAt(1).isSymbol("=")) {
      String name = next().text();
      next();
      return new Assignment(name, expression());
    }
    if (peek().isSymbol("[") && peekAt(1).kind() == Kind.STRING && peekAt(2).isSymbol("]") && peekAt(3).isSymbol("=")) {
      String name = quotedIdentifier();
      next();
      return new Assignment(name, expression());
    }
    return new Assignment(null, expression());
  }

  private boolean isTupleAssignment() {
    for (int i = index; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol(")")) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("=");
      }
    }
    return false;
  }

  // ---- scalar expressions -------------------------------------------------------------------------------

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
        return numberLiteral(t);
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
        return typedLiteral(t);
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
        return new Expr.Name(t.text(), false);
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
          return new Expr.Name(quotedIdentifier(), true);
        }
        break;
      default:
        break;
    }
    throw KqlErrors.syntax("expected an expression but found " + t.describe());
  }

  private static Literal numberLiteral(Token t) {
    String text = t.text();
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return new Literal(KustoType.LONG, Long.parseUnsignedLong(text.substring(2), 16));
      }
      if (text.contains(".") || text.contains("e") || text.contains("E")) {
        return new Literal(KustoType.REAL, Double.parseDouble(text));
      }
      return new Literal(KustoType.LONG, Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw KqlErrors.syntax("invalid number '" + text + "' at offset " + t.start());
    }
  }

  static Literal typedLiteral(Token t) {
    KustoType type = KustoType.parse(t.literalType()).orElseThrow();
    String raw = t.text().trim();
    if (raw.equals("null")) {
      return new Literal(type, null);
    }
    try {
      switch (type) {
        case BOOL:
          String b = raw.toLowerCase(Locale.ROOT);
          if (b.equals("true") || b.equals("1")) {
            return new Literal(type, true);
          }
          if (b.equals("false") || b.equals("0")) {
            return new Literal(type, false);
          }
          break;
        case INT:
          return new Literal(type, Integer.parseInt(stripPlus(raw)));
        case LONG:
          return new Literal(type, Long.parseLong(stripPlus(raw)));
        case REAL:
          return new Literal(type, realValue(raw));
        case DECIMAL:
          return new Literal(type, new BigDecimal(stripPlus(raw)));
        case DATETIME:
          return new Literal(type, KqlDatetimes.parse(raw));
        case TIMESPAN:
          return new Literal(type, KqlTimespans.parse(raw));
        case GUID:
          return new Literal(type, UUID.fromString(raw));
        case DYNAMIC:
          return new Literal(type, JSON.writeValueAsString(JSON.readTree(raw)));
        default:
          break;
      }
    } catch (JsonProcessingException e) {
      // Kusto's dynamic literals may also hold KQL values (datetime(...), timespans), which JSON cannot.
      throw KustoRequestException.unsupported(
          "dynamic literals that are not plain JSON ('dynamic(" + abbreviate(raw) + ")')");
    } catch (IllegalArgumentException e) {
      // NumberFormatException and UUID.fromString: fall through to the syntax error below
    }
    throw KqlErrors.syntax("invalid " + type.kustoName() + " literal '" + t.literalType() + "(" + raw + ")'");
  }

  private static String abbreviate(String raw) {
    return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
  }

  private static String stripPlus(String raw) {
    return raw.startsWith("+") ? raw.substring(1) : raw;
  }

  private static double realValue(String raw) {
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(raw);
    }
  }

  // ---- token helpers ------------------------------------------------------------------------------------

  private String identifier(String what) {
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      return next().text();
    }
    if (t.isSymbol("[")) {
      return quotedIdentifier();
    }
    throw KqlErrors.syntax("expected " + what + " but found " + t.describe());
  }

  private String quotedIdentifier() {
    expectSymbol("[");
    Token name = next();
    if (name.kind() != Kind.STRING) {
      throw KqlErrors.syntax("expected a quoted name like ['my column'] but found " + name.describe());
    }
    expectSymbol("]");
    return name.text();
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  /** Consumes the next token if it is the symbol or the word {@code value}. */
  private boolean accept(String value) {
    Token t = peek();
    if ((t.kind() == Kind.SYMBOL || t.kind() == Kind.IDENT) && t.text().equals(value)) {
      index++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw KqlErrors.syntax("expected '" + symbol + "' but found " + t.describe());
    }
  }

  private void expectWord(String word) {
    Token t = next();
    if (!t.isWord(word)) {
      throw KqlErrors.syntax("expected '" + word + "' but found " + t.describe());
    }
  }

  private void expectEnd() {
    if (peek().kind() != Kind.EOF) {
      throw KqlErrors.syntax("unexpected " + peek().describe());
    }
  }
}
