package com.microsoft.kusto.emulator.kql;

import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.instant;
import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.KqlTestDatabase.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code declare query_parameters} with values in the literal formats the Kusto SDK sends. */
class KqlQueryParametersTest {
  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void everySdkLiteralFormatBindsWithTheDeclaredType() {
    Result r = db.run(
        "declare query_parameters(i:int, lo:long, re:real, bo:bool, t:timespan, gu:guid, dt:datetime, st:string,"
            + " de:decimal); print i, lo, re, bo, t, gu, dt, st, de",
        Map.of(
            "i", "int(5)",
            "lo", "long(6)",
            "re", "real(1.5)",
            "bo", "bool(true)",
            "t", "time(01:02:03.0000000)",
            "gu", "guid(00000000-0000-0000-0000-000000000007)",
            "dt", "datetime(2024-01-02T03:04:05.1230000Z)",
            "st", "it's raw, \"unquoted\"",
            "de", "decimal(2.5)"));
    // print names unnamed columns print_<position> even when they are plain names.
    assertThat(r.schema()).containsExactly("print_0:int", "print_1:long", "print_2:real", "print_3:bool",
        "print_4:timespan", "print_5:guid", "print_6:datetime", "print_7:string", "print_8:decimal");
    assertThat(r.rows())
        .containsExactly(
            row(5, 6L, 1.5, true, Duration.ofSeconds(3723), UUID.fromString("00000000-0000-0000-0000-000000000007"),
                instant("2024-01-02T03:04:05.123Z"), "it's raw, \"unquoted\"", new BigDecimal("2.5")));
  }

  @Test
  void parametersFilterRowsAndDefaultsApplyWhenNoValueIsGiven() {
    String query = "declare query_parameters(minL:long = 15); T | where l > minL | count";
    assertThat(db.run(query).rows()).containsExactly(row(3L));
    assertThat(db.run(query, Map.of("minL", "long(45)")).rows()).containsExactly(row(1L));
  }

  @Test
  void parameterAsTakeCount() {
    assertThat(db.run("declare query_parameters(k:int); T | take k", Map.of("k", "int(2)")).rows()).hasSize(2);
  }

  @Test
  void missingValueWithoutDefaultIsASemanticError() {
    assertThatThrownBy(() -> db.run("declare query_parameters(k:int); T | take k"))
        .isInstanceOf(KustoRequestException.class)
        .hasMessageContaining("query parameter 'k'")
        .hasMessageContaining("no value");
  }

  @Test
  void valueOfTheWrongTypeIsRejectedWithTheValueEchoed() {
    assertThatThrownBy(() -> db.run("declare query_parameters(k:int); T | take k", Map.of("k", "datetime(2024-01-01)")))
        .isInstanceOf(KustoRequestException.class)
        .hasMessageContaining("'k' is declared as int");
    assertThatThrownBy(() -> db.run("declare query_parameters(k:long); T | take k", Map.of("k", "five")))
        .isInstanceOf(KustoRequestException.class)
        .hasMessageContaining("[five]")
        .hasMessageContaining("long(5)");
  }
}
