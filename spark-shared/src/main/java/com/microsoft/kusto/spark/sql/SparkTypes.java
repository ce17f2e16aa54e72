package com.microsoft.kusto.spark.sql;

import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's types to the connector's neutral types and back. Spark types with no neutral counterpart (intervals,
 * {@code TimestampNTZ}, user-defined types) map to string, as in the established connector.
 */
public final class SparkTypes {
  private SparkTypes() {}

  public static ColumnType toNeutral(DataType type) {
    if (type instanceof StructType) {
      return ColumnType.struct(toNeutralFields((StructType) type));
    }
    if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      return ColumnType.array(toNeutral(array.elementType()), array.containsNull());
    }
    if (type instanceof MapType) {
      MapType map = (MapType) type;
      return ColumnType.map(toNeutral(map.keyType()), toNeutral(map.valueType()));
    }
    if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return ColumnType.decimal(decimal.precision(), decimal.scale());
    }
    if (type.equals(DataTypes.BooleanType)) {
      return ColumnType.booleanType();
    }
    if (type.equals(DataTypes.ByteType)) {
      return ColumnType.byteType();
    }
    if (type.equals(DataTypes.ShortType)) {
      return ColumnType.shortType();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return ColumnType.intType();
    }
    if (type.equals(DataTypes.LongType)) {
      return ColumnType.longType();
    }
    if (type.equals(DataTypes.FloatType)) {
      return ColumnType.floatType();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ColumnType.doubleType();
    }
    if (type.equals(DataTypes.BinaryType)) {
      return ColumnType.binaryType();
    }
    if (type.equals(DataTypes.DateType)) {
      return ColumnType.dateType();
    }
    if (type.equals(DataTypes.TimestampType)) {
      return ColumnType.timestampType();
    }
    if (type.equals(DataTypes.NullType)) {
      return ColumnType.nullType();
    }
    return ColumnType.stringType();
  }

  public static List<TypedField> toNeutralFields(StructType schema) {
    List<TypedField> fields = new ArrayList<>(schema.fields().length);
    for (StructField field : schema.fields()) {
      fields.add(TypedField.of(field.name(), toNeutral(field.dataType()), field.nullable()));
    }
    return fields;
  }

  public static DataType toSpark(ColumnType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case BYTE:
        return DataTypes.ByteType;
      case SHORT:
        return DataTypes.ShortType;
      case INT:
        return DataTypes.IntegerType;
      case LONG:
        return DataTypes.LongType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case DECIMAL:
        return DataTypes.createDecimalType(type.precision(), type.scale());
      case BINARY:
        return DataTypes.BinaryType;
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      case NULL:
        return DataTypes.NullType;
      case ARRAY:
        return DataTypes.createArrayType(toSpark(type.elementType()), type.containsNull());
      case MAP:
        return DataTypes.createMapType(toSpark(type.keyType()), toSpark(type.valueType()));
      case STRUCT:
        return toSparkSchema(type.fields());
      case STRING:
      default:
        return DataTypes.StringType;
    }
  }

  public static StructType toSparkSchema(List<TypedField> fields) {
    StructField[] sparkFields = new StructField[fields.size()];
    for (int i = 0; i < sparkFields.length; i++) {
      TypedField field = fields.get(i);
      sparkFields[i] =
          new StructField(field.name(), toSpark(field.type()), field.nullable(), Metadata.empty());
    }
    return new StructType(sparkFields);
  }

  /** The Spark schema of a Kusto result with these columns (every Kusto column is nullable). */
  public static StructType readSchema(List<KustoColumn> columns) {
    List<TypedField> fields = new ArrayList<>(columns.size());
    for (KustoColumn column : columns) {
      fields.add(TypedField.of(column.name(), TypeMapping.toColumnType(column.type()), true));
    }
    return toSparkSchema(fields);
  }
}
