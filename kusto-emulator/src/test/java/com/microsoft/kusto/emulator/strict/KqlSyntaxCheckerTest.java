package com.microsoft.kusto.emulator.strict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KqlSyntaxCheckerTest {
  private static KqlSyntaxChecker checker;

  @BeforeAll
  static void start() {
    checker = KqlSyntaxChecker.start();
  }

  @AfterAll
  static void stop() {
    checker.close();
  }

  @Test
  void acceptsValidQueryAndCommand() {
    assertThat(checker.checkSyntax("T | where ['a b'] == 'x\\'y' | project ['c']").isValid()).isTrue();
    KqlCheckResult command = checker.checkSyntax(".create table T (a:int, b:string)");
    assertThat(command.isValid()).isTrue();
    assertThat(command.kind()).isEqualTo("Command");
  }

  @Test
  void reportsSyntaxErrorsWithTheirPosition() {
    KqlCheckResult result = checker.checkSyntax("T | whre x == 1");
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors()).extracting(KqlDiagnostic::code).contains("KS176");
    assertThat(result.describeErrors()).contains("[whre]");
  }

  @Test
  void rejectsUnknownColumnTypeInCommand() {
    assertThat(checker.checkSyntax(".create table T (a:nosuchtype)").isValid()).isFalse();
  }

  @Test
  void semanticCheckFindsUnknownFunctions() {
    assertThat(checker.checkSyntax("print nosuchfn(1)").isValid()).isTrue();
    assertThat(checker.checkSemantics("print nosuchfn(1)").describeErrors()).contains("nosuchfn");
    assertThat(checker.checkSemantics("print hash('a', 4)").isValid()).isTrue();
  }

  @Test
  void keepsNewlinesAndUnicodeIntact() {
    assertThat(checker.checkSyntax("print s = 'naïve ☃'\n// comment\n| project s").isValid()).isTrue();
  }
}
