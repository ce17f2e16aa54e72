package com.microsoft.kusto.emulator.server;

import com.microsoft.kusto.emulator.result.ResultTable;
import java.io.InputStream;
import java.util.Map;

/**
 * Handles {@code POST /v1/rest/ingest/{db}/{table}?streamFormat=..[&mappingName=..][&sourceKind=uri]}
 * (implemented by the ingestion package). The body is as sent (possibly gzip: sniff it, do not trust headers).
 */
@FunctionalInterface
public interface StreamingIngestHandler {
  ResultTable ingest(String database, String table, Map<String, String> queryParameters, InputStream body,
      RequestContext ctx);
}
