package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.SchemaAdjustmentMode;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies option {@code adjustSchema} to a DataFrame schema and an existing table's columns: {@code NoAdjustment}
 * ingests by position unchecked, {@code FailIfNotMatch} requires equal names in equal order, and
 * {@code GenerateDynamicCsvMapping} maps each DataFrame column by name to its table column with a CSV mapping.
 */
public final class SchemaAdjustment {
  /**
   * The column that {@code addSourceLocationTransform} fills with each row's source blob URL (Kusto's
   * {@code SourceLocation} mapping transformation), under the established connector's name.
   */
  public static final String SOURCE_LOCATION_COLUMN = "ingestion_source_location_url_blob_internal";

  private SchemaAdjustment() {}

  /** {@link #apply(SchemaAdjustmentMode, String, List, List, boolean)} without the source location column. */
  public static String apply(SchemaAdjustmentMode mode, String table, List<TypedField> dataFrame,
      List<KustoColumn> target) {
    return apply(mode, table, dataFrame, target, false);
  }

  /**
   * @param sourceLocation {@code addSourceLocationTransform}: the generated mapping also fills
   *     {@link #SOURCE_LOCATION_COLUMN}, which the table must have as a string column
   * @return the generated CSV mapping JSON for {@code GenerateDynamicCsvMapping}, otherwise {@code null}
   * @throws KustoConnectorException with {@link ErrorCode#SCHEMA_MISMATCH} listing the differences
   */
  public static String apply(SchemaAdjustmentMode mode, String table, List<TypedField> dataFrame,
      List<KustoColumn> target, boolean sourceLocation) {
    List<String> dfNames = new ArrayList<>();
    for (TypedField field : dataFrame) {
      dfNames.add(field.name());
    }
    List<String> tableNames = CsvMappings.names(target);
    switch (mode) {
      case FailIfNotMatch:
        if (!dfNames.equals(tableNames)) {
          throw mismatch(table, mode, "the DataFrame columns " + dfNames + " differ from the table columns "
              + tableNames
              + " (" + differences(dfNames, tableNames) + ")",
              "Rename or reorder the DataFrame columns to match, or set 'adjustSchema' to GenerateDynamicCsvMapping"
                  + " to map columns by name.");
        }
        return null;
      case GenerateDynamicCsvMapping:
        String mapping = mapping(table, mode, dfNames, target, tableNames);
        return sourceLocation ? withSourceLocation(table, mode, mapping, target) : mapping;
      case NoAdjustment:
      default:
        return null;
    }
  }

  private static String mapping(String table, SchemaAdjustmentMode mode, List<String> dfNames, List<KustoColumn> target,
      List<String> tableNames) {
    Map<String, KustoColumn> byName = new HashMap<>();
    for (KustoColumn column : target) {
      byName.put(column.name(), column);
    }
    List<String> missing = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<KustoColumn> columns = new ArrayList<>();
    for (int i = 0; i < dfNames.size(); i++) {
      KustoColumn column = byName.get(dfNames.get(i));
      if (column == null) {
        missing.add(dfNames.get(i));
      } else {
        ordinals.add(i);
        columns.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw mismatch(table, mode, "the DataFrame columns " + missing + " do not exist in the table, whose columns are "
          + tableNames, "Drop or rename those DataFrame columns, or add the columns to the table"
          + " ('.alter-merge table').");
    }
    return CsvMappings.generate(ordinals, columns);
  }

  private static String withSourceLocation(String table, SchemaAdjustmentMode mode, String mapping,
      List<KustoColumn> target) {
    for (KustoColumn column : target) {
      if (column.name().equals(SOURCE_LOCATION_COLUMN)) {
        if (column.type() != KustoType.STRING) {
          break;
        }
        return CsvMappings.withSourceLocation(mapping, SOURCE_LOCATION_COLUMN);
      }
    }
    throw mismatch(table, mode, "'addSourceLocationTransform' fills column '" + SOURCE_LOCATION_COLUMN
        + "', but the table has no string column of that name (its columns are " + CsvMappings.names(target) + ")",
        "Add it with '.alter-merge table " + table + " (" + SOURCE_LOCATION_COLUMN + ":string)', or remove"
            + " 'addSourceLocationTransform'.");
  }

  private static String differences(List<String> df, List<String> table) {
    Set<String> onlyDf = new LinkedHashSet<>(df);
    onlyDf.removeAll(table);
    Set<String> onlyTable = new LinkedHashSet<>(table);
    onlyTable.removeAll(df);
    List<String> parts = new ArrayList<>();
    if (!onlyDf.isEmpty()) {
      parts.add("not in the table: " + onlyDf);
    }
    if (!onlyTable.isEmpty()) {
      parts.add("not in the DataFrame: " + onlyTable);
    }
    for (int i = 0; i < Math.min(df.size(), table.size()); i++) {
      if (!df.get(i).equals(table.get(i))) {
        parts.add("first difference at position " + i + ": '" + df.get(i) + "' vs '" + table.get(i) + "'");
        break;
      }
    }
    if (parts.isEmpty()) {
      parts.add("the DataFrame has " + df.size() + " columns, the table " + table.size());
    }
    return String.join("; ", parts);
  }

  private static KustoConnectorException mismatch(String table, SchemaAdjustmentMode mode, String reason,
      String fix) {
    return new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
        "write to table '" + table + "' with 'adjustSchema' " + mode, reason, fix));
  }
}
