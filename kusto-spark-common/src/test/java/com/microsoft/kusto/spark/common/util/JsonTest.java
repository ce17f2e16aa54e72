package com.microsoft.kusto.spark.common.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final String SHAPE = "{\"storageCredentials\":[...]}";

  @Test
  void unknownPropertyNamesTheOptionTheKeyAndTheNearestKnownKey() {
    JsonNode object = Json.parse("opt", "{\"storageCredentials\":[],\"endpointSufix\":\"x\"}", false, SHAPE);
    assertThatThrownBy(() -> Json.requireOnlyFields("opt", object, SHAPE, "storageCredentials", "endpointSuffix"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION);
          assertThat(e.getOptionKeys()).containsExactly("opt");
        })
        .hasMessage("Cannot parse option 'opt': unknown property [endpointSufix]; allowed properties are "
            + "storageCredentials, endpointSuffix. Did you mean 'endpointSuffix'? Expected " + SHAPE + ".");
  }

  @Test
  void knownPropertiesMatchIgnoringCase() {
    JsonNode object = Json.parse("opt", "{\"STORAGECREDENTIALS\":[],\"endpointsuffix\":\"x\"}", false, SHAPE);
    Json.requireOnlyFields("opt", object, SHAPE, "storageCredentials", "endpointSuffix");
    assertThat(Json.isKnown("ENDPOINTSUFFIX", "storageCredentials", "endpointSuffix")).isTrue();
    assertThat(Json.isKnown("endpoint", "storageCredentials", "endpointSuffix")).isFalse();
  }
}
