package com.microsoft.kusto.spark.common.error;

/**
 * The one unchecked exception type the connector throws. Every instance carries an {@link ErrorCode}; the
 * message follows the form {@code Cannot <action>: <reason>. <How to fix>} (see {@link #message}) and never
 * contains a secret.
 */
public class KustoConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  public KustoConnectorException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = requireCode(errorCode);
  }

  /**
   * @param cause must itself be free of secrets and serializable; wrap SDK exceptions before they cross from
   *     executors to the driver
   */
  public KustoConnectorException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = requireCode(errorCode);
  }

  public ErrorCode getErrorCode() {
    return errorCode;
  }

  /**
   * Builds a message in the house form {@code Cannot <action>: <reason>. <How to fix>}.
   *
   * @param action what the connector tried, e.g. {@code "read option 'writeMode'"}
   * @param reason why it failed, without trailing period
   * @param fix what the user should do; may be empty
   */
  public static String message(String action, String reason, String fix) {
    StringBuilder sb = new StringBuilder("Cannot ").append(action).append(": ").append(reason).append('.');
    if (fix != null && !fix.isEmpty()) {
      sb.append(' ').append(fix);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + errorCode.id() + "]: " + getMessage();
  }

  private static ErrorCode requireCode(ErrorCode errorCode) {
    if (errorCode == null) {
      throw new IllegalArgumentException("errorCode must not be null");
    }
    return errorCode;
  }
}
