package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import org.apache.spark.sql.connector.read.InputPartition;

/** Single mode: the one partition whose reader runs the query on an executor and streams its result. */
final class KustoQueryPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final ConnectionConfig connection;
  final String kql;

  KustoQueryPartition(ConnectionConfig connection, String kql) {
    this.connection = connection;
    this.kql = kql;
  }
}
