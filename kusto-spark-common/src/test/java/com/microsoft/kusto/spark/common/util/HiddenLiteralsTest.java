package com.microsoft.kusto.spark.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiddenLiteralsTest {
  @Test
  void masksEveryHiddenLiteralForm() {
    assertThat(HiddenLiterals.mask("to parquet (h@\"https://a/c?sig=S1\", h\"x;KEY2\", H@'y;KEY3', h'z') with (a=1)"))
        .isEqualTo("to parquet (h@\"****\", h\"****\", H@'****', h'****') with (a=1)");
  }

  @Test
  void masksALiteralThatAQuoteCutShort() {
    assertThat(HiddenLiterals.mask("unsupported: '.export to parquet (h@\"http://127.0.0.1/acc/c;Eby8vdM02xNO..."))
        .isEqualTo("unsupported: '.export to parquet (h@\"****\"")
        .doesNotContain("Eby8");
  }

  @Test
  void freeTextRedactionMasksThemToo() {
    assertThat(Secrets.redact("command '.export to parquet (h@\"http://h/acc/c;KEYKEY\") <| T' failed"))
        .doesNotContain("KEYKEY");
  }

  @Test
  void leavesOtherTextAlone() {
    String text = "Semantic error: 'high' column not found; with(h=1) \"quoted\" month'";
    assertThat(HiddenLiterals.mask(text)).isEqualTo(text);
  }
}
