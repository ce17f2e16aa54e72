package com.microsoft.kusto.emulator.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real KQL outside the emulator's subset is refused by name (never approximated), and bad text or unknown names
 * are permanent 400 errors in Kusto's shape.
 */
class KqlErrorsAndUnsupportedTest {
  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static Stream<Arguments> unsupportedConstructs() {
    return Stream.of(
        Arguments.of("T | lookup (T) on s", "the 'lookup' operator"),
        Arguments.of("T | join (T) on s", "the 'join' operator"),
        Arguments.of("T | union isfuzzy=true T", "'union isfuzzy='"),
        Arguments.of("print m = dynamic([1]) | mv-apply m on (count)", "'count' operator inside mv-apply"),
        Arguments.of("T | project-keep s", "the 'project-keep' operator"),
        Arguments.of("T | parse s with a '-' b", "the 'parse' operator"),
        Arguments.of("T | evaluate bag_unpack(d)", "the 'evaluate' operator"),
        Arguments.of("range x from 1 to 3 step 1", "the 'range' operator"),
        Arguments.of("print series_fir(dynamic([1]), dynamic([1]))", "the function 'series_fir'"),
        Arguments.of("T | extend x = format_datetime(ts, 'yyyy')", "the function 'format_datetime'"),
        Arguments.of("T | summarize make_bag(d)", "the aggregation function 'make_bag'"),
        Arguments.of("T | summarize x = count() * 2", "expressions around aggregation functions"),
        Arguments.of("T | where s matches regex 'a.*'", "the 'matches regex' operator"),
        Arguments.of("T | where s hasprefix 'a'", "the 'hasprefix' operator"),
        Arguments.of("T | where s has_any ('a', 'b')", "the 'has_any' operator"),
        Arguments.of("T | where s has '-x'", "'has' with the term '-x'"),
        Arguments.of("T | where s in ((T | project s))", "a tabular expression on the right of 'in'"),
        Arguments.of("T | summarize count() by d", "grouping by a dynamic value"),
        Arguments.of("let f = (x:long) { x + 1 }; print f(1)", "user-defined functions"),
        Arguments.of("set query_results_cache_max_age = 1d; print 1", "the request option 'query_results_cache_max_age'"),
        Arguments.of("T | count; T | take 1", "several tabular expression statements"),
        Arguments.of("print dynamic({'a': datetime(2024-01-01)})", "dynamic literals that are not plain JSON"),
        Arguments.of("print toint(datetime(2024-01-01))", "the function 'toint' on a value of type datetime"));
  }

  @ParameterizedTest
  @MethodSource("unsupportedConstructs")
  void realKqlOutsideTheSubsetIsRefusedByName(String kql, String construct) {
    KqlTestDatabase.assertValidKql(kql);
    KustoRequestException e = catchThrowableOfType(KustoRequestException.class, () -> compile(kql));
    assertThat(e).as("refusal of [%s]", kql).isNotNull();
    assertThat(e.getMessage()).contains("does not support").contains(construct);
    assertPermanentBadRequest(e);
  }

  @Test
  void unknownTableIsASemanticErrorNamingItWithCaseSensitiveLookup() {
    KustoRequestException e = catchThrowableOfType(KustoRequestException.class, () -> compile("Nope | count"));
    assertThat(e.getMessage()).startsWith("Semantic error: 'Nope' table not found").contains("[T]");
    assertPermanentBadRequest(e);
    assertThat(catchThrowableOfType(KustoRequestException.class, () -> compile("t | count")).getMessage())
        .contains("'t' table not found");
  }

  @Test
  void unknownColumnIsASemanticErrorNamingItAndListingTheColumns() {
    KustoRequestException e = catchThrowableOfType(KustoRequestException.class, () -> compile("T | project S"));
    assertThat(e.getMessage()).startsWith("Semantic error: Failed to resolve scalar expression named 'S'").contains("s, n");
    assertPermanentBadRequest(e);
    assertThat(catchThrowableOfType(KustoRequestException.class, () -> compile("T | project-away zz")).getMessage())
        .contains("'zz'");
    assertThat(catchThrowableOfType(KustoRequestException.class, () -> compile("T | project-rename a = zz")).getMessage())
        .contains("'zz'");
  }

  @Test
  void typeErrorsAreSemanticErrors() {
    assertThat(semanticError("T | where s + 1 > 2")).contains("'+'").contains("string");
    assertThat(semanticError("T | where n")).contains("'where' needs a bool");
    assertThat(semanticError("T | extend c = count()")).contains("only be used in 'summarize'");
    assertThat(semanticError("T | where s == 1")).contains("Cannot compare a value of type string");
    assertThat(semanticError("print iif(true, 1, 'a')")).contains("'iif'");
  }

  @Test
  void duplicateExplicitColumnNamesAreRejectedAsInKusto() {
    assertThat(semanticError("T | project a = n, a = l")).contains("A column with the name 'a' is already declared");
    assertThat(semanticError("T | project n, n")).contains("A column with the name 'n' is already declared");
    assertThat(semanticError("T | summarize count() by s, s")).contains("A column with the name 's' is already declared");
  }

  @Test
  void malformedTextIsASyntaxError() {
    for (String kql : new String[] {"T | where (n > 1", "print 'unclosed", "T | whre n > 1", "T | take", "T |",
        "print .5", "print 1 +", "print 'a\\q'"}) {
      assertThat(KqlTestDatabase.checker().checkSyntax(kql).isValid()).as("Kusto rejects [%s] too", kql).isFalse();
      KustoRequestException e = catchThrowableOfType(KustoRequestException.class, () -> compile(kql));
      assertThat(e).as("syntax error for [%s]", kql).isNotNull();
      assertThat(e.getMessage()).as("[%s]", kql).startsWith("Syntax error:");
      assertPermanentBadRequest(e);
    }
    assertThat(catchThrowableOfType(KustoRequestException.class, () -> compile("T | whre n > 1")).getMessage())
        .contains("'whre'");
  }

  @Test
  void theSyntaxCheckUsedByEveryTestRejectsInvalidKql() {
    // Guards the check KqlTestDatabase applies to every query: it must fail on text Kusto would reject.
    assertThat(KqlTestDatabase.checker().checkSyntax("T | whre n > 1").isValid()).isFalse();
    assertThat(KqlTestDatabase.checker().checkSyntax("T | where n > 1").isValid()).isTrue();
  }

  private static String semanticError(String kql) {
    KustoRequestException e = catchThrowableOfType(KustoRequestException.class, () -> compile(kql));
    assertThat(e).as("semantic error for [%s]", kql).isNotNull();
    assertThat(e.getMessage()).startsWith("Semantic error:");
    assertPermanentBadRequest(e);
    return e.getMessage();
  }

  private static void compile(String kql) {
    db.engine().compile(KqlTestDatabase.DB, kql, Map.of());
  }

  private static void assertPermanentBadRequest(KustoRequestException e) {
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("General_BadRequest");
    assertThat(e.permanent()).isTrue();
  }
}
