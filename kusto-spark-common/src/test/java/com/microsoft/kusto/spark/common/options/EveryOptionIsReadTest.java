package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build-time guard against options that are parsed and then ignored: every option of the registry either names
 * where the main code reads it (a getter called outside its config class, or a class that reads the key itself), or
 * is declared {@code noEffect} with a reason, which the user is warned about and the README shows. A new option
 * fails this test until it is given one or the other.
 */
class EveryOptionIsReadTest {
  /** Option key → what must appear in main code other than the config classes that parse options. */
  private static final Map<String, String> READERS = new LinkedHashMap<>();

  static {
    READERS.put("kustoCluster", "getClusterUrl()");
    READERS.put("kustoDatabase", "getDatabase()");
    for (String auth : new String[] {"kustoAadAppId", "kustoAadAppSecret", "kustoAadAuthorityID", "kutoAadAppCertPath",
        "kutoAadAppCertPassword", "accessToken", "userPrompt", "tokenProviderCallbackClasspath", "managedIdentityAuth",
        "managedIdentityClientId", "azureCliAuth", "deviceCodeAuth", "keyVaultUri", "keyVaultAppId", "keyVaultAppKey",
        "keyVaultPemFilePath", "keyVaultPemFileKey"}) {
      // Resolved into one AuthConfig (the Key Vault keys into an explained refusal) that every SDK client is built
      // with.
      READERS.put(auth, "engineConnectionStringBuilder()");
    }
    READERS.put("kustoIngestionUri", "getIngestionUrl()");
    READERS.put("timeoutLimit", "getTimeoutSeconds()");
    READERS.put("requestRetryTimeout", "retryPolicy()");
    READERS.put("clientRequestPropertiesJson", "getClientRequestPropertiesJson()");
    READERS.put("requestId", "getRequestId()");
    READERS.put("kustoQuery", "getQuery()");
    READERS.put("customSchema", "getCustomSchema()");
    READERS.put("transientStorage", "getTransientStorage()");
    READERS.put("blobStorageEndpointSuffix", "getTransientStorage()");
    READERS.put("readMode", "getReadMode()");
    READERS.put("distributedReadModeTransientCache", "isDistributedReadModeTransientCache()");
    READERS.put("queryFilterPushDown", "isQueryFilterPushDown()");
    READERS.put("limitPushDown", "isLimitPushDown()");
    READERS.put("aggregatePushDown", "isAggregatePushDown()");
    READERS.put("kustoExportOptionsJson", "getExportOptions()");
    READERS.put("partitionMode", "getPartitionMode()");
    READERS.put("numPartitions", "getNumPartitions()");
    READERS.put("partitionColumn", "getPartitionColumn()");
    READERS.put("kustoTable", "getTable()");
    READERS.put("writeMode", "getWriteMode()");
    READERS.put("tableCreateOptions", "getTableCreateOptions()");
    READERS.put("adjustSchema", "getAdjustSchema()");
    READERS.put("writeEnableAsync", "isWriteEnableAsync()");
    READERS.put("writeResultLimit", "getWriteResultLimit()");
    READERS.put("sparkIngestionPropertiesJson", "getIngestionProperties()");
    READERS.put("clientBatchingLimit", "getClientBatchingLimitBytes()");
    READERS.put("stagingResourcesAutoCleanupTimeout", "getStagingResourcesAutoCleanupTimeoutSeconds()");
    READERS.put("tempTableName", "getTempTableName()");
    READERS.put("streamingIngestSizeInMB", "getStreamingIngestSizeMb()");
    READERS.put("kustoIngestionStorageContainer", "getIngestionStorage()");
    READERS.put("timeZone", "getTimeZone()");
    READERS.put("maximalExtentsCountForSplitMergePerNode", "getMaximalExtentsCountForSplitMergePerNode()");
    READERS.put("maxRetriesOnMoveExtents", "getMaxRetriesOnMoveExtents()");
    READERS.put("disableFlushImmediately", "isDisableFlushImmediately()");
    READERS.put("ensureNoDuplicatedBlobs", "isEnsureNoDuplicatedBlobs()");
    READERS.put("addSourceLocationTransform", "isAddSourceLocationTransform()");
  }

  /** The config classes, where options are parsed and getters declared: a use there does not count. */
  private static final List<String> PARSERS = List.of("ReadConfig.java", "WriteConfig.java", "ConnectionConfig.java");

  @Test
  void everyOptionIsReadByMainCodeOrDeclaredWithoutEffect() throws IOException {
    String mainCode = mainCodeOutsideParsers();
    List<String> problems = new ArrayList<>();
    for (KustoOption option : KustoOptionRegistry.all()) {
      String reader = READERS.get(option.key());
      if (option.noEffectReason() != null) {
        if (reader != null) {
          problems.add(option.key() + " is declared without effect but listed with reader " + reader);
        }
      } else if (reader == null) {
        problems.add(option.key() + ": name where main code reads it here, or declare it noEffect(reason)");
      } else if (!mainCode.contains(reader)) {
        problems.add(option.key() + ": no main code outside the config classes calls " + reader);
      }
    }
    assertThat(problems).as("options parsed but not read").isEmpty();
    assertThat(new TreeSet<>(READERS.keySet())).as("keys listed here that the registry no longer has")
        .isSubsetOf(KustoOptionRegistry.all().stream().map(KustoOption::key).collect(Collectors.toSet()));
  }

  /** The main Java source of the core, the shared Spark folder and every adapter, minus the config classes. */
  private static String mainCodeOutsideParsers() throws IOException {
    Path root = Paths.get("..").toAbsolutePath().normalize();
    StringBuilder code = new StringBuilder();
    for (String module : List.of("kusto-spark-common", "spark-shared", "kusto-spark_2.4_2.11",
        "kusto-spark_3.0_2.12")) {
      Path main = root.resolve(module).resolve("src/main/java");
      assertThat(main).as("main sources of " + module).isDirectory();
      try (Stream<Path> files = Files.walk(main)) {
        files.filter(f -> f.toString().endsWith(".java") && !PARSERS.contains(f.getFileName().toString()))
            .forEach(f -> {
              try {
                code.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    }
    return code.toString();
  }
}
