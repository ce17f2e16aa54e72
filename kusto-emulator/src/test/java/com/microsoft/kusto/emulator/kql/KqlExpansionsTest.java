package com.microsoft.kusto.emulator.kql;

import static com.microsoft.kusto.emulator.kql.KqlTestDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.kql.KqlTestDatabase.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mv-expand, mv-apply, union and the dynamic functions other clients' generated queries use. Every query passes
 * Microsoft's parser and its result schema is the one Microsoft's language service infers ({@link
 * KqlTestDatabase#run}); values follow Kusto's documented semantics.
 */
class KqlExpansionsTest {
  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
    db.createTable("Tags", "id:int, tags:string, bag:dynamic",
        "(1, 'drop-by:a' || chr(13) || chr(10) || 'ingest-by:x', '{\"k\":1,\"m\":[2,3]}')",
        "(2, '', '{}')",
        "(3, 'ingest-by:y', NULL)");
    db.createTable("U", "s:string, extra:long", "('u1', 7)");
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void mvExpandArraysBagsNullsAndEmptyValuesAsKustoDocuments() {
    Result r = db.run("datatable(a:int, d:dynamic)[1, dynamic([10, 20]), 2, dynamic([]), 3, dynamic(null),"
        + " 4, dynamic({\"x\": 1, \"y\": 2}), 5, dynamic(7)] | mv-expand d");
    assertThat(r.schema()).containsExactly("a:int", "d:dynamic");
    assertThat(r.rows()).containsExactlyInAnyOrder(row(1, "10"), row(1, "20"), row(3, null), row(4, "{\"x\":1}"),
        row(4, "{\"y\":2}"), row(5, "7"));
  }

  @Test
  void mvExpandTypedWithItemIndexLimitAndParallelColumns() {
    Result typed = db.run("print d = dynamic([\"a\", \"b\", \"c\"]) | mv-expand with_itemindex = i d to typeof(string)"
        + " limit 2");
    assertThat(typed.schema()).containsExactly("d:string", "i:long");
    assertThat(typed.rows()).containsExactlyInAnyOrder(row("a", 0L), row("b", 1L));

    Result parallel = db.run("print a = dynamic([1, 2, 3]), b = dynamic([\"x\"]) | mv-expand a to typeof(long), b");
    assertThat(parallel.rows()).containsExactlyInAnyOrder(row(1L, "\"x\""), row(2L, null), row(3L, null));

    Result arrays = db.run("print d = dynamic({\"k\": 5}) | mv-expand kind=array d");
    assertThat(arrays.rows()).containsExactly(row("[\"k\",5]"));
  }

  @Test
  void mvExpandOfANamedExpressionAddsAColumn() {
    Result r = db.run("Tags | where id == 1 | mv-expand t = split(tags, '\\r\\n') to typeof(string) | project id, t");
    assertThat(r.rows()).containsExactlyInAnyOrder(row(1, "drop-by:a"), row(1, "ingest-by:x"));
  }

  @Test
  void theSchemaProbeOfOtherConnectorsExpandsOrderedColumns() {
    Result r = db.run("print Schema = '{\"OrderedColumns\":[{\"Name\":\"a\",\"CslType\":\"int\"},"
        + "{\"Name\":\"b\",\"CslType\":\"string\"}]}'"
        + " | project ColumnsJson = todynamic(Schema).OrderedColumns | mv-expand ColumnsJson"
        + " | project ColumnName = tostring(ColumnsJson.Name), ColumnType = tostring(ColumnsJson.CslType)");
    assertThat(r.rows()).containsExactlyInAnyOrder(row("a", "int"), row("b", "string"));
  }

  @Test
  void mvApplyRunsTheSubqueryPerRowAndAddsTheOtherColumns() {
    Result tags = db.run("Tags | mv-apply Tag = split(tags, '\\r\\n') to typeof(string) on"
        + " (where Tag startswith 'ingest-by:' | project Tag = substring(Tag, 10))");
    assertThat(tags.schema()).containsExactly("id:int", "tags:string", "bag:dynamic", "Tag:string");
    assertThat(tags.rows()).extracting(row -> row.get(0) + "=" + row.get(3)).containsExactlyInAnyOrder("1=x", "3=y");

    Result top = db.run("datatable(k:string, m:dynamic)['a', dynamic([3, 9, 5]), 'b', dynamic([1])]"
        + " | mv-apply m to typeof(long) on (top 2 by m desc)");
    assertThat(top.schema()).containsExactly("k:string", "m:long");
    assertThat(top.rows()).containsExactlyInAnyOrder(row("a", 9L), row("a", 5L), row("b", 1L));

    Result perRow = db.run("datatable(k:string, m:dynamic)['a', dynamic([3, 9]), 'b', dynamic([1])]"
        + " | mv-apply with_itemindex = i m to typeof(long) on (summarize total = sum(m), n = count())");
    assertThat(perRow.schema()).containsExactly("k:string", "total:long", "n:long");
    assertThat(perRow.rows()).containsExactlyInAnyOrder(row("a", 12L, 2L), row("b", 1L, 1L));
  }

  @Test
  void dynamicFunctionsAndListAggregates() {
    assertThat(db.value("print array_length(dynamic([1, 2, 3]))")).isEqualTo(3L);
    assertThat(db.value("print array_length(parse_json('{\"a\": 1}'))")).isNull();
    assertThat(db.value("print tostring(bag_keys(dynamic({\"a\": 1, \"b\": 2})))")).isEqualTo("[\"a\",\"b\"]");
    assertThat(db.value("print tostring(split('a,b,,c', ','))")).isEqualTo("[\"a\",\"b\",\"\",\"c\"]");
    assertThat(db.value("print tostring(split('a,b', ',', 1))")).isEqualTo("[\"b\"]");
    assertThat(db.value("print tostring(split('a,b', ',', 5))")).isEqualTo("[]");
    Result lists = db.run("T | where isnotnull(n) | summarize make_list(n), make_set(b), capped = make_list(s, 2)");
    assertThat(lists.schema()).containsExactly("list_n:dynamic", "set_b:dynamic", "capped:dynamic");
    assertThat((String) lists.rows().get(0).get(0)).matches("\\[[0-9,]+\\]").contains("1", "2", "3", "5");
    assertThat(db.value("T | where n == 100 | summarize make_list(n)")).isEqualTo("[]");
  }

  @Test
  void unionOuterInnerAndWithSource() {
    Result outer = db.run("union withsource = Source (T | where n == 1 | project s, n), U");
    assertThat(outer.schema()).containsExactly("Source:string", "s:string", "n:int", "extra:long");
    assertThat(outer.rows()).containsExactlyInAnyOrder(row("union_arg0", "North America", 1, null),
        row("U", "u1", null, 7L));

    // Microsoft's language service infers the outer schema for kind=inner too; the documented result has only the
    // columns every leg has, so this one is checked against the documentation, not the language service.
    String innerQuery = "union kind=inner (T | where n == 2 | project s, n), U";
    KqlTestDatabase.assertValidKql(innerQuery);
    Result inner = db.execute(db.engine().compile(KqlTestDatabase.DB, innerQuery, java.util.Map.of()));
    assertThat(inner.schema()).containsExactly("s:string");
    assertThat(inner.rows()).containsExactlyInAnyOrder(row("south-america"), row("u1"));

    Result clash = db.run("union (print x = 1), (print x = 'a')");
    assertThat(clash.schema()).containsExactly("x_long:long", "x_string:string");
  }

  @Test
  void expandingAValueThatIsNotDynamicNamesTheFix() {
    assertThatThrownBy(() -> db.engine().compile(KqlTestDatabase.DB, "print s = 'a' | mv-expand s", java.util.Map.of()))
        .hasMessageContaining("is a string").hasMessageContaining("todynamic");
  }
}
