package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.kql.Token.Kind;
import java.util.List;

/** Token navigation shared by the KQL parsers: lookahead, expectations and the forms of identifiers. */
abstract class TokenCursor {
  final List<Token> tokens;
  int index;

  TokenCursor(String text) {
    this.tokens = KqlLexer.tokenize(text);
  }

  /** Whether the tokens ahead start a tabular expression (let right sides and 'in' lists can hold either). */
  boolean startsPipeline() {
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

  /** Whether the '(' ahead opens a pipeline: a '|' directly inside it. */
  boolean looksLikeNestedPipeline() {
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

  /** Whether a parenthesized name list ahead is the left side of {@code (a, b) = ...}. */
  boolean isTupleAssignment() {
    for (int i = index; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol(")")) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("=");
      }
    }
    return false;
  }

  String identifier(String what) {
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      return next().text();
    }
    if (t.isSymbol("[")) {
      return quotedIdentifier();
    }
    throw KqlErrors.syntax("expected " + what + " but found " + t.describe());
  }

  String quotedIdentifier() {
    expectSymbol("[");
    Token name = next();
    if (name.kind() != Kind.STRING) {
      throw KqlErrors.syntax("expected a quoted name like ['my column'] but found " + name.describe());
    }
    expectSymbol("]");
    return name.text();
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  /** Consumes the next token if it is the symbol or the word {@code value}. */
  boolean accept(String value) {
    Token t = peek();
    if ((t.kind() == Kind.SYMBOL || t.kind() == Kind.IDENT) && t.text().equals(value)) {
      index++;
      return true;
    }
    return false;
  }

  void expectSymbol(String symbol) {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw KqlErrors.syntax("expected '" + symbol + "' but found " + t.describe());
    }
  }

  void expectWord(String word) {
    Token t = next();
    if (!t.isWord(word)) {
      throw KqlErrors.syntax("expected '" + word + "' but found " + t.describe());
    }
  }

  void expectEnd() {
    if (peek().kind() != Kind.EOF) {
      throw KqlErrors.syntax("unexpected " + peek().describe());
    }
  }
}
