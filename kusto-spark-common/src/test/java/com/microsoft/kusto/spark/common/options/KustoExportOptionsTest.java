package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KustoExportOptionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"distribution", "distributed", "persistDetails", "parquetRowGroupSize",
      "parquetDatetimePrecision", "spread", "concurrency", "includeHeaders", "fileExtension", "encoding",
      "DISTRIBUTION"})
  void kustoDocumentedExportPropertiesArePassedThrough(String key) {
    KustoExportOptions options = KustoExportOptions.fromJson("{\"" + key + "\":\"v\"}");
    assertThat(options.getAdditionalProperties()).containsExactly(entry(key, "v"));
  }

  @Test
  void connectorInterpretedPropertiesAreNotPassedThrough() {
    KustoExportOptions options = KustoExportOptions.fromJson("{\"sizeLimit\":\"10\",\"compressionType\":\"gzip\","
        + "\"compressed\":\"none\",\"useNativeParquetWriter\":\"true\",\"namePrefix\":\"p\",\"async\":\"false\"}");
    assertThat(options.getAdditionalProperties()).isEmpty();
  }

  @Test
  void unknownPropertyIsRejectedWithTheNearestKnownOne() {
    assertThatThrownBy(() -> KustoExportOptions.fromJson("{\"sizeLimit\":\"10\",\"distributon\":\"per_node\"}"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION);
          assertThat(e.getOptionKeys()).containsExactly("kustoExportOptionsJson");
        })
        .hasMessage("Cannot parse option 'kustoExportOptionsJson': unknown property [distributon]; allowed "
            + "properties are sizeLimit, compressionType, compressed, useNativeParquetWriter, namePrefix, async, "
            + "distribution, distributed, persistDetails, parquetRowGroupSize, parquetDatetimePrecision, spread, "
            + "concurrency, includeHeaders, fileExtension, encoding. Did you mean 'distribution'? Expected a JSON "
            + "object of string values, e.g. {\"sizeLimit\":\"1024\",\"compressionType\":\"snappy\"}.");
  }
}
