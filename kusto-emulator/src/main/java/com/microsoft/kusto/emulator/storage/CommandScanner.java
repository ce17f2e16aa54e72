package com.microsoft.kusto.emulator.storage;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.Locale;
import java.util.Optional;

/**
 * A small cursor over management-command text for the storage commands: words, entity names ({@code T},
 * {@code ['T']}), Kusto string literals ({@code 'a'}, {@code "a"}, verbatim {@code @'a'}, hidden {@code h"a"},
 * {@code h@"a"}) and punctuation.
 */
public final class CommandScanner {
  private final String text;
  private int pos;

  public CommandScanner(String text) {
    this.text = text;
  }

  public int position() {
    return pos;
  }

  public String rest() {
    return text.substring(pos);
  }

  public boolean atEnd() {
    skipSpace();
    return pos >= text.length();
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

  /** Consumes {@code word} (case-insensitive, whole word) if it is next. */
  public boolean acceptWord(String word) {
    skipSpace();
    int end = pos + word.length();
    if (end <= text.length()
        && text.regionMatches(true, pos, word, 0, word.length())
        && (end == text.length() || !isWordChar(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  public void expectWord(String word) {
    if (!acceptWord(word)) {
      throw syntax("expected '" + word + "'");
    }
  }

  /** Consumes a punctuation sequence such as {@code (}, {@code ,} or {@code <|} if it is next. */
  public boolean accept(String symbol) {
    skipSpace();
    if (text.startsWith(symbol, pos)) {
      pos += symbol.length();
      return true;
    }
    return false;
  }

  public void expect(String symbol) {
    if (!accept(symbol)) {
      throw syntax("expected '" + symbol + "'");
    }
  }

  /** The next bare word (letters, digits, {@code _}, {@code -}, {@code .}), lower-cased, or empty. */
  public Optional<String> word() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && (isWordChar(text.charAt(pos)) || text.charAt(pos) == '-' || text.charAt(pos) == '.')) {
      pos++;
    }
    return start == pos ? Optional.empty() : Optional.of(text.substring(start, pos).toLowerCase(Locale.ROOT));
  }

  /** An entity name: a bare identifier or a bracketed string {@code ['name']} / {@code ["name"]}. */
  public String name() {
    skipSpace();
    if (accept("[")) {
      String name = string().orElseThrow(() -> syntax("expected a quoted name inside [ ]"));
      expect("]");
      return name;
    }
    int start = pos;
    while (pos < text.length() && (isWordChar(text.charAt(pos)) || text.charAt(pos) == '-' || text.charAt(pos) == '.')) {
      pos++;
    }
    if (start == pos) {
      throw syntax("expected a name");
    }
    return text.substring(start, pos);
  }

  /** A name given as a string literal or a bare identifier. */
  public String nameOrString() {
    skipSpace();
    Optional<String> s = string();
    return s.isPresent() ? s.get() : name();
  }

  /** A Kusto string literal (optionally verbatim {@code @} and/or hidden {@code h}), if one is next. */
  public Optional<String> string() {
    skipSpace();
    int start = pos;
    if (pos < text.length() && (text.charAt(pos) == 'h' || text.charAt(pos) == 'H')) {
      pos++;
    }
    boolean verbatim = false;
    if (pos < text.length() && text.charAt(pos) == '@') {
      verbatim = true;
      pos++;
    }
    if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
      pos = start;
      return Optional.empty();
    }
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        if (verbatim && pos < text.length() && text.charAt(pos) == quote) {
          out.append(quote);
          pos++;
          continue;
        }
        return Optional.of(out.toString());
      }
      if (!verbatim && c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'r':
            out.append('\r');
            break;
          default:
            out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    throw syntax("unterminated string literal");
  }

  /** A value in a {@code with (k=v)} list: a string literal, or a bare token up to {@code ,} or {@code )}. */
  public String propertyValue() {
    Optional<String> s = string();
    if (s.isPresent()) {
      return s.get();
    }
    skipSpace();
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
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
      pos++;
    }
    return text.substring(start, pos).trim();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** A permanent syntax error that shows where the command stopped making sense (secrets are not echoed). */
  public KustoRequestException syntax(String what) {
    return KustoRequestException.badRequest(
        "General_BadRequest", "Syntax error: " + what + " at position " + pos + " of the command");
  }
}
