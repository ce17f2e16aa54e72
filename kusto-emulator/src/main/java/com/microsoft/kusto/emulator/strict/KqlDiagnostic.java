package com.microsoft.kusto.emulator.strict;

/** One diagnostic from Microsoft's KQL parser: severity, code (for example {@code KS005}), message and span. */
public record KqlDiagnostic(String severity, String code, String message, int start, int length) {
  public boolean isError() {
    return "Error".equalsIgnoreCase(severity);
  }

  /** The diagnostic with the offending text quoted, for error messages. */
  public String describe(String text) {
    int from = Math.max(0, Math.min(start, text.length()));
    int to = Math.max(from, Math.min(from + Math.max(length, 0), text.length()));
    return code + " at " + start + ": " + message + (to > from ? " [" + text.substring(from, to) + "]" : "");
  }
}
