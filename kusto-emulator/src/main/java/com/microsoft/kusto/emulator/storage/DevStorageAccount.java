package com.microsoft.kusto.emulator.storage;

/**
 * Azurite's built-in development account. Its key is public (documented by Microsoft for the storage emulators),
 * so it is not a secret; it is still never written to logs, to keep log scanners quiet.
 */
public final class DevStorageAccount {
  public static final String NAME = "devstoreaccount1";
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private DevStorageAccount() {}
}
