package com.microsoft.kusto.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The Spark 4 line's counterpart of the 3.x harness test (which this module skips, as it pins Spark 3): the
 * shared adapter tests here really run on Spark 4.0, and Spark 4 needs none of the --add-opens/--add-exports
 * flags that Spark 3.x needs on JDK 17, so this module's test JVM gets none.
 */
class Spark4LocalSessionTest {
  @Test
  void runsJobsWithClosuresAndCachingOnSpark4WithoutModuleFlags() {
    FilterFunction<Long> even = n -> n % 2 == 0;
    Dataset<Long> evens = LocalSpark.session().range(0, 1000).filter(even).cache();

    assertThat(evens.count()).isEqualTo(500L);
    assertThat(LocalSpark.session().version()).startsWith("4.0.");
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .noneMatch(argument -> argument.startsWith("--add-opens") || argument.startsWith("--add-exports"));
  }
}
