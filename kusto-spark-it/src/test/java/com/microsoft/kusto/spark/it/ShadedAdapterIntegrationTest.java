package com.microsoft.kusto.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The suite exercises what users install: the data source and the Kusto SDK are loaded from the one shaded adapter
 * jar of this run, next to the Spark line the run is for. Without this check a misconfigured execution could
 * silently test the module's classes or the wrong adapter.
 */
class ShadedAdapterIntegrationTest {
  private static Path codeSource(String className) throws Exception {
    return Paths.get(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void dataSourceAndSdkComeFromTheShadedJarOfThisRun() throws Exception {
    Path expected = Paths.get(System.getProperty("it.adapter.jar"));
    assertThat(codeSource("com.microsoft.kusto.spark.datasource.DefaultSource")).isEqualTo(expected);
    assertThat(codeSource("com.microsoft.azure.kusto.data.Client")).isEqualTo(expected);
    assertThat(codeSource("com.microsoft.kusto.spark.shaded.com.fasterxml.jackson.databind.ObjectMapper"))
        .isEqualTo(expected);
  }

  @Test
  void sparkIsTheLineOfThisRun() {
    assertThat(LocalSpark.session().version()).isEqualTo(System.getProperty("it.spark.version"));
  }
}
