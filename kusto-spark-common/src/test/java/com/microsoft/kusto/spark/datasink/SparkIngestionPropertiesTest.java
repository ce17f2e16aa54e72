package com.microsoft.kusto.spark.datasink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparkIngestionPropertiesTest {
  private static final String MAPPING = "[{\"Column\":\"a\",\"Properties\":{\"Ordinal\":\"0\"}}]";

  @Test
  void toStringIsTheOptionJsonAndParsesBack() {
    SparkIngestionProperties properties = new SparkIngestionProperties(true, Arrays.asList("drop1"),
        Arrays.asList("by1", "by2"), Arrays.asList("t"), Arrays.asList("by0"),
        Instant.parse("2024-05-01T10:15:30.123456789Z"), MAPPING, null);
    assertThat(properties.toString()).isEqualTo("{\"flushImmediately\":true,\"dropByTags\":[\"drop1\"],"
        + "\"ingestByTags\":[\"by1\",\"by2\"],\"additionalTags\":[\"t\"],\"ingestIfNotExists\":[\"by0\"],"
        + "\"creationTime\":\"2024-05-01T10:15:30.123456789Z\",\"csvMapping\":\"" + MAPPING.replace("\"", "\\\"")
        + "\"}");
    assertThat(SparkIngestionProperties.fromString(properties.toString())).isEqualTo(properties);
  }

  @Test
  void emptyPropertiesOmitUnsetFields() {
    assertThat(new SparkIngestionProperties().toString()).isEqualTo("{\"flushImmediately\":false}");
    SparkIngestionProperties parsed = SparkIngestionProperties.fromString("{}");
    assertThat(parsed.isFlushImmediately()).isFalse();
    assertThat(parsed.getDropByTags()).isNull();
    assertThat(parsed.getCreationTime()).isNull();
  }

  @Test
  void acceptsEpochSecondsAndInlineMappingArrays() {
    SparkIngestionProperties parsed = SparkIngestionProperties.fromString(
        "{\"creationTime\":1714558530.5,\"csvMapping\":" + MAPPING + ",\"CSVMAPPINGNAMEREFERENCE\":null}");
    assertThat(parsed.getCreationTime()).isEqualTo(Instant.parse("2024-05-01T10:15:30.500Z"));
    assertThat(parsed.getCsvMapping()).isEqualTo(MAPPING);
  }

  @Test
  void rejectsInvalidProperties() {
    assertThatThrownBy(() -> SparkIngestionProperties.fromString("{\"creationTime\":\"yesterday\"}"))
        .hasMessage("Cannot parse option 'sparkIngestionPropertiesJson': 'creationTime' [yesterday] is not an "
            + "ISO-8601 instant. Expected for example \"2024-05-01T00:00:00Z\".");
    assertThatThrownBy(() -> SparkIngestionProperties.fromString("{\"dropByTags\":\"a\"}"))
        .hasMessageStartingWith("Cannot parse option 'sparkIngestionPropertiesJson': 'dropByTags' is not an array of "
            + "strings.");
    assertThatThrownBy(() -> SparkIngestionProperties.fromString("{\"flushImmediately\":\"yes\"}"))
        .hasMessageStartingWith("Cannot parse option 'sparkIngestionPropertiesJson': 'flushImmediately' is not a "
            + "boolean.");
    assertThatThrownBy(() -> new SparkIngestionProperties(false, null, null, null, null, null, "{}", null))
        .hasMessage("Cannot parse option 'sparkIngestionPropertiesJson': 'csvMapping' is not a JSON array. Expected a "
            + "JSON array of column mappings.");
    assertThatThrownBy(() -> new SparkIngestionProperties(false, null, null, null, null, null, MAPPING, "M"))
        .hasMessage("Cannot parse option 'sparkIngestionPropertiesJson': both 'csvMapping' and "
            + "'csvMappingNameReference' are set. Expected only one of them.");
  }

  @Test
  void acceptsTheEstablishedConnectorsToStringWithNullFields() {
    // Pretty-printed, unset fields as null, creationTime as epoch seconds (Jackson's JavaTimeModule default).
    SparkIngestionProperties parsed = SparkIngestionProperties.fromString("{\n  \"flushImmediately\" : true,\n"
        + "  \"dropByTags\" : [ \"d\" ],\n  \"ingestByTags\" : null,\n  \"additionalTags\" : null,\n"
        + "  \"ingestIfNotExists\" : null,\n  \"creationTime\" : 1700000000.000000000,\n"
        + "  \"csvMapping\" : null,\n  \"csvMappingNameReference\" : \"m\"\n}");
    assertThat(parsed).isEqualTo(new SparkIngestionProperties(true, java.util.Collections.singletonList("d"), null,
        null, null, java.time.Instant.ofEpochSecond(1700000000L), null, "m"));
  }

  @Test
  void unknownPropertyIsRejectedWithTheNearestKnownOne() {
    assertThatThrownBy(() -> SparkIngestionProperties.fromString("{\"ingestByTag\":[\"a\"]}"))
        .hasMessageStartingWith("Cannot parse option 'sparkIngestionPropertiesJson': unknown property [ingestByTag]; "
            + "allowed properties are flushImmediately, dropByTags, ingestByTags, additionalTags, ingestIfNotExists, "
            + "creationTime, csvMapping, csvMappingNameReference. Did you mean 'ingestByTags'? Expected a JSON "
            + "object with any of");
  }
}
