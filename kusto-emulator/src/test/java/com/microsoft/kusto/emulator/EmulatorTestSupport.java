package com.microsoft.kusto.emulator;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Helpers for tests that drive the emulator through the official Kusto SDK only. */
public final class EmulatorTestSupport {
  private EmulatorTestSupport() {}

  /** An SDK client on the emulator's engine URL (http://localhost:PORT: the SDK sends no token there). */
  public static Client client(KustoEmulator emulator) {
    try {
      return ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + emulator.engineUrl()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All rows of a result as lists of the SDK's cell objects. */
  public static List<List<Object>> rows(KustoResultSetTable table) {
    List<List<Object>> rows = new ArrayList<>();
    while (table.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < table.getColumns().length; i++) {
        row.add(table.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The values of one column, by name, as strings. */
  public static List<String> column(KustoResultSetTable table, String name) {
    List<String> values = new ArrayList<>();
    while (table.next()) {
      values.add(table.getString(name));
    }
    return values;
  }
}
