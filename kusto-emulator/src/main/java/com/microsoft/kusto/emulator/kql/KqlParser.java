package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.TabularOp.Assignment;
import com.microsoft.kusto.emulator.kql.TabularOp.Pipeline;
import com.microsoft.kusto.emulator.kql.TabularOp.SortKey;
import com.microsoft.kusto.emulator.kql.Token.Kind;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for KQL statements and tabular expressions (scalar expressions: {@link
 * ExpressionParser}). Constructs Kusto has but the emulator does not support
 * are reported with {@link KustoRequestException#unsupported(String)} naming them; malformed text is a syntax
 * error.
 */
final class KqlParser extends ExpressionParser {
  /** Kusto's other tabular operators: refused by name as unsupported rather than as a syntax error. */
  private static final Set<String> KNOWN_OPERATORS =
      Set.of(
          "join", "lookup", "parse", "parse-where", "parse-kv", "make-series",
          "render", "evaluate", "top-nested", "top-hitters", "sample", "sample-distinct", "serialize", "partition",
          "fork", "facet", "invoke", "find", "search", "range", "scan", "project-keep", "project-reorder", "reduce",
          "consume", "externaldata", "extend-schema", "as-of", "graph-match", "make-graph", "print", "datatable");

  private KqlParser(String text) {
    super(text);
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
        throw KustoRequestException.unsupported(
            "user-defined functions and views ('let " + name + " = (...) { ... }')");
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
        return union();
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
      columns.add(new Assignment(name, new Expr.Literal(type, null)));
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
      case "union":
        return union();
      case "mv-expand":
        return mvExpand();
      case "mv-apply":
        return mvApply();
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

  /** {@code union [kind=inner|outer] [withsource=C] legs}: a leg is a table name or a parenthesized pipeline. */
  private TabularOp union() {
    boolean inner = false;
    String withSource = null;
    while (peek().kind() == Kind.IDENT && peekAt(1).isSymbol("=")) {
      Token parameter = next();
      next();
      switch (parameter.text()) {
        case "kind" -> {
          String kind = identifier("'inner' or 'outer'");
          if (!kind.equals("inner") && !kind.equals("outer")) {
            throw KqlErrors.syntax("union kind must be 'inner' or 'outer' but was '" + kind + "'");
          }
          inner = kind.equals("inner");
        }
        case "withsource" -> withSource = identifier("the name of the source column");
        case "isfuzzy" -> throw KustoRequestException.unsupported("'union isfuzzy=' (every leg must exist)");
        default -> throw KqlErrors.syntax("unknown union parameter '" + parameter.text() + "'");
      }
    }
    List<Pipeline> legs = new ArrayList<>();
    do {
      if (accept("(")) {
        legs.add(pipeline());
        expectSymbol(")");
      } else {
        Token name = peek();
        String table = identifier("a table name or a parenthesized query");
        if (peek().isSymbol("*") && peek().start() == name.end()) {
          throw KustoRequestException.unsupported("wildcard table names in 'union' ('" + table + "*')");
        }
        legs.add(new Pipeline(new TabularOp.TableRef(table), List.of()));
      }
    } while (accept(","));
    return new TabularOp.Union(inner, withSource, legs);
  }

  private TabularOp mvExpand() {
    boolean arrayKind = false;
    String itemIndex = null;
    while (peek().kind() == Kind.IDENT && peekAt(1).isSymbol("=")
        && Set.of("kind", "bagexpansion", "with_itemindex").contains(peek().text())) {
      String parameter = next().text();
      next();
      if (parameter.equals("with_itemindex")) {
        itemIndex = identifier("the item index column name");
      } else {
        String kind = identifier("'bag' or 'array'");
        if (!kind.equals("bag") && !kind.equals("array")) {
          throw KqlErrors.syntax(parameter + " must be 'bag' or 'array' but was '" + kind + "'");
        }
        arrayKind = kind.equals("array");
      }
    }
    List<TabularOp.Expansion> expansions = expansions();
    Expr limit = accept("limit") ? expression() : null;
    return new TabularOp.MvExpand(arrayKind, itemIndex, expansions, limit);
  }

  private TabularOp mvApply() {
    String itemIndex = null;
    if (peek().isWord("with_itemindex") && peekAt(1).isSymbol("=")) {
      next();
      next();
      itemIndex = identifier("the item index column name");
    }
    if (peek().isWord("kind") && peekAt(1).isSymbol("=")) {
      throw KustoRequestException.unsupported("'kind=' on mv-apply");
    }
    List<TabularOp.Expansion> expansions = expansions();
    Expr limit = accept("limit") ? expression() : null;
    expectWord("on");
    expectSymbol("(");
    List<TabularOp> subquery = new ArrayList<>();
    accept("|");
    subquery.add(operator());
    while (accept("|")) {
      subquery.add(operator());
    }
    expectSymbol(")");
    return new TabularOp.MvApply(itemIndex, expansions, limit, subquery);
  }

  /** {@code [name =] expr [to typeof(type)]}, comma-separated. */
  private List<TabularOp.Expansion> expansions() {
    List<TabularOp.Expansion> out = new ArrayList<>();
    do {
      Assignment a = assignment();
      KustoType type = null;
      if (accept("to")) {
        expectWord("typeof");
        expectSymbol("(");
        type = type();
        expectSymbol(")");
      }
      out.add(new TabularOp.Expansion(a.name(), a.expr(), type));
    } while (accept(","));
    return out;
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

  // ---- scalar expressions -------------------------------------------------------------------------------

  // ---- token helpers ------------------------------------------------------------------------------------

}
