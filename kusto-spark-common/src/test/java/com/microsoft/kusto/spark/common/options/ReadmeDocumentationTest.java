package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's promises that can drift from the code: the two commands, the error codes, the files it links. */
class ReadmeDocumentationTest {
  private static final Path ROOT = Paths.get(System.getProperty("kusto.tools.dir", ".."));

  private static String readme() throws IOException {
    return new String(Files.readAllBytes(ROOT.resolve("README.md")), StandardCharsets.UTF_8);
  }

  @Test
  void theFirstCodeBlockHoldsTheTwoCommandsSampleThenAllTests() throws IOException {
    String text = readme();
    int start = text.indexOf("```bash\n");
    String block = text.substring(start, text.indexOf("```\n", start + 8));
    List<String> commands = new ArrayList<>();
    for (String line : block.split("\n")) {
      if (line.startsWith("mvn ")) {
        commands.add(line);
      }
    }
    assertThat(commands).containsExactly("mvn -B -ntp -Psample -DskipTests install", "mvn -B -ntp install");
  }

  @Test
  void theTroubleshootingTableExplainsEveryErrorCodeAndNoOther() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(KSC-\\d{4})` \\|").matcher(readme());
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> codes = new TreeSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      codes.add(code.id());
    }
    assertThat(documented).as("KSC codes with a row in the README's 'When something fails' table").isEqualTo(codes);
  }

  @Test
  void everyRelativeLinkPointsToAFileOfTheCheckout() throws IOException {
    List<String> missing = new ArrayList<>();
    Matcher link = Pattern.compile("\\]\\(([^)#:]+)\\)").matcher(readme());
    int links = 0;
    while (link.find()) {
      links++;
      if (!Files.exists(ROOT.resolve(link.group(1)))) {
        missing.add(link.group(1));
      }
    }
    assertThat(links).as("relative links in the README").isPositive();
    assertThat(missing).as("README links to files that do not exist").isEmpty();
  }
}
