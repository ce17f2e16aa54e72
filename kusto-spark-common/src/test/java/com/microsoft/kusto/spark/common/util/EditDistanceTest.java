package com.microsoft.kusto.spark.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void computesLevenshteinIgnoringCase() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("KustoCluster", "kustocluster")).isZero();
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
  }

  @Test
  void findsNearestCandidate() {
    assertThat(EditDistance.nearest("kustoClustr", Arrays.asList("kustoDatabase", "kustoCluster", "kustoQuery")))
        .isEqualTo("kustoCluster");
  }
}
