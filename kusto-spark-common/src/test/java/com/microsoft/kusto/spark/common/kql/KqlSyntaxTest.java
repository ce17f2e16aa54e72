package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KqlSyntaxTest {
  static Stream<Arguments> stringLiterals() {
    return Stream.of(
        Arguments.of("", "''"),
        Arguments.of("plain", "'plain'"),
        Arguments.of("it's", "'it\\'s'"),
        Arguments.of("say \"hi\"", "'say \"hi\"'"),
        Arguments.of("C:\\dir\\", "'C:\\\\dir\\\\'"),
        // Backslash first: a trailing backslash before a quote must not escape the quote.
        Arguments.of("\\'", "'\\\\\\''"),
        Arguments.of("a\nb\r\nc\td", "'a\\nb\\r\\nc\\td'"),
        Arguments.of("\u0000\u0001\u001f\u007f", "'\\u0000\\u0001\\u001f\\u007f'"),
        Arguments.of("\u0085\u2028\u2029", "'\\u0085\\u2028\\u2029'"),
        Arguments.of("é名😀", "'é名😀'"),
        Arguments.of("x\ud800y", "'x\\ud800y'"),
        Arguments.of("\udc00", "'\\udc00'"),
        Arguments.of("// not a comment", "'// not a comment'"));
  }

  @ParameterizedTest
  @MethodSource("stringLiterals")
  void escapesStringLiterals(String value, String expected) {
    assertThat(KqlSyntax.stringLiteral(value)).isEqualTo(expected);
  }

  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of("a", "['a']"),
        Arguments.of("where", "['where']"),
        Arguments.of("with space", "['with space']"),
        Arguments.of("it's", "['it\\'s']"),
        Arguments.of("a\\b", "['a\\\\b']"),
        Arguments.of("]", "[']']"),
        Arguments.of("new\nline", "['new\\nline']"));
  }

  @ParameterizedTest
  @MethodSource("identifiers")
  void bracketQuotesIdentifiers(String name, String expected) {
    assertThat(KqlSyntax.quoteIdentifier(name)).isEqualTo(expected);
  }

  @Test
  void rejectsEmptyIdentifiers() {
    assertThatThrownBy(() -> KqlSyntax.quoteIdentifier(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Empty entity name");
  }

  @Test
  void hiddenLiteralsArePrefixed() {
    assertThat(KqlSyntax.hiddenStringLiteral("se'cret")).isEqualTo("h'se\\'cret'");
  }
}
