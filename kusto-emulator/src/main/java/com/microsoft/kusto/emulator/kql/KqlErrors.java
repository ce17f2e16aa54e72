package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;

/** Kusto-shaped errors of the KQL front end: syntax and semantic errors are permanent 400s. */
final class KqlErrors {
  static final String CODE = "General_BadRequest";

  private KqlErrors() {}

  static KustoRequestException syntax(String message) {
    return KustoRequestException.badRequest(CODE, "Syntax error: " + message);
  }

  static KustoRequestException semantic(String message) {
    return KustoRequestException.badRequest(CODE, "Semantic error: " + message);
  }
}
