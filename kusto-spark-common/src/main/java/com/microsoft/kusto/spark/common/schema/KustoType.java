package com.microsoft.kusto.spark.common.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kusto's scalar column types, with their CSL names ({@code .create table T (c:long)}) and the aliases Kusto
 * accepts for them ({@code int64}, {@code double}, {@code uniqueid}, {@code time}, {@code date}, ...).
 */
public enum KustoType {
  BOOL("bool", "boolean"),
  INT("int", "int32"),
  LONG("long", "int64"),
  REAL("real", "double"),
  DECIMAL("decimal"),
  DATETIME("datetime", "date"),
  TIMESPAN("timespan", "time"),
  STRING("string"),
  GUID("guid", "uniqueid", "uuid"),
  DYNAMIC("dynamic");

  private static final Map<String, KustoType> BY_NAME;

  static {
    Map<String, KustoType> names = new HashMap<>();
    for (KustoType type : values()) {
      names.put(type.cslName, type);
      for (String alias : type.aliases) {
        names.put(alias, type);
      }
    }
    // CLR type names that older result shapes and .show schema report (System.Int64, SqlDecimal, ...).
    names.put("system.boolean", BOOL);
    names.put("sbyte", BOOL);
    names.put("system.sbyte", BOOL);
    names.put("system.int32", INT);
    names.put("system.int64", LONG);
    names.put("system.double", REAL);
    names.put("system.data.sqltypes.sqldecimal", DECIMAL);
    names.put("sqldecimal", DECIMAL);
    names.put("system.datetime", DATETIME);
    names.put("system.timespan", TIMESPAN);
    names.put("system.string", STRING);
    names.put("system.guid", GUID);
    names.put("system.object", DYNAMIC);
    names.put("object", DYNAMIC);
    BY_NAME = Collections.unmodifiableMap(names);
  }

  private final String cslName;
  private final String[] aliases;

  KustoType(String cslName, String... aliases) {
    this.cslName = cslName;
    this.aliases = aliases;
  }

  /** The canonical name used in {@code .create table} and returned by {@code getschema}. */
  public String cslName() {
    return cslName;
  }

  /**
   * Parses a CSL type name or alias, case-insensitively.
   *
   * @throws IllegalArgumentException naming the unknown type and the accepted names
   */
  public static KustoType parse(String name) {
    KustoType type = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new IllegalArgumentException(
          "Unknown Kusto column type '"
              + name
              + "': expected one of bool, int, long, real, decimal, datetime, timespan, string, guid, dynamic"
              + " (or an alias such as boolean, int64, double, uniqueid, time, date)");
    }
    return type;
  }

  @Override
  public String toString() {
    return cslName;
  }
}
