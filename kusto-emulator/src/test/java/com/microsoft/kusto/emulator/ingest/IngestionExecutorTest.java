package com.microsoft.kusto.emulator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.KustoType;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading local files of every format into a DuckDB table with Kusto's rules, mappings and properties. */
class IngestionExecutorTest {
  private static final List<ColumnSchema> ALL_TYPES =
      List.of(
          new ColumnSchema("b", KustoType.BOOL),
          new ColumnSchema("i", KustoType.INT),
          new ColumnSchema("l", KustoType.LONG),
          new ColumnSchema("r", KustoType.REAL),
          new ColumnSchema("d", KustoType.DECIMAL),
          new ColumnSchema("dt", KustoType.DATETIME),
          new ColumnSchema("ts", KustoType.TIMESPAN),
          new ColumnSchema("s", KustoType.STRING),
          new ColumnSchema("g", KustoType.GUID),
          new ColumnSchema("dyn", KustoType.DYNAMIC));

  @TempDir Path dir;
  private InMemoryExtentStore store;
  private IngestionExecutor executor;
  private TableSchema table;

  @BeforeEach
  void setUp() throws Exception {
    store = new InMemoryExtentStore();
    executor = new IngestionExecutor(store, new MappingCatalog(), source -> source.contains("poison"));
    table = store.createTable("db", "T", ALL_TYPES);
  }

  @AfterEach
  void tearDown() throws Exception {
    executor.close();
    store.close();
  }

