package com.microsoft.kusto.spark.common.util;

/**
 * A copy of an exception (and of its causes and suppressed exceptions) whose messages went through
 * {@link Secrets#redact(String)}, with the original stack traces. For logging a failure the connector does not
 * control (a storage or SDK exception may quote a SAS URL, an account key or a header) without losing where it came
 * from: log {@code RedactedException.of(e)}, never {@code e}.
 */
public final class RedactedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 16;

  private RedactedException(Throwable original, int depth) {
    super(original.getClass().getName() + ": " + Secrets.redact(String.valueOf(original.getMessage())),
        depth >= MAX_DEPTH || original.getCause() == null || original.getCause() == original ? null
            : new RedactedException(original.getCause(), depth + 1), true, true);
    setStackTrace(original.getStackTrace());
    if (depth < MAX_DEPTH) {
      for (Throwable suppressed : original.getSuppressed()) {
        addSuppressed(new RedactedException(suppressed, depth + 1));
      }
    }
  }

  /** The redacted copy of {@code original}; {@code null} stays {@code null}. */
  public static RedactedException of(Throwable original) {
    return original == null ? null : new RedactedException(original, 0);
  }

  /** {@code "<original class>: <redacted message>"}, as stack traces print it. */
  @Override
  public String toString() {
    return getMessage();
  }
}
