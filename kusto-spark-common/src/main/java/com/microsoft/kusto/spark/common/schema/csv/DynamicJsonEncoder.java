package com.microsoft.kusto.spark.common.schema.csv;

import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.TypeKind;
import java.util.Base64;
import java.util.List;

/**
 * Renders nested values as JSON text for Kusto {@code dynamic} columns.
 *
 * <ul>
 *   <li>struct: object with every field in order, null fields as {@code null};
 *   <li>array: array, null elements as {@code null};
 *   <li>map: object; keys of any type become JSON strings (a string key as is, others in their text form, nested keys
 *       as their JSON text), null values as {@code null};
 *   <li>numbers as JSON numbers (decimals plain, exact); NaN and infinities, which JSON cannot hold, as the strings
 *       {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 *   <li>binary as a Base64 string, dates and timestamps as UTC ISO-8601 strings.
 * </ul>
 *
 * Strings use JSON escapes ({@code \"}, {@code \\}, {@code \n}..., {@code \}{@code u00XX} for other control
 * characters and for unpaired surrogates). Stateless; one instance may be reused.
 */
public final class DynamicJsonEncoder {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final char[] scratch = new char[KustoDatetime.MICROS_TEXT_LENGTH];

  /** Appends the JSON for {@code container[ordinal]} of the given type (which may be null) to {@code out}. */
  public void encode(ColumnType type, IndexedValues container, int ordinal, StringBuilder out) {
    if (container.isNullAt(ordinal)) {
      out.append("null");
      return;
    }
    switch (type.kind()) {
      case BOOLEAN:
        out.append(container.getBoolean(ordinal));
        break;
      case BYTE:
        out.append(container.getByte(ordinal));
        break;
      case SHORT:
        out.append(container.getShort(ordinal));
        break;
      case INT:
        out.append(container.getInt(ordinal));
        break;
      case LONG:
        out.append(container.getLong(ordinal));
        break;
      case FLOAT:
        appendFloating(container.getFloat(ordinal), Float.toString(container.getFloat(ordinal)), out);
        break;
      case DOUBLE:
        appendFloating(container.getDouble(ordinal), Double.toString(container.getDouble(ordinal)), out);
        break;
      case DECIMAL:
        out.append(container.getDecimal(ordinal, type.precision(), type.scale()).toPlainString());
        break;
      case STRING:
        appendString(container.getString(ordinal), out);
        break;
      case BINARY:
        appendString(Base64.getEncoder().encodeToString(container.getBinary(ordinal)), out);
        break;
      case DATE:
        out.append('"');
        out.append(scratch, 0, KustoDatetime.writeDate(container.getInt(ordinal), scratch, 0));
        out.append('"');
        break;
      case TIMESTAMP:
        out.append('"');
        out.append(scratch, 0, KustoDatetime.writeMicros(container.getLong(ordinal), scratch, 0, 6));
        out.append('"');
        break;
      case STRUCT:
        appendStruct(type.fields(), container.getStruct(ordinal, type.fields().size()), out);
        break;
      case ARRAY:
        appendArray(type.elementType(), container.getArray(ordinal), out);
        break;
      case MAP:
        appendMap(type, container.getMap(ordinal), out);
        break;
      case NULL:
      default:
        out.append("null");
        break;
    }
  }

  private void appendStruct(List<TypedField> fields, StructAccessor struct, StringBuilder out) {
    out.append('{');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(fields.get(i).name(), out);
      out.append(':');
      encode(fields.get(i).type(), struct, i, out);
    }
    out.append('}');
  }

  private void appendArray(ColumnType elementType, ArrayAccessor array, StringBuilder out) {
    out.append('[');
    for (int i = 0, n = array.numElements(); i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      encode(elementType, array, i, out);
    }
    out.append(']');
  }

  private void appendMap(ColumnType type, MapAccessor map, StringBuilder out) {
    ArrayAccessor keys = map.keyArray();
    ArrayAccessor values = map.valueArray();
    out.append('{');
    for (int i = 0, n = map.numElements(); i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendKey(type.keyType(), keys, i, out);
      out.append(':');
      encode(type.valueType(), values, i, out);
    }
    out.append('}');
  }

  private void appendKey(ColumnType keyType, ArrayAccessor keys, int i, StringBuilder out) {
    if (keyType.kind() == TypeKind.STRING && !keys.isNullAt(i)) {
      appendString(keys.getString(i), out);
      return;
    }
    // Render the key as JSON; a quoted scalar (date, binary...) is already a valid key, anything else becomes a string.
    StringBuilder text = new StringBuilder();
    encode(keyType, keys, i, text);
    boolean quotedScalar = text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"';
    if (quotedScalar && isScalar(keyType)) {
      out.append(text);
    } else {
      appendString(text.toString(), out);
    }
  }

  private static boolean isScalar(ColumnType type) {
    switch (type.kind()) {
      case STRUCT:
      case ARRAY:
      case MAP:
        return false;
      default:
        return true;
    }
  }

  private static void appendFloating(double value, String text, StringBuilder out) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append('"').append(text).append('"');
    } else {
      out.append(text);
    }
  }

  /** Appends a JSON string literal. */
  public static void appendString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f || isUnpairedSurrogate(value, i, c)) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isUnpairedSurrogate(String value, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }
}