  private List<List<String>> rows() {
    StringBuilder cols = new StringBuilder();
    for (int i = 0; i < ALL_TYPES.size(); i++) {
      cols.append(i == 0 ? "" : ", ").append("CAST(").append(TableSchema.sqlColumn(i)).append(" AS VARCHAR)");
    }
    return store.query("SELECT " + cols + " FROM " + table.sqlReference() + " ORDER BY rowid");
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Path gzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static IngestionProperties props(Map<String, String> map) {
    return IngestionProperties.fromMap(map, false);
  }

  @Test
  void csvOfEveryTypeFollowsKustoTextRules() throws IOException {
    String csv =
        "true,1,9223372036854775807,1.5,123.456,2024-01-02T03:04:05.1234567Z,1.02:03:04.5,\"a,\"\"b\"\"\","
            + "3f2504e0-4f89-11d3-9a0c-0305e82c3301,\"{\"\"a\"\":[1,2]}\"\n"
            + "0,,,,,2024-01-02 03:04:05,-00:00:01,\"\",,plain\n"
            + "1,x,,NaN,,2024-01-02T05:04:05+02:00,12345,,,\n";
    Extent extent = executor.ingest("db", "T", gzip("data.csv.gz", csv), props(Map.of("format", "csv")), "blob1");

    assertThat(extent.rowCount()).isEqualTo(3);
    assertThat(rows())
        .containsExactly(
            List.of("true", "1", "9223372036854775807", "1.5", "123.456000000000000000", "2024-01-02 03:04:05.123456",
                "937845000000", "a,\"b\"", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "{\"a\":[1,2]}"),
            java.util.Arrays.asList("false", null, null, null, null, "2024-01-02 03:04:05", "-10000000", "", null,
                "\"plain\""),
            java.util.Arrays.asList("true", null, null, "nan", null, "2024-01-02 03:04:05", "12345", "", null, null));
  }

  @Test
  void csvMappingByOrdinalWithConstantsTransformsAndIgnoredHeader() throws IOException {
    String mapping =
        "[{\"Column\":\"s\",\"Properties\":{\"Ordinal\":\"2\"}},"
            + "{\"column\":\"l\",\"datatype\":\"long\",\"Ordinal\":0},"
            + "{\"Column\":\"dt\",\"Properties\":{\"Ordinal\":\"1\",\"Transform\":\"DateTimeFromUnixSeconds\"}},"
            + "{\"Column\":\"dyn\",\"Properties\":{\"Transform\":\"SourceLocation\"}},"
            + "{\"Column\":\"i\",\"Properties\":{\"ConstValue\":\"42\"}}]";
    Path file = write("m.psv", "header|row|ignored\n7|86400|x|extra\n8|0|y\n");
    executor.ingest(
        "db", "T", file,
        props(Map.of("format", "psv", "ignoreFirstRecord", "true", "ingestionMapping", mapping,
            "ingestionMappingType", "Csv")),
        "http://host/c/blob.psv");

    assertThat(rows())
        .containsExactly(
            java.util.Arrays.asList(null, "42", "7", null, null, "1970-01-02 00:00:00", null, "x", null,
                "\"http://host/c/blob.psv\""),
            java.util.Arrays.asList(null, "42", "8", null, null, "1970-01-01 00:00:00", null, "y", null,
                "\"http://host/c/blob.psv\""));
  }

  @Test
  void mappingReferenceIsResolvedFromTheCatalog() throws IOException {
    executor
        .mappings()
        .put(table, "byName", IngestionMapping.parse(MappingKind.CSV, "[{\"Column\":\"s\",\"Properties\":{\"Ordinal\":\"1\"}}]"));
    executor.ingest("db", "T", write("r.csv", "a,b\n"), props(Map.of("ingestionMappingReference", "byName")), "x");
    assertThat(rows()).extracting(r -> r.get(7)).containsExactly("b");

    assertThatThrownBy(
            () -> executor.ingest("db", "T", write("r2.csv", "a\n"), props(Map.of("ingestionMappingReference", "nope")), "x"))
        .isInstanceOfSatisfying(
            KustoRequestException.class,
            e -> assertThat(e.code()).isEqualTo("BadRequest_MappingReferenceWasNotFound"))
        .hasMessageContaining("'nope'");
  }

  @Test
  void jsonWithAndWithoutMappingInEveryLayout() throws IOException {
    Path lines =
        write(
            "a.json",
            "{\"b\":true,\"i\":5,\"l\":6,\"r\":2.5,\"d\":\"1.25\",\"dt\":\"2024-01-02T03:04:05Z\",\"ts\":\"00:00:02\","
                + "\"s\":\"str\",\"g\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"dyn\":{\"x\":[1]}}\n{\"i\":7}\n");
    executor.ingest("db", "T", lines, props(Map.of("format", "json")), "x");
    Path array = write("b.json", "[{\"nested\":{\"v\":\"q\"},\"n\":1},\n{\"nested\":{\"v\":\"w\"},\"n\":2}]");
    String mapping =
        "[{\"columnName\":\"s\",\"columnType\":\"string\",\"properties\":{\"Path\":\"$.nested.v\"}},"
            + "{\"columnName\":\"l\",\"properties\":{\"Path\":\"$['n']\"}},"
            + "{\"columnName\":\"dyn\",\"properties\":{\"Path\":\"$\"}}]";
    executor.ingest(
        "db", "T", array, props(Map.of("format", "multijson", "ingestionMapping", mapping, "ingestionMappingType", "Json")), "x");

    List<List<String>> rows = rows();
    assertThat(rows.get(0))
        .containsExactly("true", "5", "6", "2.5", "1.250000000000000000", "2024-01-02 03:04:05", "20000000", "str",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "{\"x\":[1]}");
    assertThat(rows.get(1)).containsExactly(null, "7", null, null, null, null, null, "", null, null);
    assertThat(rows.get(2).get(2)).isEqualTo("1");
    assertThat(rows.get(2).get(7)).isEqualTo("q");
    assertThat(rows.get(3).get(9)).isEqualTo("{\"nested\":{\"v\":\"w\"},\"n\":2}");
  }

  @Test
  void parquetByColumnNameAndByMappingPath() throws IOException {
    Path file = dir.resolve("p.parquet");
    store.execute(
        "COPY (SELECT true AS b, 3 AS I, 4::BIGINT AS l, 0.5 AS r, 2.5::DECIMAL(10,2) AS d,"
            + " TIMESTAMP '2024-01-02 03:04:05.123456' AS dt, 50::BIGINT AS ts, 'x' AS s,"
            + " '3f2504e0-4f89-11d3-9a0c-0305e82c3301'::UUID AS g, {'k': 1} AS dyn, 'other' AS alt)"
            + " TO '" + file + "' (FORMAT parquet)");
    executor.ingest("db", "T", file, props(Map.of("format", "parquet")), "x");
    executor.ingest(
        "db", "T", file,
        props(Map.of("format", "parquet", "ingestionMapping", "[{\"Column\":\"s\",\"Properties\":{\"Path\":\"$.alt\"}}]",
            "ingestionMappingType", "Parquet")),
        "x");

    List<List<String>> rows = rows();
    assertThat(rows.get(0))
        .containsExactly("true", "3", "4", "0.5", "2.500000000000000000", "2024-01-02 03:04:05.123456", "50", "x",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "{\"k\":1}");
    assertThat(rows.get(1)).containsExactly(null, null, null, null, null, null, null, "other", null, null);
  }

  @Test
  void tagsCreationTimeAndIngestIfNotExists() throws IOException {
    Path file = write("t.csv", "true\n");
    Extent first =
        executor.ingest(
            "db", "T", file,
            props(Map.of("tags", "[\"ingest-by:batch1\",\"drop-by:d\",\"plain\"]", "creationTime", "2020-05-06T07:08:09Z")),
            "x");
    assertThat(first.tags()).containsExactly("ingest-by:batch1", "drop-by:d", "plain");
    assertThat(first.creationTime()).isEqualTo(Instant.parse("2020-05-06T07:08:09Z"));

    assertThatThrownBy(() -> executor.ingest("db", "T", file, props(Map.of("ingestIfNotExists", "[\"batch1\"]")), "x"))
        .isInstanceOf(IngestionSkippedException.class)
        .hasMessageContaining("ingest-by:batch1");
    executor.ingest("db", "T", file, props(Map.of("ingestIfNotExists", "[\"batch2\"]")), "x");
    assertThat(store.extents("db", "T")).hasSize(2);
  }

  @Test
  void badDataAndInjectedFailuresArePermanentErrorsWithKustoCodes() throws IOException {
    assertThatThrownBy(() -> executor.ingest("db", "T", write("bad.parquet", "not parquet"), props(Map.of("format", "parquet")), "x"))
        .isInstanceOfSatisfying(KustoRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("BadRequest_InvalidBlob");
          assertThat(e.permanent()).isTrue();
        });
    assertThatThrownBy(() -> executor.ingest("db", "T", write("empty.csv", ""), props(Map.of()), "x"))
        .isInstanceOfSatisfying(KustoRequestException.class, e -> assertThat(e.code()).isEqualTo("BadRequest_EmptyBlob"));
    assertThatThrownBy(() -> executor.ingest("db", "T", write("ok.csv", "true\n"), props(Map.of()), "http://h/c/poison.csv"))
        .isInstanceOfSatisfying(KustoRequestException.class, e -> assertThat(e.code()).isEqualTo(IngestionExecutor.INJECTED_FAILURE_CODE))
        .hasMessageContaining("poison.csv");
    assertThatThrownBy(() -> executor.ingest("db", "Missing", write("ok2.csv", "true\n"), props(Map.of()), "x"))
        .isInstanceOfSatisfying(KustoRequestException.class, e -> assertThat(e.code()).isEqualTo("BadRequest_TableNotExist"));
    assertThat(rows()).isEmpty();
  }

  @Test
  void mappingsMustFitTheFormatAndTheTable() throws IOException {
    Path csv = write("k.csv", "1\n");
    assertThatThrownBy(
            () ->
                executor.ingest(
                    "db", "T", csv,
                    props(Map.of("ingestionMapping", "[{\"Column\":\"s\",\"Properties\":{\"Path\":\"$.s\"}}]",
                        "ingestionMappingType", "Json")),
                    "x"))
        .hasMessageContaining("'Json'")
        .hasMessageContaining("'csv'");
    assertThatThrownBy(
            () -> executor.ingest("db", "T", csv, props(Map.of("ingestionMapping", "[{\"Column\":\"nope\",\"Ordinal\":0}]")), "x"))
        .hasMessageContaining("'nope'")
        .hasMessageContaining("b:bool");
    assertThatThrownBy(() -> IngestionMapping.parse(MappingKind.CSV, "[{\"Column\":\"s\"}]"))
        .hasMessageContaining("Ordinal");
    assertThat(rows()).isEmpty();
  }
}
