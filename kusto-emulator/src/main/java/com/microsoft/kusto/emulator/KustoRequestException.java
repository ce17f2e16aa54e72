package com.microsoft.kusto.emulator;

/**
 * A request the emulator refuses, answered in Kusto's OneApi error shape: HTTP status, error code (for example
 * {@code General_BadRequest}, {@code SEM0100}), message and whether retrying can help ({@code @permanent}).
 */
public class KustoRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String code;
  private final boolean permanent;

  public KustoRequestException(int httpStatus, String code, String message, boolean permanent) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
    this.permanent = permanent;
  }

  /** A permanent 400: the caller's text or arguments are wrong. */
  public static KustoRequestException badRequest(String code, String message) {
    return new KustoRequestException(400, code, message, true);
  }

  /** A permanent 400 for KQL or a command outside what the emulator supports, naming the construct. */
  public static KustoRequestException unsupported(String construct) {
    return badRequest(
        "General_BadRequest",
        "The Kusto emulator does not support " + construct + " (it would not approximate it silently)");
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  public boolean permanent() {
    return permanent;
  }
}
