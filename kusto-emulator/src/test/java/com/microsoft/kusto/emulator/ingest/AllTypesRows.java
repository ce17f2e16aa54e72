package com.microsoft.kusto.emulator.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic CSV rows with a column of each of Kusto's 10 types, plus the checksums a correct load must give.
 * Values cover nulls, negatives, 7-digit datetime fractions, multi-day timespans, quoted strings with commas and
 * quotes, and JSON objects.
 */
final class AllTypesRows {
  static final String SCHEMA =
      "b:bool, i:int, l:long, r:real, d:decimal, dt:datetime, ts:timespan, s:string, g:guid, dyn:dynamic";
  private static final long BASE_EPOCH_SECONDS = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

  private AllTypesRows() {}

  static String row(int n) {
    StringBuilder out = new StringBuilder(160);
    out.append(n % 3 == 0 ? "true" : n % 3 == 1 ? "false" : "").append(',');
    out.append(n - 500_000).append(',');
    out.append(n * 1_000_003L).append(',');
    out.append(n / 8.0).append(',');
    out.append(n).append(".125,");
    out.append(Instant.ofEpochSecond(BASE_EPOCH_SECONDS + n)).replace(out.length() - 1, out.length(), ".1234567Z").append(',');
    int seconds = n % 86_400;
    out.append(n % 10 == 0 ? "2." : "")
        .append(String.format("%02d:%02d:%02d.5", seconds / 3600, seconds / 60 % 60, seconds % 60))
        .append(',');
    out.append(n % 1000 == 0 ? "\"s" + n + ",\"\"q\"\"\"" : "s" + n).append(',');
    out.append(String.format("00000000-0000-0000-0000-%012d", n)).append(',');
    out.append("\"{\"\"a\"\":").append(n).append("}\"\n");
    return out.toString();
  }

  /** Expected aggregates over rows {@code 0..count-1}, in the order of {@link #checksumSql}. */
  static List<String> expected(int count) {
    long trues = 0;
    long nullBools = 0;
    long sumInt = 0;
    long sumLong = 0;
    BigDecimal sumReal = BigDecimal.ZERO;
    BigDecimal sumDecimal = BigDecimal.ZERO;
    BigInteger sumMicros = BigInteger.ZERO;
    long sumTicks = 0;
    long sumLength = 0;
    long sumGuid = 0;
    long sumDyn = 0;
    for (int n = 0; n < count; n++) {
      trues += n % 3 == 0 ? 1 : 0;
      nullBools += n % 3 == 2 ? 1 : 0;
      sumInt += n - 500_000;
      sumLong += n * 1_000_003L;
      sumReal = sumReal.add(BigDecimal.valueOf(n / 8.0));
      sumDecimal = sumDecimal.add(new BigDecimal(n + ".125"));
      sumMicros = sumMicros.add(BigInteger.valueOf((BASE_EPOCH_SECONDS + n) * 1_000_000L + 123_456));
      sumTicks += (n % 10 == 0 ? 2 * 864_000_000_000L : 0) + (n % 86_400) * 10_000_000L + 5_000_000;
      sumLength += n % 1000 == 0 ? ("s" + n + ",\"q\"").length() : ("s" + n).length();
      sumGuid += n;
      sumDyn += n;
    }
    List<String> result = new ArrayList<>();
    result.add(Long.toString(count));
    result.add(Long.toString(trues));
    result.add(Long.toString(nullBools));
    result.add(Long.toString(sumInt));
    result.add(Long.toString(sumLong));
    result.add(sumReal.setScale(3).toPlainString());
    result.add(sumDecimal.setScale(3).toPlainString());
    result.add(sumMicros.toString());
    result.add(Long.toString(sumTicks));
    result.add(Long.toString(sumLength));
    result.add(Long.toString(sumGuid));
    result.add(Long.toString(sumDyn));
    return result;
  }

  /** A checksum over every column of the stored table (physical columns c0..c9), as text. */
  static String checksumSql() {
    return "CAST(count(*) AS VARCHAR), CAST(count_if(c0) AS VARCHAR), CAST(count_if(c0 IS NULL) AS VARCHAR),"
        + " CAST(sum(c1) AS VARCHAR), CAST(sum(c2) AS VARCHAR), CAST(CAST(sum(c3) AS DECIMAL(38,3)) AS VARCHAR),"
        + " CAST(CAST(sum(c4) AS DECIMAL(38,3)) AS VARCHAR), CAST(sum(epoch_us(c5)) AS VARCHAR), CAST(sum(c6) AS VARCHAR),"
        + " CAST(sum(length(c7)) AS VARCHAR), CAST(sum(CAST(right(CAST(c8 AS VARCHAR), 12) AS BIGINT)) AS VARCHAR),"
        + " CAST(sum(CAST(json_extract_string(c9, '$.a') AS BIGINT)) AS VARCHAR)";
  }
}
