package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.util.LogCapture;
import org.junit.jupiter.api.Test;

class KustoOptionsMapTest {
  @Test
  void matchesKeysIgnoringCase() {
    KustoOptionsMap options = KustoOptionsMap.of(of("KUSTOCLUSTER", "c", "kustodatabase", "d"), OptionScope.READ);
    assertThat(options.get(KustoCommonOptions.CLUSTER)).isEqualTo("c");
    assertThat(options.get(KustoCommonOptions.DATABASE)).isEqualTo("d");
    assertThat(options.warnings()).isEmpty();
  }

  @Test
  void warnsAboutUnknownKeysNamingTheNearestKnownKey() {
    try (LogCapture log = LogCapture.start()) {
      KustoOptionsMap options = KustoOptionsMap.of(of("kustoClustr", "c", "writemod", "Queued"), OptionScope.WRITE);
      assertThat(options.warnings()).containsExactly(
          "Unknown option 'kustoClustr' is ignored. Did you mean 'kustoCluster'?",
          "Unknown option 'writemod' is ignored. Did you mean 'writeMode'?");
      assertThat(log.text()).contains("WARN").contains("Unknown option 'kustoClustr' is ignored. Did you mean "
          + "'kustoCluster'?");
    }
  }

  @Test
  void optionsWithoutEffectDrawOneWarningSayingWhy() {
    try (LogCapture log = LogCapture.start()) {
      KustoOptionsMap write = KustoOptionsMap.of(of("pollingOnDriver", "true"), OptionScope.WRITE);
      assertThat(write.warnings()).containsExactly("Option 'pollingOnDriver' is accepted for compatibility with the"
          + " established Kusto connector but has no effect: status polling and the final move always run on a"
          + " driver thread here; they never occupy an executor.");
      KustoOptionsMap read = KustoOptionsMap.of(of("storageProtocol", "abfss", "dbgBlobCompressOnExport", "false"),
          OptionScope.READ);
      assertThat(read.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("has no effect: "));
      assertThat(log.text()).contains("WARN").contains("Option 'storageProtocol' is accepted for compatibility");
    }
    assertThat(KustoOptionsMap.of(of("writeMode", "Queued"), OptionScope.WRITE).warnings()).isEmpty();
  }

  @Test
  void keysThatSparkPassesAreNotWarnedAbout() {
    KustoOptionsMap options = KustoOptionsMap.of(of("path", "/x", "checkpointLocation", "/c", "queryName", "q",
        "__partition_columns", "[]", "paths", "[]"), OptionScope.WRITE);
    assertThat(options.warnings()).isEmpty();
  }

  @Test
  void translatesRenamedLegacyKeysWithADeprecationWarning() {
    KustoOptionsMap options = KustoOptionsMap.of(of("kustoAADClientID", "app", "kustoClientAADClientPassword", "pw",
        "kustoAADAuthorityID", "tenant"), OptionScope.READ);
    assertThat(options.get(KustoCommonOptions.AAD_APP_ID)).isEqualTo("app");
    assertThat(options.get(KustoCommonOptions.AAD_APP_SECRET)).isEqualTo("pw");
    assertThat(options.get(KustoCommonOptions.AAD_AUTHORITY_ID)).isEqualTo("tenant");
    assertThat(options.warnings()).containsExactlyInAnyOrder(
        "Option 'kustoAADClientID' is deprecated; use 'kustoAadAppId' instead.",
        "Option 'kustoClientAADClientPassword' is deprecated; use 'kustoAadAppSecret' instead.",
        "Option 'kustoAADAuthorityID' is deprecated; use 'kustoAadAuthorityID' instead.");
  }

  @Test
  void legacyKeyConflictingWithItsReplacementIsAnError() {
    assertThatThrownBy(() -> KustoOptionsMap.of(of("kustoAadAppId", "a", "kustoAADClientID", "b"), OptionScope.READ))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("Cannot use option 'kustoAADClientID': it is the deprecated name of 'kustoAadAppId', which is "
            + "also given with a different value. Remove 'kustoAADClientID'.");
  }

  @Test
  void warnsAboutRemovedAndMisplacedOptions() {
    KustoOptionsMap options = KustoOptionsMap.of(of("dbgBlobFileSizeLimitMb", "10", "writeMode", "Queued",
        "blobContainer", "c"), OptionScope.READ);
    assertThat(options.warnings()).containsExactlyInAnyOrder(
        "Option 'dbgBlobFileSizeLimitMb' no longer has any effect and is ignored: use 'sizeLimit' in "
            + "'kustoExportOptionsJson'.",
        "Option 'writeMode' applies to writes only and is ignored when reading.",
        "Option 'blobContainer' is deprecated; use 'transientStorage' (see TransientStorageParameters) instead.");
  }

