package com.microsoft.kusto.emulator.faults;

/** The kinds of request faults can target. */
public enum RequestKind {
  /** {@code POST /v2/rest/query}. */
  QUERY,
  /** {@code POST /v1/rest/mgmt}. */
  MGMT,
  /** {@code POST /v1/rest/ingest/...}. */
  STREAMING_INGEST,
  /** {@code GET /v1/rest/auth/metadata}. */
  AUTH_METADATA
}
