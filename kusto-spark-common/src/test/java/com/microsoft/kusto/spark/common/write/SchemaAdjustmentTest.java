package com.microsoft.kusto.spark.common.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.SchemaAdjustmentMode;
import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaAdjustmentTest {
  private static final List<TypedField> DF = List.of(
      TypedField.of("b", ColumnType.stringType()), TypedField.of("a", ColumnType.longType()));
  private static final List<KustoColumn> TABLE = List.of(
      KustoColumn.of("a", KustoType.LONG), KustoColumn.of("c", KustoType.DYNAMIC),
      KustoColumn.of("b", KustoType.STRING));

  @Test
  void noAdjustmentAcceptsAnythingByPosition() {
    assertThat(SchemaAdjustment.apply(SchemaAdjustmentMode.NoAdjustment, "T", DF, TABLE)).isNull();
  }

  @Test
  void failIfNotMatchListsTheDifferences() {
    assertThatThrownBy(() -> SchemaAdjustment.apply(SchemaAdjustmentMode.FailIfNotMatch, "T", DF, TABLE))
        .isInstanceOfSatisfying(KustoConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
        .hasMessage("Cannot write to table 'T' with 'adjustSchema' FailIfNotMatch: the DataFrame columns [b, a]"
            + " differ from the table columns [a, c, b] (not in the DataFrame: [c]; first difference at position 0:"
            + " 'b' vs 'a'). Rename or reorder the DataFrame columns to match, or set 'adjustSchema' to"
            + " GenerateDynamicCsvMapping to map columns by name.");
    List<TypedField> same = List.of(TypedField.of("a", ColumnType.longType()),
        TypedField.of("c", ColumnType.stringType()), TypedField.of("b", ColumnType.stringType()));
    assertThat(SchemaAdjustment.apply(SchemaAdjustmentMode.FailIfNotMatch, "T", same, TABLE)).isNull();
  }

  @Test
  void generatedMappingMapsDataFrameOrdinalsToTableColumnsByName() {
    String mapping = SchemaAdjustment.apply(SchemaAdjustmentMode.GenerateDynamicCsvMapping, "T", DF, TABLE);
    assertThat(mapping).isEqualTo("[{\"Column\":\"b\",\"DataType\":\"string\",\"Properties\":{\"Ordinal\":\"0\"}},"
        + "{\"Column\":\"a\",\"DataType\":\"long\",\"Properties\":{\"Ordinal\":\"1\"}}]");
    ColumnMapping[] sdk = CsvMappings.toColumnMappings(mapping);
    assertThat(sdk).extracting(ColumnMapping::getColumnName).containsExactly("b", "a");
    assertThat(sdk).extracting(ColumnMapping::getColumnType).containsExactly("string", "long");
    assertThat(sdk[1].getProperties()).containsEntry("Ordinal", "1");
  }

  @Test
  void generatedMappingFailsForDataFrameColumnsMissingInTheTable() {
    List<TypedField> extra = List.of(TypedField.of("a", ColumnType.longType()),
        TypedField.of("zz", ColumnType.longType()));
    assertThatThrownBy(() -> SchemaAdjustment.apply(SchemaAdjustmentMode.GenerateDynamicCsvMapping, "T", extra, TABLE))
        .hasMessage("Cannot write to table 'T' with 'adjustSchema' GenerateDynamicCsvMapping: the DataFrame columns"
            + " [zz] do not exist in the table, whose columns are [a, c, b]. Drop or rename those DataFrame columns,"
            + " or add the columns to the table ('.alter-merge table').");
  }

  @Test
  void userMappingsInKustoAndSdkFormsAreRead() {
    ColumnMapping[] kusto = CsvMappings.toColumnMappings(
        "[{\"column\":\"x\",\"datatype\":\"int\",\"Properties\":{\"Ordinal\":\"2\"}},{\"Name\":\"y\",\"Ordinal\":1}]");
    assertThat(kusto).extracting(ColumnMapping::getColumnName).containsExactly("x", "y");
    assertThat(kusto[0].getProperties()).containsEntry("Ordinal", "2");
    assertThat(kusto[1].getProperties()).containsEntry("Ordinal", "1");
    ColumnMapping[] bean = CsvMappings.toColumnMappings(
        "[{\"columnName\":\"z\",\"columnType\":\"string\",\"properties\":{\"Ordinal\":\"0\"}}]");
    assertThat(bean[0].getColumnName()).isEqualTo("z");
    assertThat(bean[0].getColumnType()).isEqualTo("string");
    assertThatThrownBy(() -> CsvMappings.toColumnMappings("[{\"Ordinal\":\"0\"}]"))
        .hasMessageContaining("an entry has no column name");
  }
}
