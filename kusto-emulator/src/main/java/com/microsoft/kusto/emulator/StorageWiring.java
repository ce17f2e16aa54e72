package com.microsoft.kusto.emulator;

/**
 * Connects the storage side (storage commands, streaming and queued ingestion, export) to the server. Kept in one
 * place so the emulator's start-up reads simply.
 */
final class StorageWiring {
  private StorageWiring() {}

  static void install(KustoEmulator emulator) {
    // The storage package registers its handlers here once it provides them.
  }
}
