package com.microsoft.kusto.spark.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksOnlyTheSasSignature() {
    assertThat(Secrets.maskSasUrl("https://acc.blob.core.windows.net/c?sv=2021-08-06&se=2030&sig=abc%2Bdef&sp=rl"))
        .isEqualTo("https://acc.blob.core.windows.net/c?sv=2021-08-06&se=2030&sig=****&sp=rl");
    assertThat(Secrets.maskSasUrl("https://acc.blob.core.windows.net/c?SIG=xyz"))
        .isEqualTo("https://acc.blob.core.windows.net/c?SIG=****");
    assertThat(Secrets.maskSasUrl("sig=abc&sv=1")).isEqualTo("sig=****&sv=1");
    assertThat(Secrets.maskSasUrl(null)).isNull();
  }

  @Test
  void redactsKeyValueSecretsAndKnownValues() {
    assertThat(Secrets.redact("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=S3cr3t==;EndpointSuffix=x"))
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=****;EndpointSuffix=x");
    assertThat(Secrets.redact("token is hunter2 here", Arrays.asList("hunter2", " ", null)))
        .isEqualTo("token is **** here");
  }

  @Test
  void maskKeepsAbsenceVisible() {
    assertThat(Secrets.mask("x")).isEqualTo("****");
    assertThat(Secrets.mask(null)).isNull();
  }

  @Test
  void redactsObfuscatedKqlLiterals() {
    assertThat(Secrets.redactKql("T | where k == h\"pa55\" and j == h@'x\\y' and name == \"h\" and hash(\"a\") > 0"))
        .isEqualTo("T | where k == h\"****\" and j == h@'****' and name == \"h\" and hash(\"a\") > 0");
    assertThat(Secrets.redactKql(".export to parquet (h@\"https://a.blob.core.windows.net/c?sig=S\")"))
        .isEqualTo(".export to parquet (h@\"****\")");
    assertThat(Secrets.redactKql("x == h'it\\'s secret' or y == h@\"a\"\"b\" or z == 'h'"))
        .isEqualTo("x == h'****' or y == h@\"****\" or z == 'h'");
    assertThat(Secrets.redactKql("T // h'not a literal'\n| where a == 'h' and b == 'x'"))
        .isEqualTo("T // h'not a literal'\n| where a == 'h' and b == 'x'");
  }

  @Test
  void redactsBearerTokensAndBareAccountKeys() {
    String key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    assertThat(Secrets.redact("Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc-def_1 was refused"))
        .isEqualTo("Authorization: Bearer **** was refused");
    assertThat(Secrets.redact("the key " + key + " is wrong")).isEqualTo("the key **** is wrong");
    assertThat(Secrets.redact("Bearer token missing")).isEqualTo("Bearer token missing");
  }

  @Test
  void aRedactedExceptionKeepsTypesAndStackTracesAndMasksEveryMessage() {
    IllegalStateException cause = new IllegalStateException("GET https://a.blob.core.windows.net/c?sv=1&sig=S1G");
    RuntimeException failure = new RuntimeException("upload failed with Bearer abcdefgh12345678", cause);
    failure.addSuppressed(new java.io.IOException("AccountKey=K3Y;EndpointSuffix=core.windows.net"));
    RedactedException redacted = RedactedException.of(failure);
    java.io.StringWriter printed = new java.io.StringWriter();
    redacted.printStackTrace(new java.io.PrintWriter(printed));
    assertThat(printed.toString()).contains("java.lang.RuntimeException: upload failed with Bearer ****")
        .contains("Caused by: java.lang.IllegalStateException: GET https://a.blob.core.windows.net/c?sv=1&sig=****")
        .contains("Suppressed: java.io.IOException: AccountKey=****").contains("SecretsTest")
        .doesNotContain("S1G").doesNotContain("abcdefgh12345678").doesNotContain("K3Y");
    assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(RedactedException.of(null)).isNull();
  }
}
