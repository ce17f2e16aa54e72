package com.microsoft.kusto.spark.common.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KqlLiteralsTest {
  @Test
  void convertsSparkFilterValuesForTheColumnType() {
    assertThat(KqlLiterals.forColumn(KustoType.BOOL, true)).contains(KqlLiteral.ofBoolean(true));
    assertThat(KqlLiterals.forColumn(KustoType.INT, 5)).contains(KqlLiteral.ofInt(5));
    assertThat(KqlLiterals.forColumn(KustoType.INT, 5L)).contains(KqlLiteral.ofInt(5));
    assertThat(KqlLiterals.forColumn(KustoType.INT, 1L << 40)).isEmpty();
    assertThat(KqlLiterals.forColumn(KustoType.LONG, 7)).contains(KqlLiteral.ofLong(7));
    assertThat(KqlLiterals.forColumn(KustoType.REAL, 1.5f)).contains(KqlLiteral.ofDouble(1.5));
    assertThat(KqlLiterals.forColumn(KustoType.REAL, 1)).isEmpty();
    assertThat(KqlLiterals.forColumn(KustoType.DECIMAL, new BigDecimal("1.5"))).contains(KqlLiteral.ofDecimal(new BigDecimal("1.5")));
    assertThat(KqlLiterals.forColumn(KustoType.STRING, "x")).contains(KqlLiteral.ofString("x"));
    assertThat(KqlLiterals.forColumn(KustoType.STRING, 1)).isEmpty();
    assertThat(KqlLiterals.forColumn(KustoType.TIMESPAN, "01:00:00")).isEmpty();
    assertThat(KqlLiterals.forColumn(KustoType.DYNAMIC, "{}")).isEmpty();
  }

  @Test
  void nullsAreTypedExceptForStrings() {
    assertThat(KqlLiterals.forColumn(KustoType.LONG, null)).contains(KqlLiteral.nullOf(KustoType.LONG));
    assertThat(KqlLiterals.forColumn(KustoType.STRING, null)).isEmpty();
  }

  @Test
  void guidsOnlyInTheCanonicalFormSparkReads() {
    String canonical = "0b6e1a5e-1b3b-4b29-9c6a-2a4e5b6c7d8e";
    assertThat(KqlLiterals.forColumn(KustoType.GUID, canonical)).contains(KqlLiteral.ofGuid(UUID.fromString(canonical)));
    // Spark compares strings case-sensitively; Kusto guids compare by value.
    assertThat(KqlLiterals.forColumn(KustoType.GUID, canonical.toUpperCase())).isEmpty();
    assertThat(KqlLiterals.forColumn(KustoType.GUID, "not a guid")).isEmpty();
  }

  @Test
  void timestampsAreInstantsWhateverTheJvmTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      Timestamp ts = Timestamp.from(Instant.parse("1969-12-31T23:59:59.123456789Z"));
      assertThat(KqlLiterals.forColumn(KustoType.DATETIME, ts).get().toKql())
          .isEqualTo("datetime(1969-12-31T23:59:59.1234560Z)");
      assertThat(KqlLiterals.forColumn(KustoType.DATETIME, Instant.parse("2024-01-02T03:04:05Z")).get().toKql())
          .isEqualTo("datetime(2024-01-02T03:04:05.0000000Z)");
      assertThat(KqlLiterals.forColumn(KustoType.DATETIME, Timestamp.from(Instant.parse("+10000-01-01T00:00:00Z")))).isEmpty();
      assertThat(KqlLiterals.forColumn(KustoType.DATETIME, "2024-01-02")).isEmpty();
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
