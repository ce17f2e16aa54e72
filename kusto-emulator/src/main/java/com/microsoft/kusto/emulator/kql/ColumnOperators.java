package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Operators that only select, rename or describe columns: project-away, project-rename, distinct, getschema. */
final class ColumnOperators {
  private ColumnOperators() {}

  /** project-away: names or wildcard patterns ({@code a*}); a plain name that does not exist is an error. */
  static Relation projectAway(Relation in, TabularOp.ProjectAway away, CteChain chain) {
    boolean[] removed = new boolean[in.columns().size()];
    for (String pattern : away.patterns()) {
      boolean wildcard = pattern.contains("*");
      Pattern regex = Pattern.compile(globToRegex(pattern));
      boolean matched = false;
      for (int i = 0; i < removed.length; i++) {
        if (regex.matcher(in.columns().get(i).name()).matches()) {
          removed[i] = true;
          matched = true;
        }
      }
      if (!matched && !wildcard) {
        throw unknownColumn(pattern, in);
      }
    }
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    for (int i = 0; i < removed.length; i++) {
      if (!removed[i]) {
        columns.add(in.columns().get(i));
        values.add(TypedSql.of(TableSchema.sqlColumn(i), in.columns().get(i).type()));
      }
    }
    if (values.isEmpty()) {
      throw KqlErrors.semantic("'project-away' would remove every column; keep at least one");
    }
    return chain.add("SELECT " + CteChain.projections(values) + " FROM " + in.cte(), columns);
  }

  private static String globToRegex(String glob) {
    List<String> parts = new ArrayList<>();
    for (String part : glob.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return String.join(".*", parts);
  }

  static Relation projectRename(Relation in, TabularOp.ProjectRename rename, CteChain chain) {
    List<ColumnSchema> columns = new ArrayList<>(in.columns());
    for (String[] pair : rename.renames()) {
      String newName = pair[0];
      String oldName = pair[1];
      int index = PipelineTranslator.indexOf(in.columns(), oldName);
      if (index < 0) {
        throw unknownColumn(oldName, in);
      }
      int clash = PipelineTranslator.indexOf(columns, newName);
      if (clash >= 0 && clash != index) {
        throw KqlErrors.semantic("A column with the name '" + newName + "' is already declared");
      }
      columns.set(index, new ColumnSchema(newName, columns.get(index).type()));
    }
    return chain.add("SELECT * FROM " + in.cte(), columns);
  }

  /** distinct takes column names (or *), as in Kusto. */
  static Relation distinct(Relation in, TabularOp.Distinct distinct, CteChain chain) {
    if (distinct.columns().isEmpty()) {
      return chain.add("SELECT DISTINCT * FROM " + in.cte(), in.columns());
    }
    List<ColumnSchema> columns = new ArrayList<>();
    List<TypedSql> values = new ArrayList<>();
    ColumnNames names = new ColumnNames();
    for (Expr e : distinct.columns()) {
      if (!(e instanceof Expr.Name n)) {
        throw KustoRequestException.unsupported("expressions in 'distinct' (only column names or *)");
      }
      int index = PipelineTranslator.indexOf(in.columns(), n.name());
      if (index < 0) {
        throw unknownColumn(n.name(), in);
      }
      ColumnSchema c = in.columns().get(index);
      columns.add(new ColumnSchema(names.explicit(c.name()), c.type()));
      values.add(TypedSql.of(TableSchema.sqlColumn(index), c.type()));
    }
    return chain.add("SELECT DISTINCT " + CteChain.projections(values) + " FROM " + in.cte(), columns);
  }

  /**
   * getschema: ColumnName, ColumnOrdinal, DataType (the CLR type name; Kusto stores bool as System.SByte and
   * decimal as System.Data.SqlTypes.SqlDecimal) and ColumnType (the Kusto type name).
   */
  static Relation getSchema(Relation in, CteChain chain) {
    List<ColumnSchema> columns =
        List.of(
            new ColumnSchema("ColumnName", KustoType.STRING),
            new ColumnSchema("ColumnOrdinal", KustoType.LONG),
            new ColumnSchema("DataType", KustoType.STRING),
            new ColumnSchema("ColumnType", KustoType.STRING));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      ColumnSchema c = in.columns().get(i);
      rows.add("(" + SqlLiterals.string(c.name()) + ", CAST(" + i + " AS BIGINT), "
          + SqlLiterals.string(dataType(c.type())) + ", " + SqlLiterals.string(c.type().kustoName()) + ")");
    }
    String sql = rows.isEmpty()
        ? "SELECT CAST(NULL AS VARCHAR) AS c0, CAST(NULL AS BIGINT) AS c1, CAST(NULL AS VARCHAR) AS c2,"
            + " CAST(NULL AS VARCHAR) AS c3 WHERE FALSE"
        : "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS s(" + CteChain.columnList(4) + ")";
    return chain.add(sql, columns);
  }

  static String dataType(KustoType type) {
    return switch (type) {
      case BOOL -> "System.SByte";
      case DECIMAL -> "System.Data.SqlTypes.SqlDecimal";
      default -> "System." + type.clrName();
    };
  }

  private static KustoRequestException unknownColumn(String name, Relation in) {
    List<String> names = new ArrayList<>();
    for (ColumnSchema c : in.columns()) {
      names.add(c.name());
    }
    return KqlErrors.semantic("Failed to resolve column named '" + name + "' (names are case-sensitive); available"
        + " columns: " + names);
  }
}
