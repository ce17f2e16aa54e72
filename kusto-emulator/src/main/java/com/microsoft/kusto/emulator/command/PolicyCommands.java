package com.microsoft.kusto.emulator.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.result.ResultBuilder;
import com.microsoft.kusto.emulator.result.ResultTable;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.KustoType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table policies the connector sets: {@code .alter table T policy <kind> <json>|enable|disable},
 * {@code .alter-merge table T policy <kind> <json>}, {@code .delete table T policy <kind>},
 * {@code .show table T policy <kind>}. Policies are stored and shown; only the IngestionTime policy changes the
 * emulator's behaviour: on by default, as in Kusto ({@code .alter table T policy ingestiontime true}), off after
 * {@code .delete table T policy ingestiontime}, when {@code ingestion_time()} is null and the cursor functions refuse
 * the table.
 */
final class PolicyCommands implements CommandHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NAMES = Map.of(
      "ingestionbatching", "IngestionBatchingPolicy",
      "retention", "RetentionPolicy",
      "auto_delete", "AutoDeletePolicy",
      "merge", "ExtentsMergePolicy",
      "streamingingestion", "StreamingIngestionPolicy",
      "ingestiontime", "IngestionTimePolicy");

  private final DuckDbStore store;

  PolicyCommands(DuckDbStore store) {
    this.store = store;
  }

  @Override
  public Optional<ResultTable> handle(Invocation inv) {
    String db = inv.database();
    CommandCursor c = inv.cursor();
    boolean alter = c.accept(".alter");
    boolean merge = !alter && c.accept(".alter-merge");
    if (alter || merge) {
      if (!c.accept("table")) {
        return Optional.empty();
      }
      String table = c.name();
      if (!c.accept("policy")) {
        return Optional.empty();
      }
      String kind = kind(c);
      String policy;
      if (kind.equals("ingestiontime") && !merge && c.accept("true")) {
        policy = "{\"IsEnabled\":true}";
      } else if (!merge && c.accept("enable")) {
        policy = "{\"IsEnabled\":true,\"HintAllocatedRate\":null}";
      } else if (!merge && c.accept("disable")) {
        policy = "{\"IsEnabled\":false,\"HintAllocatedRate\":null}";
      } else {
        policy = parse(kind, c.joinedString()).toString();
      }
      c.expectEnd();
      store.requireTable(db, table);
      if (merge) {
        ObjectNode merged = store.policy(db, table, kind).map(p -> (ObjectNode) parse(kind, p))
            .orElseGet(JSON::createObjectNode);
        merged.setAll((ObjectNode) parse(kind, policy));
        policy = merged.toString();
      }
      store.setPolicy(db, table, kind, policy);
      return Optional.of(show(db, table, kind));
    }
    c = inv.cursor();
    if (c.accept(".delete") && c.accept("table")) {
      String table = c.name();
      c.expect("policy");
      String kind = kind(c);
      c.expectEnd();
      // Deleting the IngestionTime policy turns it off; it is on for a table that never had one.
      store.setPolicy(db, table, kind, kind.equals("ingestiontime") ? "{\"IsEnabled\":false}" : null);
      return Optional.of(show(db, table, kind));
    }
    c = inv.cursor();
    if (c.accept(".show") && c.accept("table")) {
      String table = c.name();
      if (!c.accept("policy")) {
        return Optional.empty();
      }
      String kind = kind(c);
      c.expectEnd();
      store.requireTable(db, table);
      return Optional.of(show(db, table, kind));
    }
    return Optional.empty();
  }

  private static String kind(CommandCursor c) {
    String kind = c.name().toLowerCase(Locale.ROOT);
    if (!NAMES.containsKey(kind)) {
      throw KustoRequestException.unsupported(
          "table policy '" + kind + "' (supported: " + String.join(", ", NAMES.keySet()) + ")");
    }
    return kind;
  }

  private static JsonNode parse(String kind, String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return node;
    } catch (Exception e) {
      throw KustoRequestException.badRequest(
          "General_BadRequest", "The " + kind + " policy must be a JSON object, got '" + text + "'");
    }
  }

  private ResultTable show(String db, String table, String kind) {
    return new ResultBuilder()
        .column("PolicyName", KustoType.STRING)
        .column("EntityName", KustoType.STRING)
        .column("Policy", KustoType.STRING)
        .column("ChildEntities", KustoType.STRING)
        .column("EntityType", KustoType.STRING)
        .row(NAMES.get(kind), "[" + db + "].[" + table + "]", store.policy(db, table, kind).orElse("null"), "[]",
            "Table")
        .build();
  }
}
