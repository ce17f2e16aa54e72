package com.microsoft.kusto.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;

/**
 * The same checks as {@link StandaloneProcessTest}, run by failsafe after {@code package} against the published
 * {@code kusto-emulator-<version>-standalone.jar} with {@code java -jar}.
 */
class StandaloneJarIT extends StandaloneProcessTest {
  @BeforeAll
  static void requireTheJar() {
    assertThat(System.getProperty(JAR_PROPERTY)).as("system property " + JAR_PROPERTY).isNotBlank();
  }
}
