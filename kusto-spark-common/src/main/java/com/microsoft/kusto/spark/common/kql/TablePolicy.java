package com.microsoft.kusto.spark.common.kql;

/** Table-level policies the connector sets or copies, with their names in management commands. */
public enum TablePolicy {
  RETENTION("retention"),
  AUTO_DELETE("auto_delete"),
  MERGE("merge"),
  INGESTION_BATCHING("ingestionbatching"),
  STREAMING_INGESTION("streamingingestion");

  private final String commandName;

  TablePolicy(String commandName) {
    this.commandName = commandName;
  }

  /** The policy's name in {@code .alter table T policy <name>}. */
  public String commandName() {
    return commandName;
  }
}
