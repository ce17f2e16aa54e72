package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.storage.BlobLocation;
import java.util.Optional;

/**
 * One storage URL of an {@code .export} command: a container (optionally with a folder) plus its credential, a
 * SAS ({@code ...?sv=...}) or an account key ({@code ...;<key>}). {@link #toString()} never shows the secret.
 */
public record ExportTarget(BlobLocation location, Optional<String> sas, Optional<String> accountKey) {

  /** Parses a storage connection string as Kusto accepts it in {@code .export}. */
  public static ExportTarget parse(String connectionString) {
    String text = connectionString.trim();
    int semicolon = text.indexOf(';');
    Optional<String> key = Optional.empty();
    if (semicolon >= 0) {
      String secret = text.substring(semicolon + 1).trim();
      text = text.substring(0, semicolon);
      if (secret.equalsIgnoreCase("impersonate") || secret.equalsIgnoreCase("managed_identity")) {
        throw KustoRequestException.unsupported(
            "export storage authentication ';" + secret + "' (use a SAS '?...' or an account key ';<key>')");
      }
      key = Optional.of(secret);
    }
    BlobLocation location = BlobLocation.parse(text);
    if (location.sas().isEmpty() && key.isEmpty()) {
      throw KustoRequestException.badRequest(
          "General_BadRequest",
          "Export storage URL '" + location.withoutSas() + "' has no credential: append '?<SAS>' or ';<account key>'");
    }
    return new ExportTarget(location, location.sas(), key);
  }

  @Override
  public String toString() {
    return location.withoutSas() + (sas.isPresent() ? "?<SAS>" : ";<key>");
  }
}
