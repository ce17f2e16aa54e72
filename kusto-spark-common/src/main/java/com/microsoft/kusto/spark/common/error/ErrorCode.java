package com.microsoft.kusto.spark.common.error;

/**
 * Stable identifiers of the connector's failure kinds. The id ({@code KSC-nnnn}) is part of the public
 * contract: users search for it and may match on it, so an id is never reused or renumbered.
 */
public enum ErrorCode {
  /** A required option is absent or blank. */
  MISSING_REQUIRED_OPTION("KSC-0001"),
  /** An option value cannot be parsed or is outside its allowed range or set. */
  INVALID_OPTION_VALUE("KSC-0002"),
  /** Two options that exclude each other were both given. */
  CONFLICTING_OPTIONS("KSC-0003"),
  /** A JSON-valued option is not valid JSON or does not match its model. */
  INVALID_JSON_OPTION("KSC-0004"),
  /** The cluster or ingestion endpoint cannot be turned into a usable URL. */
  INVALID_CLUSTER_URL("KSC-0005"),
  /** A management command (text starting with a dot) was given where a query is expected. */
  COMMAND_NOT_ALLOWED("KSC-0006"),
  /** The credentials options do not describe one usable authentication method. */
  INVALID_AUTHENTICATION("KSC-0010"),
  /** The user's token-provider callback class could not be loaded, built, called or serialized. */
  TOKEN_PROVIDER_FAILED("KSC-0011"),
  /** The application certificate file cannot be read or holds no private key. */
  CERTIFICATE_UNREADABLE("KSC-0012"),
  /** The requested feature exists in the established connector but is not supported here. */
  UNSUPPORTED_FEATURE("KSC-0013"),
  /** A request to the Kusto service failed. */
  KUSTO_REQUEST_FAILED("KSC-0100"),
  /** An operation did not finish within the configured time limit. */
  TIMEOUT("KSC-0101"),
  /** Throttling or a transient failure outlasted the retry budget ({@code requestRetryTimeout}). */
  RETRIES_EXHAUSTED("KSC-0102"),
  /** The DataFrame schema and the Kusto table schema do not match as required. */
  SCHEMA_MISMATCH("KSC-0200"),
  /** Ingestion of one or more blobs failed. */
  INGESTION_FAILED("KSC-0300"),
  /** An export of query results to transient storage failed. */
  EXPORT_FAILED("KSC-0400"),
  /** A condition that indicates a bug in the connector. */
  INTERNAL_ERROR("KSC-9999");

  private final String id;

  ErrorCode(String id) {
    this.id = id;
  }

  /** The stable public identifier, for example {@code KSC-0002}. */
  public String id() {
    return id;
  }
}
