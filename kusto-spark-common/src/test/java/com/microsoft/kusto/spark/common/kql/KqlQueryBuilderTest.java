package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KqlQueryBuilderTest {
  private static final Predicate A_IS_1 = Predicates.equal("a", KqlLiteral.ofLong(1));
  private static final Predicate B_IS_X = Predicates.equal("b", KqlLiteral.ofString("x"));

  @Test
  void appendsWhereAndProjectOnNewLines() {
    String kql =
        KqlQueryBuilder.forQuery("T // all rows")
            .filter(List.of(B_IS_X, A_IS_1))
            .project(List.of(ProjectedColumn.of("a"), ProjectedColumn.asString("span")))
            .build();
    assertThat(kql)
        .isEqualTo("T // all rows\n| where ['a'] == 1 and ['b'] == 'x'\n| project ['a'], ['span']=tostring(['span'])");
  }

  @Test
  void keepsTheUserQueryButDropsTrailingSemicolonsAndWhitespace() {
    assertThat(KqlQueryBuilder.forQuery("let x = 1;\nT\n| where y == 'a;' ; ;\n  ").build())
        .isEqualTo("let x = 1;\nT\n| where y == 'a;'");
    assertThat(KqlQueryBuilder.forQuery("  T  ").projectNames(List.of("where")).build())
        .isEqualTo("  T\n| project ['where']");
  }

  @Test
  void withoutFiltersOrColumnsTheQueryIsUnchanged() {
    assertThat(KqlQueryBuilder.forQuery("T\n| take 5 // c").build()).isEqualTo("T\n| take 5 // c");
  }

  @Test
  void aggregationsFollowSparksNullRulesAndReplaceTheProjection() {
    String kql = KqlQueryBuilder.forQuery("T").filter(A_IS_1).projectNames(List.of("ignored"))
        .summarize(List.of(KqlAggregate.countAll("agg_0"), KqlAggregate.of("agg_1", KqlAggregate.Kind.COUNT, "b"),
            KqlAggregate.of("agg_2", KqlAggregate.Kind.SUM, "a"), KqlAggregate.of("agg_3", KqlAggregate.Kind.AVG, "a"),
            KqlAggregate.of("agg_4", KqlAggregate.Kind.MAX, "a")), List.of("b"))
        .build();
    assertThat(kql).isEqualTo("T\n| where ['a'] == 1\n"
        + "| summarize ['agg_0']=count(), ['agg_1']=countif(isnotnull(['b'])),"
        + " ['agg_2_s']=sum(['a']), ['agg_2_n']=countif(isnotnull(['a'])),"
        + " ['agg_3_s']=sum(todouble(['a'])), ['agg_3_n']=countif(isnotnull(['a'])), ['agg_4']=max(['a']) by ['b']\n"
        + "| project ['b'], ['agg_0'], ['agg_1'], ['agg_2']=iif(['agg_2_n'] == 0, long(null), ['agg_2_s']),"
        + " ['agg_3']=iif(['agg_3_n'] == 0, real(null), ['agg_3_s'] / ['agg_3_n']), ['agg_4']");
    assertThat(KqlQueryBuilder.forQuery("T").summarize(List.of(), List.of("b")).build())
        .isEqualTo("T\n| summarize by ['b']\n| project ['b']");
  }

  @Test
  void sortAndTakeComeLastWithExplicitNullOrdering() {
    KqlQueryBuilder b = KqlQueryBuilder.forQuery("T").filter(A_IS_1).projectNames(List.of("a", "b"))
        .sortAndTake(List.of(KqlSortKey.of("a", true, true), KqlSortKey.of("b", false, false)), 20);
    assertThat(b.build()).isEqualTo(
        "T\n| where ['a'] == 1\n| project ['a'], ['b']\n| sort by ['a'] asc nulls first, ['b'] desc nulls last\n| take 20");
    assertThat(b.buildCount()).isEqualTo(b.build() + "\n| count");
    assertThat(KqlQueryBuilder.forQuery("T").sortAndTake(List.of(), 5).build()).isEqualTo("T\n| take 5");
  }

  @Test
  void helpers() {
    KqlQueryBuilder b = KqlQueryBuilder.forTable("my table").filter(A_IS_1).projectNames(List.of("a"));
    assertThat(b.buildTake(10)).isEqualTo("['my table']\n| where ['a'] == 1\n| project ['a']\n| take 10");
    assertThat(b.buildSchemaProbe()).isEqualTo("['my table']\n| where ['a'] == 1\n| project ['a']\n| take 0");
    assertThat(b.buildGetSchema()).isEqualTo("['my table']\n| where ['a'] == 1\n| project ['a']\n| getschema");
    assertThat(b.buildCount()).isEqualTo("['my table']\n| where ['a'] == 1\n| count");
    assertThat(b.buildRowCountEstimate()).isEqualTo("['my table']\n| where ['a'] == 1\n| evaluate estimate_rows_count()");
    assertThat(b.whereExpression()).contains("['a'] == 1");
  }

  @Test
  void sameFiltersInAnyOrderGiveTheSameText() {
    String one = KqlQueryBuilder.forQuery("T").filter(List.of(A_IS_1, B_IS_X)).build();
    String two = KqlQueryBuilder.forQuery("T").filter(List.of(B_IS_X, A_IS_1, A_IS_1)).build();
    assertThat(one).isEqualTo(two);
  }

  @Test
  void rejectsEmptyQueriesAndUnpushableFilters() {
    assertThatThrownBy(() -> KqlQueryBuilder.forQuery(" ;\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query is empty");
    KqlQueryBuilder b = KqlQueryBuilder.forQuery("T").filter(Predicates.lessThan("s", KqlLiteral.ofString("x")));
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be pushed");
    assertThatThrownBy(() -> KqlQueryBuilder.forQuery("T").buildTake(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
