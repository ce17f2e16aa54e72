package com.microsoft.kusto.spark.common.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.kql.KqlAggregate;
import com.microsoft.kusto.spark.common.kql.KqlQueryBuilder;
import com.microsoft.kusto.spark.common.kql.KqlSortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushedShapeTest {
  @Test
  void aResultIsKnownSmallOnlyWithoutGroupsOrWithinTheLimit() {
    PushedShape none = PushedShape.none();
    assertThat(none.isNone()).isTrue();
    assertThat(none.isSmall(5000)).isFalse();
    assertThat(none.aggregated(List.of(KqlAggregate.countAll("c")), List.of()).isSmall(5000)).isTrue();
    assertThat(none.aggregated(List.of(KqlAggregate.countAll("c")), List.of("g")).isSmall(5000)).isFalse();
    assertThat(none.limited(List.of(), 20).isSmall(5000)).isTrue();
    assertThat(none.limited(List.of(), 5001).isSmall(5000)).isFalse();
    assertThat(none.aggregated(List.of(), List.of("g")).limited(List.of(), 10).isSmall(5000)).isTrue();
  }

  @Test
  void appliesTheAggregationBeforeTheSortAndLimit() {
    PushedShape shape = PushedShape.none().aggregated(List.of(KqlAggregate.countAll("c")), List.of("g"))
        .limited(List.of(KqlSortKey.of("c", false, false)), 2);
    assertThat(shape.applyTo(KqlQueryBuilder.forQuery("T")).build()).isEqualTo(
        "T\n| summarize ['c']=count() by ['g']\n| project ['g'], ['c']\n| sort by ['c'] desc nulls last\n| take 2");
    assertThat(shape).isEqualTo(PushedShape.none().aggregated(List.of(KqlAggregate.countAll("c")), List.of("g"))
        .limited(List.of(KqlSortKey.of("c", false, false)), 2));
    assertThat(PushedShape.none().applyTo(KqlQueryBuilder.forQuery("T")).build()).isEqualTo("T");
  }
}
