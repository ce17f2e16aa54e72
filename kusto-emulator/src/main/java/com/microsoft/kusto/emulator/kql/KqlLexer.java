package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.kql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits KQL text into tokens: identifiers, all KQL string literal forms (quoted with backslash escapes,
 * verbatim {@code @'...'}, multi-line {@code ```...```}, hidden {@code h'...'}), numbers, timespan literals
 * ({@code 1d}, {@code 100ms}), typed literals ({@code datetime(...)}, {@code dynamic(...)}, ...), symbols and
 * {@code //} comments.
 */
final class KqlLexer {
  /** Type names that start a literal when followed by '(' (their argument is not an expression). */
  static final Set<String> LITERAL_TYPES =
      Set.of(
          "datetime", "date", "time", "timespan", "guid", "uuid", "uniqueid", "int", "long", "real", "double",
          "decimal", "bool", "boolean", "dynamic");

  private static final String[] SYMBOLS = {
    "..", "==", "!=", "<>", "<=", ">=", "=~", "!~", "|", ";", ",", "(", ")", "[", "]", "{", "}", ".", "=", "<", ">",
    "+", "-", "*", "/", "%", ":", "~", "!"
  };

  private final String text;
  private int pos;

  private KqlLexer(String text) {
    this.text = text;
  }

  /**
   * Whether a word of the query (not a string literal or comment) satisfies {@code names}; text that does not lex
   * answers false, leaving the error to the parser.
   */
  static boolean mentionsAny(String text, java.util.function.Predicate<String> names) {
    try {
      return tokenize(text).stream().anyMatch(t -> t.kind() == Token.Kind.IDENT && names.test(t.text()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  static List<Token> tokenize(String text) {
    return new KqlLexer(text).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipBlanksAndComments();
      if (pos >= text.length()) {
        tokens.add(new Token(Kind.EOF, "", null, pos, pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipBlanksAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if (text.startsWith("```", pos) || text.startsWith("~~~", pos)) {
      String fence = text.substring(pos, pos + 3);
      int close = text.indexOf(fence, pos + 3);
      if (close < 0) {
        throw KqlErrors.syntax(
            "the multi-line string literal starting at offset " + start + " is not closed by " + fence);
      }
      pos = close + 3;
      return new Token(Kind.STRING, text.substring(start + 3, close), null, start, pos);
    }
    if ((c == 'h' || c == 'H') && pos + 1 < text.length()) {
      char n = text.charAt(pos + 1);
      // Hidden strings (h'...', h@'...') are ordinary strings that Kusto keeps out of its logs.
      if (n == '\'' || n == '"' || (n == '@' && pos + 2 < text.length() && isQuote(text.charAt(pos + 2)))) {
        pos++;
        Token s = stringLiteral(start);
        return s;
      }
    }
    if (c == '@' && pos + 1 < text.length() && isQuote(text.charAt(pos + 1))) {
      return stringLiteral(start);
    }
    if (isQuote(c)) {
      return stringLiteral(start);
    }
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (isIdentStart(c)) {
      while (pos < text.length() && isIdentPart(text.charAt(pos))) {
        pos++;
      }
      String word = text.substring(start, pos);
      if (LITERAL_TYPES.contains(word)) {
        int save = pos;
        skipBlanksAndComments();
        if (pos < text.length() && text.charAt(pos) == '(') {
          String raw = parenthesized();
          return new Token(Kind.TYPED_LITERAL, raw, word, start, pos);
        }
        pos = save;
      }
      return new Token(Kind.IDENT, word, null, start, pos);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, pos)) {
        pos += symbol.length();
        return new Token(Kind.SYMBOL, symbol, null, start, pos);
      }
    }
    throw KqlErrors.syntax("unexpected character '" + c + "' at offset " + start);
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Reads a quoted or verbatim string literal; pos is at '@' or at the quote. */
  private Token stringLiteral(int start) {
    boolean verbatim = text.charAt(pos) == '@';
    if (verbatim) {
      pos++;
    }
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n' && !verbatim) {
        throw KqlErrors.syntax("the string literal starting at offset " + start + " is not closed");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (verbatim && pos < text.length() && text.charAt(pos) == quote) {
          out.append(quote);
          pos++;
          continue;
        }
        return new Token(Kind.STRING, out.toString(), null, start, pos);
      }
      if (c == '\\' && !verbatim) {
        out.append(escape(start));
      } else {
        out.append(c);
      }
    }
  }

  private String escape(int start) {
    if (pos >= text.length()) {
      throw KqlErrors.syntax("the string literal starting at offset " + start + " is not closed");
    }
    char e = text.charAt(pos++);
    switch (e) {
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case '0':
        return "\0";
      case '\\':
      case '\'':
      case '"':
        return String.valueOf(e);
      case 'u':
        if (pos + 4 <= text.length()) {
          String hex = text.substring(pos, pos + 4);
          if (hex.matches("[0-9a-fA-F]{4}")) {
            pos += 4;
            return String.valueOf((char) Integer.parseInt(hex, 16));
          }
        }
        throw KqlErrors.syntax("invalid \\u escape at offset " + (pos - 2) + ": expected 4 hex digits");
      default:
        throw KqlErrors.syntax("unknown escape sequence '\\" + e + "' at offset " + (pos - 2));
    }
  }

  private Token number(int start) {
    if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
      pos += 2;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
      return new Token(Kind.NUMBER, text.substring(start, pos), null, start, pos);
    }
    digits();
    // "1..2" is a range, not the real "1." followed by ".2".
    if (pos < text.length() && text.charAt(pos) == '.' && !text.startsWith("..", pos)) {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        digits();
      } else {
        pos = save;
      }
    }
    int numberEnd = pos;
    if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      String unit = text.substring(numberEnd, pos);
      if (KqlTimespans.unitTicks(unit) == null) {
        throw KqlErrors.syntax("unknown timespan unit '" + unit + "' in '" + text.substring(start, pos) + "'");
      }
      return new Token(Kind.TIMESPAN, text.substring(start, pos), null, start, pos);
    }
    return new Token(Kind.NUMBER, text.substring(start, pos), null, start, pos);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  /** Returns the raw text between '(' at pos and its matching ')', skipping nested brackets and strings. */
  private String parenthesized() {
    int open = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          pos++;
          return text.substring(open + 1, pos - 1).trim();
        }
      } else if (isQuote(c)) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != c) {
          if (text.charAt(pos) == '\\') {
            pos++;
          }
          pos++;
        }
      }
      pos++;
    }
    throw KqlErrors.syntax("the literal starting at offset " + open + " is missing its closing ')'");
  }
}