  @Test
  void sessionSettingsFillGapsButOptionsWin() {
    KustoOptionsMap options = KustoOptionsMap.of(of("kustoDatabase", "fromOption"),
        of("spark.datasource.kusto.kustoDatabase", "fromSession", "spark.datasource.kusto.kustoCluster", "c",
            "spark.sql.shuffle.partitions", "200"), OptionScope.READ);
    assertThat(options.get(KustoCommonOptions.DATABASE)).isEqualTo("fromOption");
    assertThat(options.get(KustoCommonOptions.CLUSTER)).isEqualTo("c");
    assertThat(options.warnings()).isEmpty();
  }

  @Test
  void typedGettersValidateAndListAllowedValues() {
    KustoOptionsMap options = KustoOptionsMap.of(of("writeEnableAsync", "yes", "timeoutLimit", "-5",
        "clientBatchingLimit", "abc", "writeMode", "bulk"), OptionScope.WRITE);
    assertThatThrownBy(() -> options.getBoolean(KustoWriteOptions.WRITE_ENABLE_ASYNC))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("Cannot read option 'writeEnableAsync': the value [yes] is not a boolean. Use one of: true, false.");
    assertThatThrownBy(() -> options.getLong(KustoCommonOptions.TIMEOUT_LIMIT, 1, Long.MAX_VALUE))
        .hasMessage("Cannot read option 'timeoutLimit': the value [-5] is out of range. Use a whole number of at "
            + "least 1.");
    assertThatThrownBy(() -> options.getInt(KustoWriteOptions.CLIENT_BATCHING_LIMIT, 1, 100))
        .hasMessage("Cannot read option 'clientBatchingLimit': the value [abc] is not a whole number. Use a whole "
            + "number from 1 to 100.");
    assertThatThrownBy(() -> options.getEnum(KustoWriteOptions.WRITE_MODE, WriteMode.class))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE))
        .hasMessage("Cannot read option 'writeMode': the value [bulk] is not an allowed value. Use one of: "
            + "Transactional, Queued, KustoStreaming.");
  }

  @Test
  void enumsAndBooleansIgnoreCaseAndDefaultsApply() {
    KustoOptionsMap options = KustoOptionsMap.of(of("writeMode", "kustostreaming", "pollingOnDriver", "TRUE"),
        OptionScope.WRITE);
    assertThat(options.getEnum(KustoWriteOptions.WRITE_MODE, WriteMode.class)).isEqualTo(WriteMode.KustoStreaming);
    assertThat(options.getBoolean(KustoWriteOptions.POLLING_ON_DRIVER)).isTrue();
    assertThat(options.getEnum(KustoWriteOptions.ADJUST_SCHEMA, SchemaAdjustmentMode.class))
        .isEqualTo(SchemaAdjustmentMode.NoAdjustment);
    assertThat(options.getLong(KustoCommonOptions.TIMEOUT_LIMIT, 1, Long.MAX_VALUE)).isEqualTo(172800L);
  }

  @Test
  void secretValuesAreMaskedInErrorsAndToString() {
    KustoOptionsMap options = KustoOptionsMap.of(of("kutoAadAppCertPassword", "pfx-pw-123", "kustoCluster", "c"),
        OptionScope.READ);
    assertThatThrownBy(() -> options.getInt(KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD, 1, 2))
        .hasMessage("Cannot read option 'kutoAadAppCertPassword': the value [****] is not a whole number. Use a whole "
            + "number from 1 to 2.");
    assertThat(options.toString()).isEqualTo("{kustoCluster=c, kutoAadAppCertPassword=****}");
  }

  @Test
  void blankValuesCountAsAbsent() {
    KustoOptionsMap options = KustoOptionsMap.of(of("kustoTable", "  "), OptionScope.WRITE);
    assertThat(options.contains(KustoWriteOptions.TABLE)).isFalse();
    assertThatThrownBy(() -> options.require(KustoWriteOptions.TABLE))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.MISSING_REQUIRED_OPTION);
          assertThat(e.getOptionKeys()).containsExactly("kustoTable");
        })
        .hasMessage("Cannot configure the Kusto write: required option 'kustoTable' is missing. Set option "
            + "'kustoTable': Target table.");
  }
}
