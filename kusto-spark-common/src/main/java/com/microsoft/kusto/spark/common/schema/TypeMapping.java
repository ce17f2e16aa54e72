package com.microsoft.kusto.spark.common.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The connector's type mapping in both directions (connector-reference section 5).
 *
 * <p>Writes ({@link #toKusto}): the Kusto column type to create for a Spark column. Reads ({@link #toColumnType}):
 * the Spark-side type for a Kusto result column. Kusto types with no exact Spark counterpart (timespan, guid,
 * dynamic) are read as strings; decimal is read as decimal(38,18), Spark's system default.
 */
public final class TypeMapping {
  /** Kusto decimal columns are read with Spark's system default precision and scale. */
  public static final ColumnType KUSTO_DECIMAL_READ_TYPE = ColumnType.decimal(38, 18);

  private TypeMapping() {}

  /** The Kusto type a column of this neutral type is created with. */
  public static KustoType toKusto(ColumnType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return KustoType.BOOL;
      case BYTE:
      case SHORT:
      case INT:
        return KustoType.INT;
      case LONG:
        return KustoType.LONG;
      case FLOAT:
      case DOUBLE:
        return KustoType.REAL;
      case DECIMAL:
        return KustoType.DECIMAL;
      case DATE:
      case TIMESTAMP:
        return KustoType.DATETIME;
      case STRUCT:
      case ARRAY:
      case MAP:
        return KustoType.DYNAMIC;
      case STRING:
      case BINARY:
      case NULL:
      default:
        // Binary is written as Base64 text; a NullType column carries no values, string is the loosest fit.
        return KustoType.STRING;
    }
  }

  /** The neutral type a Kusto result column of this type is read as. */
  public static ColumnType toColumnType(KustoType type) {
    switch (type) {
      case BOOL:
        return ColumnType.booleanType();
      case INT:
        return ColumnType.intType();
      case LONG:
        return ColumnType.longType();
      case REAL:
        return ColumnType.doubleType();
      case DECIMAL:
        return KUSTO_DECIMAL_READ_TYPE;
      case DATETIME:
        return ColumnType.timestampType();
      case TIMESPAN:
      case STRING:
      case GUID:
      case DYNAMIC:
      default:
        return ColumnType.stringType();
    }
  }

  /** Kusto columns for a table created from these fields, in order. */
  public static List<KustoColumn> toKustoColumns(List<TypedField> fields) {
    List<KustoColumn> columns = new ArrayList<>(fields.size());
    for (TypedField field : fields) {
      columns.add(KustoColumn.of(field.name(), toKusto(field.type())));
    }
    return columns;
  }
}
