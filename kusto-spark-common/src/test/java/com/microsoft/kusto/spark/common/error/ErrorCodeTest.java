package com.microsoft.kusto.spark.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = Arrays.stream(ErrorCode.values()).map(ErrorCode::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(ErrorCode.values().length);
    assertThat(ids).allMatch(id -> id.matches("KSC-\\d{4}"));
  }

  @Test
  void messageFollowsTheHouseForm() {
    assertThat(KustoConnectorException.message("read option 'x'", "the value [y] is bad", "Use z."))
        .isEqualTo("Cannot read option 'x': the value [y] is bad. Use z.");
    assertThat(KustoConnectorException.message("do it", "no reason", "")).isEqualTo("Cannot do it: no reason.");
  }

  @Test
  void exceptionCarriesCodeAndShowsItInToString() {
    InvalidOptionException e = new InvalidOptionException(ErrorCode.INVALID_OPTION_VALUE, "Cannot x: y.", "k1", "k2");
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("Cannot x: y.");
    assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE);
    assertThat(e.getOptionKeys()).containsExactly("k1", "k2");
    assertThat(e.toString()).contains("[KSC-0002]").contains("Cannot x: y.");
  }
}
