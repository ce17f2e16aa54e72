package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.options.OptionScope.COMMON;
import static com.microsoft.kusto.spark.common.options.OptionScope.READ;

/**
 * Deprecated spellings still accepted for jobs written against old versions of the established connector. Each
 * use logs a deprecation warning naming the replacement. The renamed credential keys are translated to their
 * current key by {@link KustoOptionRegistry#currentKeyOf}; the four {@code blob*} keys are converted into one
 * {@code transientStorage} credential by the read configuration.
 */
public final class KustoLegacyOptions {
  private KustoLegacyOptions() {}

  public static final KustoOption AAD_CLIENT_ID = KustoOption.builder("kustoAADClientID", COMMON,
      "Deprecated: use `kustoAadAppId`").build();
  public static final KustoOption AAD_CLIENT_PASSWORD = KustoOption.builder("kustoClientAADClientPassword",
      COMMON, "Deprecated: use `kustoAadAppSecret`").secret().build();
  /**
   * Differs from {@code kustoAadAuthorityID} only in case, so lookups already resolve it; the deprecation warning
   * is given when a caller passes this exact spelling (Spark 2.4 keeps the user's spelling, Spark 3 lower-cases).
   */
  public static final KustoOption AAD_AUTHORITY_ID = KustoOption.builder("kustoAADAuthorityID", COMMON,
      "Deprecated: use `kustoAadAuthorityID`").build();
  public static final KustoOption BLOB_STORAGE_ACCOUNT_NAME = KustoOption.builder("blobStorageAccountName", READ,
      "Deprecated: use `transientStorage`").build();
  public static final KustoOption BLOB_STORAGE_ACCOUNT_KEY = KustoOption.builder("blobStorageAccountKey", READ,
      "Deprecated: use `transientStorage`").secret().build();
  public static final KustoOption BLOB_STORAGE_SAS_URL = KustoOption.builder("blobStorageSasUrl", READ,
      "Deprecated: use `transientStorage`").secret().build();
  public static final KustoOption BLOB_CONTAINER = KustoOption.builder("blobContainer", READ,
      "Deprecated: use `transientStorage`").build();
}
