package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.KustoType;

/**
 * A translated scalar expression: DuckDB SQL yielding the storage representation of its Kusto type. {@code
 * constant} keeps the value when the expression is a literal, for operators that need constants (has, take).
 */
record TypedSql(String sql, KustoType type, Expr.Literal constant) {
  static TypedSql of(String sql, KustoType type) {
    return new TypedSql(sql, type, null);
  }

  boolean isConstant() {
    return constant != null;
  }

  /** The SQL wrapped in parentheses, safe to embed in a larger expression. */
  String p() {
    return "(" + sql + ")";
  }
}
