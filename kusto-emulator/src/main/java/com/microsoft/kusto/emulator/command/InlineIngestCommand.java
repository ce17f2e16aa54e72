package com.microsoft.kusto.emulator.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.KustoValues;
import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.ColumnSchema;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.Extent;
import com.microsoft.kusto.emulator.store.ExtentSpec;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code .ingest inline into table T [with (format=csv|tsv|psv, ignoreFirstRecord=true, tags='[..]',
 * ingestByTags='[..]', dropByTags='[..]', creationTime='..')] <| data}: the rows become one new extent.
 */
final class InlineIngestCommand implements CommandHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DuckDbStore store;

  InlineIngestCommand(DuckDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    CommandCursor c = inv.cursor();
    if (!(c.accept(".ingest") && c.accept("inline"))) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    c.expect("into");
    c.expect("table");
    String table = c.name();
    Map<String, String> with = c.withProperties();
    c.expectEnd();
    if (inv.parts().input() == null) {
      throw c.syntax("expected '<|' followed by the data");
    }
    TableSchema schema = store.requireTable(inv.database(), table);
    char separator = separator(with.getOrDefault("format", "csv"));
    List<List<String>> records = CsvRecords.parse(inv.parts().input(), separator);
    if (Boolean.parseBoolean(with.getOrDefault("ignorefirstrecord", "false")) && !records.isEmpty()) {
      records = records.subList(1, records.size());
    }
    List<String> tags = new ArrayList<>(jsonList(with.get("tags")));
    jsonList(with.get("ingestbytags")).forEach(t -> tags.add("ingest-by:" + t));
    jsonList(with.get("dropbytags")).forEach(t -> tags.add("drop-by:" + t));
    Instant creation = with.containsKey("creationtime") ? KustoValues.parseDatetime(with.get("creationtime")) : null;
    String select = select(schema, records);
    Extent extent = store.appendExtent(inv.database(), table, select,
        new ExtentSpec(tags, creation, inv.parts().input().getBytes(StandardCharsets.UTF_8).length));
    return Optional.of(new ResultBuilder()
        .column("ExtentId", com.microsoft.kusto.emulator.store.KustoType.GUID)
        .column("ItemLoaded", com.microsoft.kusto.emulator.store.KustoType.STRING)
        .column("Duration", com.microsoft.kusto.emulator.store.KustoType.TIMESPAN)
        .column("HasErrors", com.microsoft.kusto.emulator.store.KustoType.BOOL)
        .column("OperationId", com.microsoft.kusto.emulator.store.KustoType.GUID)
        .row(UUID.fromString(extent.id()), "inproc:" + extent.id(), Duration.ofNanos(System.nanoTime() - started),
            false, UUID.randomUUID())
        .build());
  }

  private static char separator(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> ',';
      case "tsv", "tsve" -> '\t';
      case "psv" -> '|';
      case "scsv" -> ';';
      default -> throw KustoRequestException.unsupported(
          "inline ingestion format '" + format + "' (use csv, tsv, psv or scsv)");
    };
  }

  private static String select(TableSchema schema, List<List<String>> records) {
    List<ColumnSchema> columns = schema.columns();
    StringBuilder sql = new StringBuilder();
    if (records.isEmpty()) {
      sql.append("SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(KustoValues.sqlLiteral(columns.get(i).type(), null));
      }
      return sql.append(" WHERE FALSE").toString();
    }
    sql.append("SELECT * FROM (VALUES ");
    for (int r = 0; r < records.size(); r++) {
      List<String> record = records.get(r);
      if (record.size() > columns.size()) {
        throw KustoRequestException.badRequest("BadRequest_InvalidCsvFormat", "Record " + (r + 1) + " has "
            + record.size() + " fields but table '" + schema.name() + "' has " + columns.size() + " columns");
      }
      sql.append(r == 0 ? "(" : ", (");
      for (int i = 0; i < columns.size(); i++) {
        Object value = i < record.size() ? KustoValues.parseText(columns.get(i).type(), record.get(i)) : null;
        sql.append(i == 0 ? "" : ", ").append(KustoValues.sqlLiteral(columns.get(i).type(), value));
      }
      sql.append(')');
    }
    return sql.append(")").toString();
  }

  private static List<String> jsonList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(text, new TypeReference<List<String>>() {});
    } catch (Exception e) {
      throw KustoRequestException.badRequest("General_BadRequest",
          "Tags must be a JSON array of strings such as '[\"a\",\"b\"]', got '" + text + "'");
    }
  }
}
