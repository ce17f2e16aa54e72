package com.microsoft.kusto.emulator.command;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small reader over one management-command header: keywords, entity names, string literals ({@code 'a'},
 * {@code "a"}, verbatim {@code @'a'}, hidden {@code h"a"}), lists and {@code with (k=v)} clauses. Shared by every
 * command handler, engine and storage alike.
 */
public final class CommandCursor {
  private final String text;
  private int pos;

  public CommandCursor(String text) {
    this.text = text;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol + 1;
      } else {
        return;
      }
    }
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
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
  public boolean accept(String word) {
    String next = peekWord();
    if (next.equalsIgnoreCase(word)) {
      pos += next.length();
      return true;
    }
    return false;
  }

  public void expect(String word) {
    if (!accept(word)) {
      throw syntax("expected '" + word + "'");
    }
  }

  public boolean acceptSymbol(String symbol) {
    skipSpace();
    if (text.startsWith(symbol, pos)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  public void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw syntax("expected '" + symbol + "'");
    }
  }

  /** An entity name: plain identifier, or bracketed {@code ['name']} / {@code ["name"]}. */
  public String name() {
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

  public boolean peekString() {
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

  /**
   * A string value that may be written as adjacent literals, which KQL joins into one ({@code "https://a/c"
   * h"?sig=..."} keeps the SAS part hidden). Only where the syntax has one string there: elsewhere (a mapping's
   * name followed by its definition) adjacent literals are separate arguments.
   */
  public String joinedString() {
    StringBuilder value = new StringBuilder(string());
    while (peekString()) {
      value.append(string());
    }
    return value.toString();
  }

  /** A string literal: {@code 'x'}, {@code "x"}, verbatim {@code @'x'}, hidden {@code h'x'}. */
  public String string() {
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

  /** A string literal if one is next, else empty (nothing consumed). */
  public Optional<String> tryString() {
    return peekString() ? Optional.of(string()) : Optional.empty();
  }

  /** A name given as a string literal or as an entity name. */
  public String nameOrString() {
    return peekString() ? string() : name();
  }

  /** The next bare word (letters, digits, {@code _}, {@code -}, {@code .}), lower-cased, or empty. */
  public Optional<String> word() {
    skipSpace();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || "_-.".indexOf(text.charAt(pos)) >= 0)) {
      pos++;
    }
    return start == pos ? Optional.empty() : Optional.of(text.substring(start, pos).toLowerCase(Locale.ROOT));
  }

  /** A value in a with-clause or list: a string literal or a bare token up to ',' or ')'. */
  public String value() {
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
  public List<String> list() {
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
  public Map<String, String> withProperties() {
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
  public String rest() {
    skipSpace();
    String r = text.substring(pos);
    pos = text.length();
    return r;
  }

  public void expectEnd() {
    if (!atEnd()) {
      throw syntax("unexpected '" + text.substring(pos) + "'");
    }
  }

  public KustoRequestException syntax(String problem) {
    // The command text is not echoed: it may hold credentials in hidden literals.
    return KustoRequestException.badRequest(
        "General_BadRequest",
        "Syntax error at position " + pos + " of the command: " + problem
            + ". See Kusto's documentation of this command for its syntax.");
  }
}
