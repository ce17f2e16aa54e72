package com.microsoft.kusto.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.api.java.function.FilterFunction;
import org.junit.jupiter.api.Test;

/**
 * Spark 2.4 runs jobs on JDK 17 here only with the asm6-compat shim and the --add-opens flags of the POM: this
 * test fails without either (ClosureCleaner's "Unsupported class file major version 61", SizeEstimator's
 * InaccessibleObjectException).
 */
class LocalSparkHarnessTest {
  @Test
  void runsJobsWithClosuresAndCaching() {
    FilterFunction<Long> even = n -> n % 2 == 0;
    org.apache.spark.sql.Dataset<Long> evens = LocalSpark.session().range(0, 1000).filter(even).cache();
    assertThat(evens.count()).isEqualTo(500L);
    assertThat(LocalSpark.session().version()).startsWith("2.4.");
  }
}
