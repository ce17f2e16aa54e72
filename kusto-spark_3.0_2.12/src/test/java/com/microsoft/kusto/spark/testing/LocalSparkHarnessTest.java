package com.microsoft.kusto.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.api.java.function.FilterFunction;
import org.junit.jupiter.api.Test;

/**
 * Spark 3.x runs on JDK 17 here only with the --add-opens/--add-exports flags of the POM: this
 * test fails without them (IllegalAccessError from StorageUtils on sun.nio.ch).
 */
class LocalSparkHarnessTest {
  @Test
  void runsJobsWithClosuresAndCaching() {
    FilterFunction<Long> even = n -> n % 2 == 0;
    org.apache.spark.sql.Dataset<Long> evens = LocalSpark.session().range(0, 1000).filter(even).cache();
    assertThat(evens.count()).isEqualTo(500L);
    assertThat(LocalSpark.session().version()).startsWith("3.");
  }
}
