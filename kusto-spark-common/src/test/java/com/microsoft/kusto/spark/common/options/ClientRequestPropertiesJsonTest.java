package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import org.junit.jupiter.api.Test;

class ClientRequestPropertiesJsonTest {
  @Test
  void sdkToStringParsesBack() {
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setOption("query_language", "kql");
    crp.setParameter("p", "v");
    ClientRequestProperties parsed = ConnectionConfig.parseClientRequestProperties(crp.toString());
    assertThat(parsed.getOption("query_language")).isEqualTo("kql");
    assertThat(parsed.getParameter("p")).isEqualTo("v");
  }

  @Test
  void topLevelKeysMatchIgnoringCaseAndTakeEffect() {
    // The SDK alone would drop "options" and "PARAMETERS" silently.
    ClientRequestProperties parsed = ConnectionConfig.parseClientRequestProperties(
        "{\"options\":{\"query_language\":\"kql\"},\"PARAMETERS\":{\"p\":\"v\"}}");
    assertThat(parsed.getOption("query_language")).isEqualTo("kql");
    assertThat(parsed.getParameter("p")).isEqualTo("v");
  }

  @Test
  void optionNamesAreNotValidated() {
    ClientRequestProperties parsed = ConnectionConfig.parseClientRequestProperties(
        "{\"Options\":{\"some_future_kusto_option\":true}}");
    assertThat(parsed.getOption("some_future_kusto_option")).isEqualTo(true);
  }

  @Test
  void unknownTopLevelKeyIsRejectedWithTheNearestKnownOne() {
    assertThatThrownBy(() -> ConnectionConfig.parseClientRequestProperties(
        "{\"Option\":{\"servertimeout\":\"00:10:00\"}}"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION);
          assertThat(e.getOptionKeys()).containsExactly("clientRequestPropertiesJson");
        })
        .hasMessage("Cannot parse option 'clientRequestPropertiesJson': unknown property [Option]; allowed "
            + "properties are Options, Parameters. Did you mean 'Options'? Expected the toString() of a "
            + "com.microsoft.azure.kusto.data.ClientRequestProperties, e.g. "
            + "{\"Options\":{\"servertimeout\":\"00:10:00\"},\"Parameters\":{}}.");
    assertThatThrownBy(() -> ConnectionConfig.parseClientRequestProperties("{\"servertimeout\":\"00:10:00\"}"))
        .hasMessageContaining("unknown property [servertimeout]");
  }

  @Test
  void optionsAndParametersMustBeObjectsGivenOnce() {
    assertThatThrownBy(() -> ConnectionConfig.parseClientRequestProperties("{\"Options\":[1]}"))
        .hasMessageStartingWith("Cannot parse option 'clientRequestPropertiesJson': the value of 'Options' is not "
            + "a JSON object. Use the toString() of a com.microsoft.azure.kusto.data.ClientRequestProperties");
    assertThatThrownBy(() -> ConnectionConfig.parseClientRequestProperties(
        "{\"Options\":{},\"options\":{\"a\":1}}"))
        .hasMessageStartingWith("Cannot parse option 'clientRequestPropertiesJson': 'Options' is given twice (keys "
            + "are matched ignoring case).");
    assertThat(ConnectionConfig.parseClientRequestProperties("{\"Options\":null}").toString())
        .isEqualTo(new ClientRequestProperties().toString());
  }
}
