package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.SchemaAdjustmentMode;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.StructField;
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
  private SchemaAdjustment() {}

  /**
   * @return the generated CSV mapping JSON for {@code GenerateDynamicCsvMapping}, otherwise {@code null}
   * @throws KustoConnectorException with {@link ErrorCode#SCHEMA_MISMATCH} listing the differences
   */
  public static String apply(SchemaAdjustmentMode mode, String table, List<StructField> dataFrame,
      List<KustoColumn> target) {
    List<String> dfNames = new ArrayList<>();
    for (StructField field : dataFrame) {
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
        return mapping(table, mode, dfNames, target, tableNames);
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
