package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import java.util.Locale;

/**
 * The {@code transientStorage} forms the established connector accepts but this one refuses
 * ({@link ErrorCode#UNSUPPORTED_FEATURE}), and why. Both let Kusto write the export with the caller's identity; this
 * connector then lists, reads and deletes the exported blobs itself, on the driver and the executors, through the
 * Azure Storage SDK with the container's SAS or account key. It has no caller identity to do that with, so such an
 * export could be written but never read back.
 */
final class UnsupportedTransientStorage {
  private static final String IMPERSONATE = ";impersonate";
  private static final String USE_INSTEAD = "Give a SAS with read, write, list and delete permissions ('sasUrl', or "
      + "'storageAccountName' + 'blobContainer' + 'sasKey') or an account key ('storageAccountKey'), or leave out '"
      + TransientStorageParameters.OPTION + "' to use the containers Kusto provides.";

  private UnsupportedTransientStorage() {}

  /** True for a SAS URL or SAS key ending in {@code ;impersonate}. */
  static boolean isImpersonation(String sasUrlOrKey) {
    return sasUrlOrKey != null && sasUrlOrKey.trim().toLowerCase(Locale.ROOT).endsWith(IMPERSONATE);
  }

  static InvalidOptionException impersonation(String optionKey) {
    return new InvalidOptionException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
        "use an ';impersonate' SAS URL or sasKey in option '" + optionKey + "'",
        "Kusto would write the export with the caller's identity, but the connector reads the exported blobs with the"
            + " Azure Storage SDK using a SAS or an account key and has no caller identity to read them with",
        USE_INSTEAD), optionKey);
  }

  static InvalidOptionException oneLake() {
    String option = TransientStorageParameters.OPTION;
    return new InvalidOptionException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
        "use a OneLake location ('oneLakeUrl') in option '" + option + "'",
        "Kusto exports to OneLake only with the caller's identity (';impersonate'), and the connector, which reads "
            + "the exported files with the Azure Storage SDK using a SAS or an account key, has no such identity",
        "Export to an Azure Storage blob container instead. " + USE_INSTEAD), option);
  }
}
