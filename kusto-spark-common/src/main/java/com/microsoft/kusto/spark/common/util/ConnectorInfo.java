package com.microsoft.kusto.spark.common.util;

/** Name and version the connector reports to Kusto for tracing (visible in {@code .show queries}). */
public final class ConnectorInfo {
  /** Application name reported to the service, the same as the established connector's. */
  public static final String NAME = "Kusto.Spark.Connector";

  private ConnectorInfo() {}

  /**
   * The connector version from the jar manifest ({@code Implementation-Version}); {@code "dev"} when running
   * from classes that are not packaged (IDE, unit tests).
   */
  public static String version() {
    Package p = ConnectorInfo.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null || v.isEmpty() ? "dev" : v;
  }
}
