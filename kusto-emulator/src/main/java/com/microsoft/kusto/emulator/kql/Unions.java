package com.microsoft.kusto.emulator.kql;

import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code union}: the rows of every leg, as Kusto documents it. {@code kind=outer} (the default) keeps every column
 * in the order of first appearance, null where a leg lacks it; a name that appears with different types becomes one
 * column per type, named {@code name_type}. {@code kind=inner} keeps the columns every leg has. {@code withsource}
 * adds a first string column naming each row's leg.
 */
final class Unions {
  private Unions() {}

  /** One input of the union and the name {@code withsource} gives its rows. */
  record Leg(Relation relation, String sourceName) {}

  static Relation union(List<Leg> legs, boolean inner, String withSource, CteChain chain) {
    List<ColumnSchema> output = inner ? innerColumns(legs) : outerColumns(legs);
    List<ColumnSchema> columns = new ArrayList<>();
    if (withSource != null) {
      columns.add(new ColumnSchema(withSource, KustoType.STRING));
    }
    for (ColumnSchema c : output) {
      columns.add(new ColumnSchema(outputName(c, legs, inner), c.type()));
    }
    List<String> selects = new ArrayList<>();
    for (Leg leg : legs) {
      List<String> cells = new ArrayList<>();
      if (withSource != null) {
        cells.add(SqlLiterals.string(leg.sourceName()));
      }
      for (ColumnSchema c : output) {
        int index = indexOf(leg.relation().columns(), c);
        cells.add(index >= 0 ? TableSchema.sqlColumn(index) : "CAST(NULL AS " + c.type().duckDbType() + ")");
      }
      List<String> named = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        named.add(cells.get(i) + " AS " + TableSchema.sqlColumn(i));
      }
      selects.add("SELECT " + String.join(", ", named) + " FROM " + leg.relation().cte());
    }
    return chain.add(String.join(" UNION ALL ", selects), columns);
  }

  private static List<ColumnSchema> outerColumns(List<Leg> legs) {
    Map<String, ColumnSchema> seen = new LinkedHashMap<>();
    for (Leg leg : legs) {
      for (ColumnSchema c : leg.relation().columns()) {
        seen.putIfAbsent(c.name() + "\u0000" + c.type(), c);
      }
    }
    return new ArrayList<>(seen.values());
  }

  private static List<ColumnSchema> innerColumns(List<Leg> legs) {
    List<ColumnSchema> out = new ArrayList<>();
    for (ColumnSchema c : legs.get(0).relation().columns()) {
      if (legs.stream().allMatch(leg -> indexOf(leg.relation().columns(), c) >= 0)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The column's name, or {@code name_type} when the name comes with several types across the legs. */
  private static String outputName(ColumnSchema c, List<Leg> legs, boolean inner) {
    if (inner) {
      return c.name();
    }
    boolean ambiguous = legs.stream().flatMap(leg -> leg.relation().columns().stream())
        .anyMatch(other -> other.name().equals(c.name()) && other.type() != c.type());
    return ambiguous ? c.name() + "_" + c.type().kustoName() : c.name();
  }

  private static int indexOf(List<ColumnSchema> columns, ColumnSchema wanted) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(wanted.name()) && columns.get(i).type() == wanted.type()) {
        return i;
      }
    }
    return -1;
  }
}
