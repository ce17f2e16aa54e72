package com.microsoft.kusto.spark.common.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A neutral column type: what the adapters translate Spark's {@code DataType} into, so type mapping and CSV
 * encoding live in Spark-free code. Immutable; primitive types are shared constants.
 */
public final class ColumnType {
  /** Kusto's decimal has up to 38 digits; reads map it to Spark's system default decimal(38,18). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private static final ColumnType BOOLEAN = new ColumnType(TypeKind.BOOLEAN);
  private static final ColumnType BYTE = new ColumnType(TypeKind.BYTE);
  private static final ColumnType SHORT = new ColumnType(TypeKind.SHORT);
  private static final ColumnType INT = new ColumnType(TypeKind.INT);
  private static final ColumnType LONG = new ColumnType(TypeKind.LONG);
  private static final ColumnType FLOAT = new ColumnType(TypeKind.FLOAT);
  private static final ColumnType DOUBLE = new ColumnType(TypeKind.DOUBLE);
  private static final ColumnType STRING = new ColumnType(TypeKind.STRING);
  private static final ColumnType BINARY = new ColumnType(TypeKind.BINARY);
  private static final ColumnType DATE = new ColumnType(TypeKind.DATE);
  private static final ColumnType TIMESTAMP = new ColumnType(TypeKind.TIMESTAMP);
  private static final ColumnType NULL = new ColumnType(TypeKind.NULL);

  private final TypeKind kind;
  private final int precision;
  private final int scale;
  private final List<TypedField> fields;
  private final ColumnType elementType;
  private final boolean containsNull;
  private final ColumnType keyType;
  private final ColumnType valueType;

  private ColumnType(TypeKind kind) {
    this(kind, 0, 0, Collections.<TypedField>emptyList(), null, false, null, null);
  }

  private ColumnType(
      TypeKind kind,
      int precision,
      int scale,
      List<TypedField> fields,
      ColumnType elementType,
      boolean containsNull,
      ColumnType keyType,
      ColumnType valueType) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.fields = fields;
    this.elementType = elementType;
    this.containsNull = containsNull;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  public static ColumnType booleanType() {
    return BOOLEAN;
  }

  public static ColumnType byteType() {
    return BYTE;
  }

  public static ColumnType shortType() {
    return SHORT;
  }

  public static ColumnType intType() {
    return INT;
  }

  public static ColumnType longType() {
    return LONG;
  }

  public static ColumnType floatType() {
    return FLOAT;
  }

  public static ColumnType doubleType() {
    return DOUBLE;
  }

  public static ColumnType stringType() {
    return STRING;
  }

  public static ColumnType binaryType() {
    return BINARY;
  }

  public static ColumnType dateType() {
    return DATE;
  }

  /** Microseconds since the epoch, UTC (Spark's TimestampType). */
  public static ColumnType timestampType() {
    return TIMESTAMP;
  }

  public static ColumnType nullType() {
    return NULL;
  }

  /**
   * @throws IllegalArgumentException when precision is outside 1..38 or scale outside 0..precision
   */
  public static ColumnType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "Invalid decimal("
              + precision
              + ","
              + scale
              + "): precision must be 1.."
              + MAX_DECIMAL_PRECISION
              + " and scale 0..precision");
    }
    return new ColumnType(TypeKind.DECIMAL, precision, scale, Collections.<TypedField>emptyList(), null, false, null, null);
  }

  public static ColumnType struct(List<TypedField> fields) {
    List<TypedField> copy = Collections.unmodifiableList(new ArrayList<>(fields));
    return new ColumnType(TypeKind.STRUCT, 0, 0, copy, null, false, null, null);
  }

  public static ColumnType array(ColumnType elementType, boolean containsNull) {
    Objects.requireNonNull(elementType, "elementType");
    return new ColumnType(TypeKind.ARRAY, 0, 0, Collections.<TypedField>emptyList(), elementType, containsNull, null, null);
  }

  public static ColumnType map(ColumnType keyType, ColumnType valueType) {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    return new ColumnType(TypeKind.MAP, 0, 0, Collections.<TypedField>emptyList(), null, false, keyType, valueType);
  }

  public TypeKind kind() {
    return kind;
  }

  /** Decimal precision; 0 for other kinds. */
  public int precision() {
    return precision;
  }

  /** Decimal scale; 0 for other kinds. */
  public int scale() {
    return scale;
  }

  /** Struct fields in order; empty for other kinds. */
  public List<TypedField> fields() {
    return fields;
  }

  /** Array element type; null for other kinds. */
  public ColumnType elementType() {
    return elementType;
  }

  public boolean containsNull() {
    return containsNull;
  }

  /** Map key type; null for other kinds. */
  public ColumnType keyType() {
    return keyType;
  }

  /** Map value type; null for other kinds. */
  public ColumnType valueType() {
    return valueType;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ColumnType)) {
      return false;
    }
    ColumnType other = (ColumnType) o;
    return kind == other.kind
        && precision == other.precision
        && scale == other.scale
        && containsNull == other.containsNull
        && fields.equals(other.fields)
        && Objects.equals(elementType, other.elementType)
        && Objects.equals(keyType, other.keyType)
        && Objects.equals(valueType, other.valueType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, fields, elementType, containsNull, keyType, valueType);
  }

  @Override
  public String toString() {
    switch (kind) {
      case DECIMAL:
        return "decimal(" + precision + "," + scale + ")";
      case STRUCT:
        return "struct" + fields;
      case ARRAY:
        return "array<" + elementType + ">";
      case MAP:
        return "map<" + keyType + "," + valueType + ">";
      default:
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
