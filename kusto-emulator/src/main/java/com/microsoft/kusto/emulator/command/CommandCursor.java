package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small reader over one management-command header: keywords, entity names, string literals, lists. */
final class CommandCursor {
  private final String text;
  private int pos;

  CommandCursor(String text) {
    this.text = text;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  boolean atEnd() {
    skipSpace();
    return pos >= text.length();
  }

  private String peekWord() {
    skipSpace();
    int end = pos;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || (c == '.' && end == pos)) {
        end++;
      } else {
        break;
      }
    }
    return text.substring(pos, end);
  }

  /** Consumes {@code word} (case-insensitive) if it is next. */
  boolean accept(String word) {
    String next = peekWord();
    if (next.equalsIgnoreCase(word)) {
      pos += next.length();
      return true;
    }
    return false;
  }

  void expect(String word) {
    if (!accept(word)) {
      throw syntax("expected '" + word + "'");
    }
  }

  boolean acceptSymbol(String symbol) {
    skipSpace();
    if (text.startsWith(symbol, pos)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw syntax("expected '" + symbol + "'");
    }
  }

  /** An entity name: plain identifier, or bracketed {@code ['name']} / {@code ["name"]}. */
  String name() {
    skipSpace();
    if (text.startsWith("[", pos)) {
      pos++;
      skipSpace();
      String name = string();
      expectSymbol("]");
      return name;
    }
    int end = pos;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
        || (end > pos && (text.charAt(end) == '-' || text.charAt(end) == '.')))) {
      end++;
    }
    if (end == pos) {
      throw syntax("expected a name");
    }
    String name = text.substring(pos, end);
    pos = end;
    return name;
  }

  boolean peekString() {
    skipSpace();
    int p = pos;
    if (p < text.length() && (text.charAt(p) == 'h' || text.charAt(p) == 'H')) {
      p++;
    }
    if (p < text.length() && text.charAt(p) == '@') {
      p++;
    }
    return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"');
  }

  /** A string literal: {@code 'x'}, {@code "x"}, verbatim {@code @'x'}, hidden {@code h'x'}. */
  String string() {
    if (!peekString()) {
      throw syntax("expected a string literal");
    }
    if (text.charAt(pos) == 'h' || text.charAt(pos) == 'H') {
      pos++;
    }
    boolean verbatim = text.charAt(pos) == '@';
    if (verbatim) {
      pos++;
    }
    int end = CommandText.skipString(text, pos, verbatim);
    if (end >= text.length()) {
      throw syntax("unterminated string literal");
    }
    String body = text.substring(pos + 1, end);
    pos = end + 1;
    char quote = text.charAt(end);
    return verbatim ? body.replace("" + quote + quote, "" + quote) : unescape(body);
  }

  private static String unescape(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        out.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value in a with-clause or list: a string literal or a bare token up to ',' or ')'. */
  String value() {
    if (peekString()) {
      return string();
    }
    skipSpace();
    int depth = 0;
    int end = pos;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      end++;
    }
    String v = text.substring(pos, end).trim();
    pos = end;
    if (v.isEmpty()) {
      throw syntax("expected a value");
    }
    return v;
  }

  /** {@code ( v1, v2, ... )}. */
  List<String> list() {
    expectSymbol("(");
    List<String> out = new ArrayList<>();
    if (acceptSymbol(")")) {
      return out;
    }
    do {
      out.add(value());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return out;
  }

  /** Any number of {@code with (k = v, ...)} clauses, merged; keys lower-cased. */
  Map<String, String> withProperties() {
    Map<String, String> out = new LinkedHashMap<>();
    while (accept("with")) {
      expectSymbol("(");
      if (!acceptSymbol(")")) {
        do {
          String key = name();
          expectSymbol("=");
          out.put(key.toLowerCase(Locale.ROOT), value());
        } while (acceptSymbol(","));
        expectSymbol(")");
      }
    }
    return out;
  }

  /** The unread rest of the header. */
  String rest() {
    skipSpace();
    String r = text.substring(pos);
    pos = text.length();
    return r;
  }

  void expectEnd() {
    if (!atEnd()) {
      throw syntax("unexpected '" + text.substring(pos) + "'");
    }
  }

  KustoRequestException syntax(String problem) {
    return KustoRequestException.badRequest(
        "General_BadRequest",
        "Syntax error in command '" + text + "' at position " + pos + ": " + problem
            + ". See Kusto's documentation of this command for its syntax.");
  }
}
