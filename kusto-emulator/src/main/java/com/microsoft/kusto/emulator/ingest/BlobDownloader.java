package com.microsoft.kusto.emulator.ingest;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.microsoft.kusto.emulator.KustoRequestException;
import com.microsoft.kusto.emulator.storage.AzuriteStorage;
import com.microsoft.kusto.emulator.storage.BlobLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Downloads an ingestion source blob from Azurite to a local temporary file (the caller deletes it). */
final class BlobDownloader {
  private final AzuriteStorage storage;

  BlobDownloader(AzuriteStorage storage) {
    this.storage = storage;
  }

  Path download(BlobLocation blob) {
    if (blob.blobName().isEmpty()) {
      throw KustoRequestException.badRequest(
          "BadRequest_InvalidBlobUri", "Ingestion source '" + blob.withoutSas() + "' names a container, not a blob");
    }
    Path file;
    try {
      file = Files.createTempFile("kusto-emulator-ingest-", ".data");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file for an ingestion download", e);
    }
    BlobClient client = storage.blobService().getBlobContainerClient(blob.container()).getBlobClient(blob.blobName());
    try {
      client.downloadToFile(file.toString(), true);
      return file;
    } catch (BlobStorageException e) {
      deleteQuietly(file);
      boolean notFound = e.getStatusCode() == 404;
      throw new KustoRequestException(
          notFound ? 404 : 400,
          notFound ? "Download_SourceNotFound" : "Download_BadRequest",
          "Cannot download ingestion source '" + blob.withoutSas() + "': HTTP " + e.getStatusCode() + " "
              + e.getErrorCode(),
          true);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }
}
