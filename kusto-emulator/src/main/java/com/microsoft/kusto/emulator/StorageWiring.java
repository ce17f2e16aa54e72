package com.microsoft.kusto.emulator;

import com.microsoft.kusto.emulator.storage.StorageServices;

/**
 * Connects the storage side (storage commands, streaming and queued ingestion, export) to the server. Kept in one
 * place so the emulator's start-up reads simply.
 */
final class StorageWiring {
  private StorageWiring() {}

  /** Called after the store, operations, faults and command dispatcher exist and before the listener starts. */
  static void install(KustoEmulator emulator) {
    emulator.storage().ifPresent(storage -> {
      StorageServices services =
          StorageServices.start(storage, emulator.store(), emulator.operations(), emulator.faults(),
              emulator.nodes());
      emulator.addResource(services);
      emulator.commands().addExtension(services.commands());
      emulator.streamingIngestHandler(services.streamingIngestion());
    });
  }
}
