package com.microsoft.kusto.emulator.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneApiErrorTest {
  @Test
  void obfuscatedLiteralsAreNeverEchoed() {
    assertThat(OneApiError.maskHiddenLiterals(
            "unsupported command '.export to csv (h@\"http://127.0.0.1/acc/c;SECRETKEY\", h'x?sig=SIG') <| T'"))
        .isEqualTo("unsupported command '.export to csv (h@\"****\", h'****') <| T'");
    assertThat(OneApiError.maskHiddenLiterals("cut short: (h@\"http://127.0.0.1/acc/c;SECRETK..."))
        .isEqualTo("cut short: (h@\"****\"");
    assertThat(OneApiError.maskHiddenLiterals("Semantic error: 'T' has no column 'high'")).isEqualTo(
        "Semantic error: 'T' has no column 'high'");
  }
}
