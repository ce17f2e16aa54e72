package com.microsoft.kusto.emulator.storage;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.emulator.KustoEmulator;
import com.microsoft.kusto.emulator.command.CommandDispatcher;
import com.microsoft.kusto.emulator.command.KqlExecutor;
import com.microsoft.kusto.emulator.faults.Faults;
import com.microsoft.kusto.emulator.kql.KqlQueryEngine;
import com.microsoft.kusto.emulator.server.KustoHttpServer;
import com.microsoft.kusto.emulator.store.DuckDbStore;
import com.microsoft.kusto.emulator.store.OperationRegistry;
import com.microsoft.kusto.emulator.store.TableSchema;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A running endpoint assembled from the server's parts plus {@link StorageServices}, the way the emulator wires
 * them, so the storage side can be tested through the official SDK clients on {@code http://localhost:PORT}.
 */
public final class StorageTestEndpoint implements AutoCloseable {
  public static final String DB = "db";

  public final DuckDbStore store;
  public final OperationRegistry operations;
  public final Faults faults = new Faults();
  public final AzuriteProcess azurite;
  public final AzuriteStorage storage;
  public final StorageServices services;
  public final KustoHttpServer server;

  public StorageTestEndpoint() {
    this(StorageHostNames.loopback());
  }

  public StorageTestEndpoint(StorageHostNames hosts) {
    store = DuckDbStore.open(null);
    store.createDatabase(DB, false, true);
    operations = new OperationRegistry();
    KqlExecutor kql = new KqlExecutor(store, new KqlQueryEngine(store));
    CommandDispatcher commands = new CommandDispatcher(store, operations, kql, "localhost");
    azurite = AzuriteProcess.start();
    storage = new AzuriteStorage(azurite, hosts).createResources();
    services = StorageServices.start(storage, store, operations, faults, KustoEmulator.Builder.DEFAULT_NODES);
    commands.addExtension(services.commands());
    server = new KustoHttpServer(0, null, null, commands, kql, faults, null);
    server.setStreamingIngestHandler(services.streamingIngestion());
    server.start();
  }

  public String url() {
    return "http://localhost:" + server.port();
  }

  public ConnectionStringBuilder csb() {
    return new ConnectionStringBuilder("Data Source=" + url() + ";Initial Catalog=" + DB);
  }

  public Client client() {
    try {
      return ClientFactory.createClient(csb());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of {@code select} over table {@code table}'s physical columns, each cell via getString (white-box check). */
  public List<List<String>> rows(String table, String selectList, String suffix) {
    TableSchema schema = store.requireTable(DB, table);
    return rowsOf("SELECT " + selectList + " FROM " + schema.sqlReference() + " " + suffix);
  }

  /** Rows of any SQL on the store, each cell via getString (white-box check). */
  public List<List<String>> rowsOf(String sql) {
    try (Connection c = store.openConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    services.close();
    azurite.close();
    operations.close();
    store.close();
  }
}
