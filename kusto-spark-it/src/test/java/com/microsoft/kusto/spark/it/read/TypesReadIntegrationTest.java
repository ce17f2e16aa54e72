package com.microsoft.kusto.spark.it.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kusto type, read through the shaded jar in both modes, gives exact values and the same rows in both, in a JVM
 * whose default time zone is not UTC (datetimes must not depend on it).
 */
class TypesReadIntegrationTest {
  private static final String COLUMNS = "id:long, b:bool, i:int, l:long, r:real, d:decimal, t:datetime, s:timespan,"
      + " str:string, g:guid, dyn:dynamic";
  private static final String DATA = String.join("\n",
      "1,true,2147483647,9223372036854775807,1.5,123456789012345678.123456789012345678,2024-02-29T23:59:59.123456Z,"
          + "1.02:03:04.5000000,\"a \"\"quoted\"\" \\ back, ünï 😀\",00000000-0000-0000-0000-000000000001,"
          + "\"{\"\"a\"\":[1,2,{\"\"b\"\":null}],\"\"c\"\":\"\"x\"\"}\"",
      "2,false,-2147483648,-9223372036854775808,NaN,-0.000000000000000001,1900-01-01T00:00:00Z,-00:00:00.0000001,"
          + ",ffffffff-ffff-ffff-ffff-ffffffffffff,\"[1,\"\"two\"\",3.5]\"",
      "3,,,,,,,,,,",
      "4,true,0,0,Infinity,0,1970-01-01T00:00:00.000001Z,10675199.02:48:05.4775807,x,"
          + "12345678-9abc-def0-1234-56789abcdef0,\"\"\"str\"\"\"",
      "5,false,-1,-1,-Infinity,1,1969-12-31T23:59:59.999999Z,00:00:00,y,00000000-0000-0000-0000-000000000000,42");
  private static EmulatedKusto kusto;
  private static TimeZone originalZone;

  @BeforeAll
  static void start() {
    originalZone = TimeZone.getDefault();
    // UTC+14: any datetime conversion through the JVM's zone shifts values by most of a day.
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    kusto = EmulatedKusto.start();
    kusto.command(".create table AllTypes (" + COLUMNS + ")");
    kusto.command(".ingest inline into table AllTypes <|\n" + DATA);
  }

  @AfterAll
  static void stop() {
    kusto.close();
    TimeZone.setDefault(originalZone);
  }

  private static List<Row> read(String mode) {
    return kusto.read("AllTypes").option("readMode", mode).load().orderBy("id").collectAsList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void schemaMapsEveryKustoType(String mode) {
    assertThat(kusto.read("AllTypes").option("readMode", mode).load().schema().fields())
        .extracting(f -> f.name() + ":" + f.dataType().simpleString())
        .containsExactly("id:bigint", "b:boolean", "i:int", "l:bigint", "r:double", "d:decimal(38,18)",
            "t:timestamp", "s:string", "str:string", "g:string", "dyn:string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void everyTypeReadsExactly(String mode) {
    List<Row> rows = read(mode);
    assertThat(rows).extracting(r -> r.getLong(0)).containsExactly(1L, 2L, 3L, 4L, 5L);

    Row first = rows.get(0);
    assertThat(first.getBoolean(1)).isTrue();
    assertThat(first.getInt(2)).isEqualTo(Integer.MAX_VALUE);
    assertThat(first.getLong(3)).isEqualTo(Long.MAX_VALUE);
    assertThat(first.getDouble(4)).isEqualTo(1.5);
    assertThat(first.getDecimal(5)).isEqualTo(new BigDecimal("123456789012345678.123456789012345678"));
    assertThat(first.getTimestamp(6).toInstant()).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456Z"));
    assertThat(first.getString(7)).isEqualTo("1.02:03:04.5000000");
    assertThat(first.getString(8)).isEqualTo("a \"quoted\" \\ back, ünï 😀");
    assertThat(first.getString(9)).isEqualTo("00000000-0000-0000-0000-000000000001");
    assertThat(first.getString(10)).isEqualTo("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}");

    Row second = rows.get(1);
    assertThat(second.getBoolean(1)).isFalse();
    assertThat(second.getInt(2)).isEqualTo(Integer.MIN_VALUE);
    assertThat(second.getLong(3)).isEqualTo(Long.MIN_VALUE);
    assertThat(second.getDouble(4)).isNaN();
    assertThat(second.getDecimal(5)).isEqualTo(new BigDecimal("-0.000000000000000001"));
    assertThat(second.getTimestamp(6).toInstant()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
    assertThat(second.getString(7)).isEqualTo("-00:00:00.0000001");
    assertThat(second.getString(8)).isEmpty();
    assertThat(second.getString(9)).isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
    assertThat(second.getString(10)).isEqualTo("[1,\"two\",3.5]");

    // Kusto strings are never null: an empty CSV field is an empty string; every other type is null.
    Row nulls = rows.get(2);
    for (int c = 1; c < nulls.size(); c++) {
      if (c == 8) {
        assertThat(nulls.getString(c)).isEmpty();
      } else {
        assertThat(nulls.isNullAt(c)).as("column %s", nulls.schema().fields()[c].name()).isTrue();
      }
    }

    Row fourth = rows.get(3);
    assertThat(fourth.getDouble(4)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(fourth.getDecimal(5)).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(fourth.getTimestamp(6).toInstant()).isEqualTo(Instant.parse("1970-01-01T00:00:00.000001Z"));
    assertThat(fourth.getString(7)).isEqualTo("10675199.02:48:05.4775807");
    assertThat(fourth.getString(9)).isEqualTo("12345678-9abc-def0-1234-56789abcdef0");
    assertThat(fourth.getString(10)).isEqualTo("\"str\"");

    Row fifth = rows.get(4);
    assertThat(fifth.getDouble(4)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(fifth.getTimestamp(6).toInstant()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(fifth.getString(7)).isEqualTo("00:00:00");
    assertThat(fifth.getString(10)).isEqualTo("42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ForceSingleMode", "ForceDistributedMode"})
  void datetimesAreUtcInstantsWhateverTheJvmZone(String mode) {
    // Spark SQL itself (session time zone UTC) sees the same instant, to the microsecond.
    Row row = kusto.read("AllTypes").option("readMode", mode).load().where("id = 1")
        .selectExpr("cast(t as string)", "cast(t as long)").collectAsList().get(0);
    assertThat(row.getString(0)).isEqualTo("2024-02-29 23:59:59.123456");
    assertThat(row.getLong(1)).isEqualTo(1709251199L);
  }

  @Test
  void bothModesReturnIdenticalRows() {
    List<Row> single = read("ForceSingleMode");
    assertThat(read("ForceDistributedMode")).hasSize(5).containsExactlyElementsOf(single);
  }
}
