package com.microsoft.kusto.spark.utils;

import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import com.microsoft.kusto.spark.common.storage.TransientBlobs;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;

/**
 * Deletes blobs that distributed reads exported into storage you own (given in {@code transientStorage}). The
 * connector deletes its own transient blobs after a read; these helpers are for exports you kept on purpose
 * ({@code distributedReadModeTransientCache}) or for cleaning up after a crashed job. Same names as in the
 * established connector.
 */
public final class KustoBlobStorageUtils {
  private KustoBlobStorageUtils() {}

  /**
   * Deletes every blob under {@code directory} in the container of {@code sasFullUrl}
   * ({@code https://<account>.blob.core.windows.net/<container>?<sas>}; the SAS needs list and delete).
   *
   * @return how many blobs were deleted
   */
  public static int deleteFromBlob(String directory, String sasFullUrl) {
    return TransientBlobs.deleteAll(
        ContainerAccess.of(
            new TransientStorageCredentials(sasFullUrl), TransientStorageParameters.DEFAULT_ENDPOINT_SUFFIX),
        directory);
  }

  /**
   * Deletes every blob under {@code directory} in {@code container} of the public-cloud storage account
   * {@code account}, authenticated by {@code secret}: a SAS token when {@code keyIsSas}, else the account key.
   */
  public static int deleteFromBlob(String account, String directory, String container, String secret, boolean keyIsSas) {
    return deleteFromBlob(
        account, directory, container, secret, keyIsSas, TransientStorageParameters.DEFAULT_ENDPOINT_SUFFIX);
  }

  /** As {@link #deleteFromBlob(String, String, String, String, boolean)}, for another cloud's endpoint suffix. */
  public static int deleteFromBlob(
      String account, String directory, String container, String secret, boolean keyIsSas, String endpointSuffix) {
    String endpoint = "https://" + account + ".blob." + endpointSuffix;
    ContainerAccess access =
        keyIsSas
            ? ContainerAccess.withSas(endpoint, account, container, secret)
            : ContainerAccess.withAccountKey(endpoint, account, container, secret);
    return TransientBlobs.deleteAll(access, directory);
  }
}
