package com.microsoft.kusto.emulator.kql;

/**
 * One lexical token of KQL text. {@code text} is the decoded value for strings, the raw text between the
 * parentheses for typed literals ({@code datetime(...)} etc.) and the source text otherwise.
 */
record Token(Kind kind, String text, String literalType, int start, int end) {
  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    /** A number with a timespan unit, such as {@code 1d} or {@code 100ms}; text is the source text. */
    TIMESPAN,
    /** {@code datetime(...)}, {@code int(...)}, {@code dynamic(...)}...; literalType names the type. */
    TYPED_LITERAL,
    SYMBOL,
    EOF
  }

  boolean is(Kind k, String value) {
    return kind == k && text.equals(value);
  }

  boolean isSymbol(String value) {
    return is(Kind.SYMBOL, value);
  }

  boolean isWord(String value) {
    return is(Kind.IDENT, value);
  }

  String describe() {
    return kind == Kind.EOF ? "the end of the query" : "'" + text + "' at offset " + start;
  }
}
