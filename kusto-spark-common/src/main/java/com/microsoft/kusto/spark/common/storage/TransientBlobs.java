package com.microsoft.kusto.spark.common.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listing and deleting the blobs a read exported (or a write staged) under one directory prefix. */
public final class TransientBlobs {
  private static final Logger LOG = LoggerFactory.getLogger(TransientBlobs.class);

  private TransientBlobs() {}

  /** The blobs whose names start with {@code prefix}, in name order (directory markers left out). */
  public static List<StoredBlob> list(ContainerAccess container, String prefix) {
    BlobContainerClient client = container.client();
    List<StoredBlob> blobs = new ArrayList<>();
    for (BlobItem item : client.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
      Long size = item.getProperties() == null ? null : item.getProperties().getContentLength();
      if (Boolean.TRUE.equals(item.isPrefix()) || item.getName().endsWith("/")) {
        continue;
      }
      blobs.add(new StoredBlob(item.getName(), size == null ? 0 : size));
    }
    blobs.sort(Comparator.comparing(StoredBlob::name));
    return blobs;
  }

  /**
   * Deletes every blob whose name starts with {@code prefix}; returns how many were deleted. A blob that is gone
   * already counts as deleted, so a retried cleanup is harmless.
   */
  public static int deleteAll(ContainerAccess container, String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("Refusing to delete a whole container: give a non-empty prefix");
    }
    BlobContainerClient client = container.client();
    int deleted = 0;
    for (StoredBlob blob : list(container, prefix)) {
      client.getBlobClient(blob.name()).deleteIfExists();
      deleted++;
    }
    LOG.info("Deleted {} transient blobs under '{}' in {}", deleted, prefix, container.containerUrl());
    return deleted;
  }
}
