package com.microsoft.kusto.emulator.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits management-command text at its top-level separators (outside string literals, brackets and braces):
 * statements at {@code ;}, the command's input at {@code <|}, and a query tail at the first {@code |}.
 */
final class CommandText {
  /** A command: its header, its {@code <|} input (or null) and its {@code | tail} (or null). */
  record Parts(String header, String input, String tail) {}

  private CommandText() {}

  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i : topLevel(text, ';')) {
      out.add(text.substring(start, i).trim());
      start = i + 1;
    }
    String last = text.substring(start).trim();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  static Parts parts(String text) {
    int input = -1;
    for (int i : topLevel(text, '<')) {
      if (i + 1 < text.length() && text.charAt(i + 1) == '|') {
        input = i;
        break;
      }
    }
    String header = input < 0 ? text : text.substring(0, input);
    for (int i : topLevel(header, '|')) {
      if (i == 0 || header.charAt(i - 1) != '<') {
        return new Parts(header.substring(0, i).trim(), null, header.substring(i + 1).trim());
      }
    }
    return new Parts(header.trim(), input < 0 ? null : text.substring(input + 2).trim(), null);
  }

  /** Positions of {@code target} outside strings, brackets, braces and parentheses. */
  static List<Integer> topLevel(String text, char target) {
    List<Integer> out = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        boolean verbatim = i > 0 && text.charAt(i - 1) == '@';
        i = skipString(text, i, verbatim);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == target && depth == 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** Index of the closing quote of the string literal opening at {@code start}. */
  static int skipString(String text, int start, boolean verbatim) {
    char quote = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!verbatim && c == '\\') {
        i++;
      } else if (c == quote) {
        if (verbatim && i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i++;
        } else {
          return i;
        }
      }
    }
    return text.length();
  }
}
