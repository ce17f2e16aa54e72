package com.microsoft.kusto.spark.common.schema.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent RFC 4180 reader for the round-trip tests, with Kusto's null rule: an empty unquoted field is null,
 * {@code ""} is the empty string. Rows end at {@code \n} outside quotes.
 */
final class TinyCsvReader {
  private TinyCsvReader() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (field.length() > 0) {
          throw new IllegalStateException("quote inside an unquoted field at " + i);
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\n') {
        row.add(field.length() == 0 && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c == '\n') {
          rows.add(row);
          row = new ArrayList<>();
        }
      } else if (c == '\r') {
        throw new IllegalStateException("bare CR outside quotes at " + i);
      } else {
        if (wasQuoted) {
          throw new IllegalStateException("text after a closing quote at " + i);
        }
        field.append(c);
      }
      i++;
    }
    if (quoted || field.length() > 0 || !row.isEmpty()) {
      throw new IllegalStateException("unterminated last row");
    }
    return rows;
  }
}
