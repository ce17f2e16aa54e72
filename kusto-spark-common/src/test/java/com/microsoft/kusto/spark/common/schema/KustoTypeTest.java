package com.microsoft.kusto.spark.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KustoTypeTest {
  @ParameterizedTest
  @CsvSource({
    "bool, BOOL", "boolean, BOOL", "Boolean, BOOL", "System.SByte, BOOL",
    "int, INT", "int32, INT", "System.Int32, INT",
    "long, LONG", "int64, LONG", "System.Int64, LONG",
    "real, REAL", "double, REAL", "System.Double, REAL",
    "decimal, DECIMAL", "System.Data.SqlTypes.SqlDecimal, DECIMAL",
    "datetime, DATETIME", "date, DATETIME", "System.DateTime, DATETIME",
    "timespan, TIMESPAN", "time, TIMESPAN", "System.TimeSpan, TIMESPAN",
    "string, STRING", "System.String, STRING",
    "guid, GUID", "uniqueid, GUID", "uuid, GUID", "System.Guid, GUID",
    "dynamic, DYNAMIC", "System.Object, DYNAMIC", "' DYNAMIC ', DYNAMIC"
  })
  void parsesNamesAndAliases(String name, KustoType expected) {
    assertThat(KustoType.parse(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(KustoType.class)
  void canonicalNamesRoundTrip(KustoType type) {
    assertThat(KustoType.parse(type.cslName())).isEqualTo(type);
  }

  @org.junit.jupiter.api.Test
  void unknownNamesAreRejectedWithTheValue() {
    assertThatThrownBy(() -> KustoType.parse("varchar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'varchar'")
        .hasMessageContaining("uniqueid");
  }
}
