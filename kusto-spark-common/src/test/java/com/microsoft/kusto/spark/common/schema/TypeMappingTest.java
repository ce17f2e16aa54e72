package com.microsoft.kusto.spark.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeMappingTest {
  static Stream<Arguments> writeMapping() {
    return Stream.of(
        Arguments.of(ColumnType.booleanType(), KustoType.BOOL),
        Arguments.of(ColumnType.byteType(), KustoType.INT),
        Arguments.of(ColumnType.shortType(), KustoType.INT),
        Arguments.of(ColumnType.intType(), KustoType.INT),
        Arguments.of(ColumnType.longType(), KustoType.LONG),
        Arguments.of(ColumnType.floatType(), KustoType.REAL),
        Arguments.of(ColumnType.doubleType(), KustoType.REAL),
        Arguments.of(ColumnType.decimal(10, 2), KustoType.DECIMAL),
        Arguments.of(ColumnType.decimal(38, 18), KustoType.DECIMAL),
        Arguments.of(ColumnType.stringType(), KustoType.STRING),
        Arguments.of(ColumnType.binaryType(), KustoType.STRING),
        Arguments.of(ColumnType.dateType(), KustoType.DATETIME),
        Arguments.of(ColumnType.timestampType(), KustoType.DATETIME),
        Arguments.of(ColumnType.struct(List.of(TypedField.of("x", ColumnType.intType()))), KustoType.DYNAMIC),
        Arguments.of(ColumnType.array(ColumnType.stringType(), true), KustoType.DYNAMIC),
        Arguments.of(ColumnType.map(ColumnType.stringType(), ColumnType.longType()), KustoType.DYNAMIC),
        Arguments.of(ColumnType.nullType(), KustoType.STRING));
  }

  @ParameterizedTest
  @MethodSource("writeMapping")
  void mapsSparkTypesToKustoColumnTypes(ColumnType type, KustoType expected) {
    assertThat(TypeMapping.toKusto(type)).isEqualTo(expected);
  }

  static Stream<Arguments> readMapping() {
    return Stream.of(
        Arguments.of(KustoType.BOOL, ColumnType.booleanType()),
        Arguments.of(KustoType.INT, ColumnType.intType()),
        Arguments.of(KustoType.LONG, ColumnType.longType()),
        Arguments.of(KustoType.REAL, ColumnType.doubleType()),
        Arguments.of(KustoType.DECIMAL, ColumnType.decimal(38, 18)),
        Arguments.of(KustoType.DATETIME, ColumnType.timestampType()),
        Arguments.of(KustoType.TIMESPAN, ColumnType.stringType()),
        Arguments.of(KustoType.STRING, ColumnType.stringType()),
        Arguments.of(KustoType.GUID, ColumnType.stringType()),
        Arguments.of(KustoType.DYNAMIC, ColumnType.stringType()));
  }

  @ParameterizedTest
  @MethodSource("readMapping")
  void mapsKustoResultTypesToSparkTypes(KustoType type, ColumnType expected) {
    assertThat(TypeMapping.toColumnType(type)).isEqualTo(expected);
  }

  @Test
  void readThenWriteKeepsTheTypesSparkCanHold() {
    // A table read into Spark and written back gets the same Kusto types, except those Spark holds as strings.
    for (KustoType type : KustoType.values()) {
      KustoType back = TypeMapping.toKusto(TypeMapping.toColumnType(type));
      boolean readAsString = type == KustoType.TIMESPAN || type == KustoType.GUID || type == KustoType.DYNAMIC;
      assertThat(back).as(type.cslName()).isEqualTo(readAsString ? KustoType.STRING : type);
    }
  }

  @Test
  void tableColumnsKeepOrderAndNames() {
    List<TypedField> fields =
        List.of(TypedField.of("where", ColumnType.longType()), TypedField.of("it's", ColumnType.timestampType(), false));
    assertThat(TypeMapping.toKustoColumns(fields))
        .containsExactly(KustoColumn.of("where", KustoType.LONG), KustoColumn.of("it's", KustoType.DATETIME));
  }

  @Test
  void decimalTypesAreValidated() {
    assertThatThrownBy(() -> ColumnType.decimal(39, 0)).hasMessageContaining("decimal(39,0)");
    assertThatThrownBy(() -> ColumnType.decimal(5, 6)).hasMessageContaining("decimal(5,6)");
    assertThat(ColumnType.decimal(10, 2).toString()).isEqualTo("decimal(10,2)");
  }
}
