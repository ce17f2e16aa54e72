package com.microsoft.kusto.emulator.store;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kusto's scalar types, with the DuckDB type each is stored as. The storage representation is a contract
 * between the store, the KQL translator and the result writer: every SQL column of a stored table or of a
 * compiled query holds its Kusto type in exactly this representation.
 *
 * <ul>
 *   <li>{@code datetime}: {@code TIMESTAMP} in UTC, microseconds (Kusto's seventh fraction digit is dropped).
 *   <li>{@code timespan}: {@code BIGINT} ticks of 100 ns, so comparisons and sums are exact.
 *   <li>{@code decimal}: {@code DECIMAL(38,18)}, the precision the connector maps decimal to.
 *   <li>{@code dynamic}: DuckDB {@code JSON} text.
 * </ul>
 */
public enum KustoType {
  BOOL("bool", "Boolean", "BOOLEAN"),
  INT("int", "Int32", "INTEGER"),
  LONG("long", "Int64", "BIGINT"),
  REAL("real", "Double", "DOUBLE"),
  DECIMAL("decimal", "SqlDecimal", "DECIMAL(38,18)"),
  DATETIME("datetime", "DateTime", "TIMESTAMP"),
  TIMESPAN("timespan", "TimeSpan", "BIGINT"),
  STRING("string", "String", "VARCHAR"),
  GUID("guid", "Guid", "UUID"),
  DYNAMIC("dynamic", "Object", "JSON");

  private static final Map<String, KustoType> ALIASES =
      Map.ofEntries(
          Map.entry("bool", BOOL),
          Map.entry("boolean", BOOL),
          Map.entry("int", INT),
          Map.entry("int32", INT),
          Map.entry("long", LONG),
          Map.entry("int64", LONG),
          Map.entry("real", REAL),
          Map.entry("double", REAL),
          Map.entry("decimal", DECIMAL),
          Map.entry("sqldecimal", DECIMAL),
          Map.entry("datetime", DATETIME),
          Map.entry("date", DATETIME),
          Map.entry("timespan", TIMESPAN),
          Map.entry("time", TIMESPAN),
          Map.entry("string", STRING),
          Map.entry("guid", GUID),
          Map.entry("uniqueid", GUID),
          Map.entry("dynamic", DYNAMIC),
          Map.entry("object", DYNAMIC));

  private final String kustoName;
  private final String clrName;
  private final String duckDbType;

  KustoType(String kustoName, String clrName, String duckDbType) {
    this.kustoName = kustoName;
    this.clrName = clrName;
    this.duckDbType = duckDbType;
  }

  /** The lower-case name Kusto uses in schemas and in {@code ColumnType}, for example {@code datetime}. */
  public String kustoName() {
    return kustoName;
  }

  /** The CLR type name Kusto puts in v1 {@code DataType}, for example {@code DateTime}. */
  public String clrName() {
    return clrName;
  }

  /** The DuckDB column type this Kusto type is stored as. */
  public String duckDbType() {
    return duckDbType;
  }

  /** Parses a Kusto type name or one of its aliases ({@code boolean}, {@code int64}, {@code uniqueid}, ...). */
  public static Optional<KustoType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(ALIASES.get(name.trim().toLowerCase(Locale.ROOT)));
  }
}
