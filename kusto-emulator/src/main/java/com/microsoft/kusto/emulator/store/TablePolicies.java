package com.microsoft.kusto.emulator.store;

import static com.microsoft.kusto.emulator.store.StoreSql.quoteLiteral;
import static com.microsoft.kusto.emulator.store.StoreSql.sqlFailure;

import com.microsoft.kusto.emulator.store.DuckDbStore.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** Table policies as JSON text, in the database's {@code $policies} table. */
final class TablePolicies {
  private final StoreSql sql;
  private final DuckDbStore catalog;

  TablePolicies(StoreSql sql, DuckDbStore catalog) {
    this.sql = sql;
    this.catalog = catalog;
  }

  /** Creates the database's {@code $policies} table. */
  void createTable(Database db) {
    sql.exec("CREATE TABLE IF NOT EXISTS " + db.qualify("$policies") + " (entity VARCHAR, kind VARCHAR, policy VARCHAR)");
  }


  /** A table policy as JSON text, if set. */
  Optional<String> policy(String database, String table, String kind) {
    Database db = catalog.requireDatabase(database);
    try (Connection c = catalog.openConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT policy FROM " + db.qualify("$policies") + " WHERE entity = ? AND kind = ?")) {
      ps.setString(1, table);
      ps.setString(2, kind.toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  void setPolicy(String database, String table, String kind, String policyJson) {
    synchronized (sql.writeLock) {
      Database db = catalog.requireDatabase(database);
      catalog.requireTable(database, table);
      String k = kind.toLowerCase(Locale.ROOT);
      sql.inTransaction(() -> {
        sql.exec("DELETE FROM " + db.qualify("$policies") + " WHERE entity = " + quoteLiteral(table) + " AND kind = "
            + quoteLiteral(k));
        if (policyJson != null) {
          sql.exec("INSERT INTO " + db.qualify("$policies") + " VALUES (" + quoteLiteral(table) + ", " + quoteLiteral(k)
              + ", " + quoteLiteral(policyJson) + ")");
        }
      });
    }
  }

  /** Whether the table's IngestionTime policy is on: unless set otherwise, as in Kusto. */
  boolean ingestionTimeEnabled(String database, String table) {
    return policy(database, table, "ingestiontime").map(p -> !p.contains("\"IsEnabled\":false")).orElse(true);
  }
}
