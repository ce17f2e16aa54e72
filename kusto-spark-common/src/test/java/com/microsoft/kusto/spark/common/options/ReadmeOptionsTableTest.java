package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's options table is the registry's; regenerate it with OptionsDocumentation.markdownTable(). */
class ReadmeOptionsTableTest {
  private static final String BEGIN = "<!-- options:begin -->\n";
  private static final String END = "<!-- options:end -->";

  @Test
  void readmeOptionsTableMatchesTheRegistry() throws Exception {
    Path readme = Paths.get(System.getProperty("kusto.tools.dir", "..")).resolve("README.md");
    String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("README.md has the options:begin marker").isNotNegative();
    assertThat(end).as("README.md has the options:end marker").isGreaterThan(begin);
    assertThat(text.substring(begin + BEGIN.length(), end))
        .as("README options table (regenerate it from OptionsDocumentation.markdownTable())")
        .isEqualTo(OptionsDocumentation.markdownTable());
  }
}
