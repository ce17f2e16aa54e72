package com.microsoft.kusto.spark.common.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A user-supplied option (or a combination of options) is missing, malformed or contradictory. Thrown on the
 * driver while the configuration is built, before any Spark job starts; catch it to report bad input.
 */
public class InvalidOptionException extends KustoConnectorException {
  private static final long serialVersionUID = 1L;

  private final List<String> optionKeys;

  /**
   * @param optionKeys the options at fault, as the user should spell them (first one is the main culprit)
   */
  public InvalidOptionException(ErrorCode errorCode, String message, String... optionKeys) {
    super(errorCode, message);
    this.optionKeys = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(optionKeys)));
  }

  /** The keys of the options at fault; never empty for errors raised by the option parser. */
  public List<String> getOptionKeys() {
    return optionKeys;
  }
}
