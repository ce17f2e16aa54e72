package com.microsoft.kusto.spark.common.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.datasink.KustoSinkOptions;
import com.microsoft.kusto.spark.datasource.KustoSourceOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KustoOptionRegistryTest {
  /** Every key of connector-reference.md section 1 (1a-1d), spelled as documented. */
  private static final List<String> REFERENCE_KEYS = Arrays.asList(
      "kustoCluster", "kustoDatabase", "kustoAadAppId", "kustoAadAppSecret", "kustoAadAuthorityID",
      "kutoAadAppCertPath", "kutoAadAppCertPassword", "accessToken", "userPrompt", "tokenProviderCallbackClasspath",
      "managedIdentityAuth", "managedIdentityClientId", "keyVaultUri", "keyVaultAppId", "keyVaultAppKey",
      "kustoIngestionUri", "timeoutLimit", "clientRequestPropertiesJson", "requestId",
      "kustoQuery", "customSchema", "transientStorage", "blobStorageEndpointSuffix", "readMode",
      "distributedReadModeTransientCache", "queryFilterPushDown", "kustoExportOptionsJson", "storageProtocol",
      "kustoTable", "writeMode", "tableCreateOptions", "adjustSchema", "writeEnableAsync", "pollingOnDriver",
      "writeResultLimit", "sparkIngestionPropertiesJson", "clientBatchingLimit", "stagingResourcesAutoCleanupTimeout",
      "tempTableName", "streamingIngestSizeInMB", "kustoIngestionStorageContainer", "timeZone",
      "dbgBlobCompressOnExport", "partitionMode", "numPartitions", "partitionColumn", "keyVaultPemFilePath",
      "keyVaultPemFileKey", "maximalExtentsCountForSplitMergePerNode", "maxRetriesOnMoveExtents",
      "disableFlushImmediately", "ensureNoDuplicatedBlobs", "addSourceLocationTransform");

  @Test
  void declaresEveryReferenceKeyExactlyOnce() {
    List<String> keys = KustoOptionRegistry.all().stream().map(KustoOption::key).collect(Collectors.toList());
    assertThat(keys).containsAll(REFERENCE_KEYS).doesNotHaveDuplicates();
    assertThat(keys.stream().map(String::toLowerCase).collect(Collectors.toSet())).hasSameSizeAs(keys);
  }

  @Test
  void documentsDefaultsAsTheReferenceDoes() {
    Map<String, String> expected = new HashMap<>();
    expected.put("timeoutLimit", "172800");
    expected.put("clientBatchingLimit", "300");
    expected.put("stagingResourcesAutoCleanupTimeout", "604800");
    expected.put("streamingIngestSizeInMB", "4");
    expected.put("writeMode", "Transactional");
    expected.put("tableCreateOptions", "FailIfNotExist");
    expected.put("adjustSchema", "NoAdjustment");
    expected.put("queryFilterPushDown", "true");
    expected.put("kustoAadAuthorityID", "microsoft.com");
    expected.put("writeResultLimit", "1");
    expected.put("storageProtocol", "wasbs");
    expected.put("kustoExportOptionsJson", "{}");
    expected.put("managedIdentityAuth", "false");
    expected.put("distributedReadModeTransientCache", "false");
    expected.put("maximalExtentsCountForSplitMergePerNode", "400");
    expected.put("maxRetriesOnMoveExtents", "10");
    expected.put("timeZone", "UTC");
    expected.forEach((key, value) -> assertThat(KustoOptionRegistry.find(key).defaultValue()).as(key).isEqualTo(value));
    assertThat(KustoOptionRegistry.find("requestId").defaultDescription()).isEqualTo("random UUID");
    assertThat(KustoOptionRegistry.find("kustoCluster").defaultDescription()).isEqualTo("required");
  }

  @Test
  void everyOptionHasAOneLineDescriptionAndScope() {
    for (KustoOption option : KustoOptionRegistry.all()) {
      assertThat(option.description()).as(option.key()).isNotBlank().doesNotContain("\n");
      assertThat(option.scope()).as(option.key()).isNotNull();
    }
  }

  @Test
  void marksCredentialsSecret() {
    Set<String> secrets = KustoOptionRegistry.all().stream().filter(KustoOption::isSecret).map(KustoOption::key)
        .collect(Collectors.toSet());
    assertThat(secrets).containsExactlyInAnyOrder("kustoAadAppSecret", "kutoAadAppCertPassword", "accessToken",
        "keyVaultAppKey", "transientStorage", "kustoIngestionStorageContainer", "keyVaultPemFileKey");
    assertThat(KustoOptionRegistry.isSecret("kustoClientAADClientPassword")).isTrue();
    assertThat(KustoOptionRegistry.isSecret("blobStorageAccountKey")).isTrue();
    assertThat(KustoOptionRegistry.isSecret("blobStorageSasUrl")).isTrue();
    assertThat(KustoOptionRegistry.isSecret("kustoAadAppSecert")).as("unknown keys are treated as secret").isTrue();
    assertThat(KustoOptionRegistry.isSecret("kustoCluster")).isFalse();
  }

  @Test
  void looksUpIgnoringCaseAndMapsLegacyNames() {
    assertThat(KustoOptionRegistry.find("KUSTOCLUSTER")).isSameAs(KustoCommonOptions.CLUSTER);
    assertThat(KustoOptionRegistry.find("kustoAADAuthorityID")).isSameAs(KustoCommonOptions.AAD_AUTHORITY_ID);
    assertThat(KustoOptionRegistry.currentKeyOf("kustoAADClientID")).isSameAs(KustoCommonOptions.AAD_APP_ID);
    assertThat(KustoOptionRegistry.currentKeyOf("kustoclientaadclientpassword"))
        .isSameAs(KustoCommonOptions.AAD_APP_SECRET);
    assertThat(KustoOptionRegistry.find("nope")).isNull();
    assertThat(KustoOptionRegistry.nearestKey("kustoClustr")).isEqualTo("kustoCluster");
    assertThat(KustoOptionRegistry.nearestKey("writemod")).isEqualTo("writeMode");
  }

  @Test
  void sourceAndSinkConstantsNameRegisteredKeysAndCoverTheirScopes() throws Exception {
    Set<String> source = constantValues(KustoSourceOptions.class);
    Set<String> sink = constantValues(KustoSinkOptions.class);
    Set<String> registered = KustoOptionRegistry.all().stream().map(KustoOption::key).collect(Collectors.toSet());
    Set<String> sinkExtras = new LinkedHashSet<>(sink);
    sinkExtras.remove(KustoSinkOptions.NONE_RESULT_LIMIT);
    assertThat(registered).containsAll(source).containsAll(sinkExtras);
    for (KustoOption option : KustoOptionRegistry.all()) {
      if (option.scope() != OptionScope.WRITE) {
        assertThat(source).as("KustoSourceOptions has " + option.key()).contains(option.key());
      }
      if (option.scope() != OptionScope.READ) {
        assertThat(sink).as("KustoSinkOptions has " + option.key()).contains(option.key());
      }
    }
    assertThat(KustoSourceOptions.KUSTO_CLUSTER).isEqualTo("kustoCluster");
    assertThat(KustoSinkOptions.KUSTO_CLUSTER).isEqualTo("kustoCluster");
    assertThat(KustoSourceOptions.KUSTO_QUERY).isEqualTo("kustoQuery");
    assertThat(KustoSourceOptions.KUSTO_AAD_APP_CERTIFICATE_PATH).isEqualTo("kutoAadAppCertPath");
    assertThat(KustoSinkOptions.KUSTO_SPARK_INGESTION_PROPERTIES_JSON).isEqualTo("sparkIngestionPropertiesJson");
    assertThat(KustoSinkOptions.KUSTO_TABLE_CREATE_OPTIONS).isEqualTo("tableCreateOptions");
    assertThat(KustoSinkOptions.NONE_RESULT_LIMIT).isEqualTo("none");
  }

  @Test
  void enumsUseTheEstablishedValueNames() {
    assertThat(Arrays.stream(ReadMode.values()).map(Enum::toString))
        .containsExactly("ForceSingleMode", "ForceDistributedMode");
    assertThat(Arrays.stream(WriteMode.values()).map(Enum::toString))
        .containsExactly("Transactional", "Queued", "KustoStreaming");
    assertThat(Arrays.stream(SinkTableCreationMode.values()).map(Enum::toString))
        .containsExactly("CreateIfNotExist", "FailIfNotExist");
    assertThat(Arrays.stream(SchemaAdjustmentMode.values()).map(Enum::toString))
        .containsExactly("NoAdjustment", "FailIfNotMatch", "GenerateDynamicCsvMapping");
  }

  private static Set<String> constantValues(Class<?> type) throws IllegalAccessException {
    Set<String> values = new LinkedHashSet<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}
