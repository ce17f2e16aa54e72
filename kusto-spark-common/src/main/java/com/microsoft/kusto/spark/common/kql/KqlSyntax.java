package com.microsoft.kusto.spark.common.kql;

/**
 * The single place where names and strings become KQL text (house-style R7).
 *
 * <p>Escaping follows the KQL lexer: a backslash starts an escape ({@code \\ \' \" \n \r \t \a \b \f \v}, and
 * {@code \}{@code uXXXX} for one UTF-16 unit). Backslashes are escaped first, then the quote, then every C0 control
 * character, DEL, the Unicode line/paragraph separators and unpaired surrogates (which UTF-8 cannot carry) as
 * {@code \}{@code uXXXX}. Everything else, including paired surrogates, is emitted as is. The output is a pure function
 * of the input.
 */
public final class KqlSyntax {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private KqlSyntax() {}

  /**
   * {@code ['name']}: safe for any column or table name, including KQL keywords and names with quotes.
   *
   * @throws IllegalArgumentException for a null or empty name (Kusto has no such entities)
   */
  public static String quoteIdentifier(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "Empty entity name: Kusto table and column names need at least one character; got "
              + (name == null ? "null" : "''"));
    }
    StringBuilder out = new StringBuilder(name.length() + 4);
    out.append("[");
    appendSingleQuoted(out, name);
    return out.append("]").toString();
  }

  /** {@code 'text'} with KQL escapes. */
  public static String stringLiteral(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    appendSingleQuoted(out, value);
    return out.toString();
  }

  /**
   * {@code h'text'}: an obfuscated ("hidden") string literal, which Kusto masks in its logs. Use for secrets.
   */
  public static String hiddenStringLiteral(String value) {
    return "h" + stringLiteral(value);
  }

  /** Appends {@code 'value'} with KQL escapes. */
  public static void appendSingleQuoted(StringBuilder out, String value) {
    out.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '\'':
          out.append("\\'");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (needsUnicodeEscape(value, i, c)) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
      }
    }
    out.append('\'');
  }

  private static boolean needsUnicodeEscape(String value, int i, char c) {
    if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append('\\').append('u');
    out.append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
