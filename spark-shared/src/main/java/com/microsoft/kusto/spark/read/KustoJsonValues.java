package com.microsoft.kusto.spark.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.microsoft.kusto.spark.common.schema.KustoTimespan;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;

/**
 * Decodes one cell of a Kusto v2 JSON result, at the parser's current token, into the canonical form of
 * {@link SparkValueConverter}. The parser is left on the cell's last token.
 */
final class KustoJsonValues {
  private KustoJsonValues() {}

  static Object read(JsonParser parser, KustoType type, JsonFactory factory) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (type) {
      case BOOL:
        if (token == JsonToken.VALUE_NUMBER_INT) {
          return parser.getIntValue() != 0;
        }
        return parser.getBooleanValue();
      case INT:
        return parser.getIntValue();
      case LONG:
        return parser.getLongValue();
      case REAL:
        return token == JsonToken.VALUE_STRING ? parseReal(parser.getText()) : parser.getDoubleValue();
      case DECIMAL:
        return token == JsonToken.VALUE_STRING ? new BigDecimal(parser.getText().trim()) : parser.getDecimalValue();
      case DATETIME:
        return DatetimeText.parseToMicros(parser.getText());
      case TIMESPAN:
        return KustoTimespan.parseToTicks(parser.getText());
      case DYNAMIC:
        return compactJson(parser, factory);
      case STRING:
      case GUID:
      default:
        return parser.getText();
    }
  }

  /** Kusto writes non-finite reals as the strings {@code NaN}, {@code Infinity} and {@code -Infinity}. */
  private static double parseReal(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(text);
    }
  }

  /** The value at the current token (scalar, object or array) as compact JSON text. */
  private static String compactJson(JsonParser parser, JsonFactory factory) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }
}
