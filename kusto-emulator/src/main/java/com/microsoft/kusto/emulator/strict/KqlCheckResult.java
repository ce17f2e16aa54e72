package com.microsoft.kusto.emulator.strict;

import java.util.List;
import java.util.stream.Collectors;

/** What Microsoft's KQL parser said about one text: its kind (Query, Command, ...) and its diagnostics. */
public record KqlCheckResult(String text, String kind, List<KqlDiagnostic> diagnostics) {
  public KqlCheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<KqlDiagnostic> errors() {
    return diagnostics.stream().filter(KqlDiagnostic::isError).collect(Collectors.toList());
  }

  public boolean isValid() {
    return errors().isEmpty();
  }

  /** All errors on one line each, with the offending text quoted. */
  public String describeErrors() {
    return errors().stream().map(d -> d.describe(text)).collect(Collectors.joining("; "));
  }
}
