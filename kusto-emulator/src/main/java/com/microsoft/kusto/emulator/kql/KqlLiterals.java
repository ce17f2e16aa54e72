package com.microsoft.kusto.emulator.kql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.kql.Expr.Literal;
import com.microsoft.kusto.emulator.store.KustoType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** Values of KQL literal tokens: numbers ({@code 1}, {@code 1.5}, {@code 0x10}) and typed literals. */
final class KqlLiterals {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

  private KqlLiterals() {}

  static Literal number(Token t) {
    String text = t.text();
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return new Literal(KustoType.LONG, Long.parseUnsignedLong(text.substring(2), 16));
      }
      if (text.contains(".") || text.contains("e") || text.contains("E")) {
        return new Literal(KustoType.REAL, Double.parseDouble(text));
      }
      return new Literal(KustoType.LONG, Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw KqlErrors.syntax("invalid number '" + text + "' at offset " + t.start());
    }
  }

  static Literal typed(Token t) {
    KustoType type = KustoType.parse(t.literalType()).orElseThrow();
    String raw = t.text().trim();
    if (raw.equals("null")) {
      return new Literal(type, null);
    }
    try {
      switch (type) {
        case BOOL:
          String b = raw.toLowerCase(Locale.ROOT);
          if (b.equals("true") || b.equals("1")) {
            return new Literal(type, true);
          }
          if (b.equals("false") || b.equals("0")) {
            return new Literal(type, false);
          }
          break;
        case INT:
          return new Literal(type, Integer.parseInt(stripPlus(raw)));
        case LONG:
          return new Literal(type, Long.parseLong(stripPlus(raw)));
        case REAL:
          return new Literal(type, realValue(raw));
        case DECIMAL:
          return new Literal(type, new BigDecimal(stripPlus(raw)));
        case DATETIME:
          return new Literal(type, KqlDatetimes.parse(raw));
        case TIMESPAN:
          return new Literal(type, KqlTimespans.parse(raw));
        case GUID:
          return new Literal(type, UUID.fromString(raw));
        case DYNAMIC:
          return new Literal(type, JSON.writeValueAsString(JSON.readTree(raw)));
        default:
          break;
      }
    } catch (JsonProcessingException e) {
      // Kusto's dynamic literals may also hold KQL values (datetime(...), timespans), which JSON cannot.
      throw KustoRequestException.unsupported(
          "dynamic literals that are not plain JSON ('dynamic(" + abbreviate(raw) + ")')");
    } catch (IllegalArgumentException e) {
      // NumberFormatException and UUID.fromString: fall through to the syntax error below
    }
    throw KqlErrors.syntax("invalid " + type.kustoName() + " literal '" + t.literalType() + "(" + raw + ")'");
  }

  private static String abbreviate(String raw) {
    return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
  }

  private static String stripPlus(String raw) {
    return raw.startsWith("+") ? raw.substring(1) : raw;
  }

  private static double realValue(String raw) {
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(raw);
    }
  }
}
