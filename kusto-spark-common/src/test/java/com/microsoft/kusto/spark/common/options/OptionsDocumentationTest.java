package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsDocumentationTest {
  @Test
  void rendersOneRowPerOption() {
    String table = OptionsDocumentation.markdownTable();
    String[] lines = table.split("\n");
    assertThat(lines).hasSize(KustoOptionRegistry.all().size() + 2);
    assertThat(lines[0]).isEqualTo("| Option | Scope | Default | Description |");
    assertThat(table).contains("| `timeoutLimit` | read, write | 172800 | Seconds to wait for an export (read) or for "
        + "ingestion and finalisation (write) |");
    assertThat(table).contains("| `kustoAadAppSecret` | read, write | (none) | Application secret (client secret) of "
        + "`kustoAadAppId` (secret) |");
    assertThat(table).contains("| `partitionMode` | read | hash | Export partitioning; only `hash` is accepted (debug) |");
    for (KustoOption option : KustoOptionRegistry.all()) {
      assertThat(table).contains("| `" + option.key() + "` |");
    }
  }
}
