package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.util.TestOptions.localRead;
import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static com.microsoft.kusto.spark.common.util.TestOptions.remoteRead;
import static com.microsoft.kusto.spark.common.util.TestOptions.with;
import static com.microsoft.kusto.spark.common.util.TestOptions.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.kusto.spark.common.auth.AuthMethod;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ReadConfigTest {
  @Test
  void appliesDocumentedDefaults() {
    ReadConfig config = ReadConfig.from(remoteRead());
    ConnectionConfig connection = config.getConnection();
    assertThat(connection.getClusterUrl()).isEqualTo("https://mycluster.westeurope.kusto.windows.net");
    assertThat(connection.getIngestionUrl()).isEqualTo("https://ingest-mycluster.westeurope.kusto.windows.net");
    assertThat(connection.getDatabase()).isEqualTo("db");
    assertThat(connection.getTimeoutSeconds()).isEqualTo(172800L);
    assertThat(connection.getClientRequestPropertiesJson()).isNull();
    assertThat(connection.getRequestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(connection.isLoopback()).isFalse();
    assertThat(config.getQuery()).isEqualTo("T | take 10");
    assertThat(config.getCustomSchema()).isNull();
    assertThat(config.getTransientStorage()).isNull();
    assertThat(config.getReadMode()).isNull();
    assertThat(config.isDistributedReadModeTransientCache()).isFalse();
    assertThat(config.isQueryFilterPushDown()).isTrue();
    assertThat(config.getExportOptions()).isEqualTo(KustoExportOptions.defaults());
    assertThat(config.getStorageProtocol()).isEqualTo(StorageProtocol.WASBS);
    assertThat(config.getPartitionMode()).isNull();
    assertThat(config.getNumPartitions()).isNull();
    assertThat(config.getPartitionColumn()).isNull();
  }

  @Test
  void eachReadGetsItsOwnRandomRequestIdUnlessGiven() {
    assertThat(ReadConfig.from(remoteRead()).getConnection().getRequestId())
        .isNotEqualTo(ReadConfig.from(remoteRead()).getConnection().getRequestId());
    assertThat(ReadConfig.from(with(remoteRead(), "requestId", "my-id")).getConnection().getRequestId())
        .isEqualTo("my-id");
  }

  @Test
  void unknownKeysNeverFailTheRead() {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "kustoClustr", "x", "somethingElse", "y"));
    assertThat(config.getQuery()).isEqualTo("T | take 10");
  }

  @Test
  void clientRequestPropertiesCarryTheRequestIdEvenWithoutJson() {
    ConnectionConfig connection = ReadConfig.from(with(remoteRead(), "requestId", "rid-1")).getConnection();
    assertThat(connection.newClientRequestProperties().getClientRequestId()).isEqualTo("rid-1");
  }

  @Test
  void toStringMasksObfuscatedLiteralsOfTheQuery() {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "kustoQuery", "T | where k == h'pa55word'"));
    assertThat(config.toString()).contains("query=T | where k == h'****'").doesNotContain("pa55word");
    assertThat(config.getQuery()).isEqualTo("T | where k == h'pa55word'");
  }

  @Test
  void readsEveryOptionIgnoringCase() {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "READMODE", "forcedistributedmode",
        "customschema", "a int", "STORAGEPROTOCOL", "ABFSS", "timeoutlimit", "60", "partitionMode", "HASH",
        "numPartitions", "8", "partitionColumn", "a", "distributedReadModeTransientCache", "true",
        "queryFilterPushDown", "true"));
    assertThat(config.getReadMode()).isEqualTo(ReadMode.ForceDistributedMode);
    assertThat(config.getCustomSchema()).isEqualTo("a int");
    assertThat(config.getStorageProtocol()).isEqualTo(StorageProtocol.ABFSS);
    assertThat(config.getConnection().getTimeoutSeconds()).isEqualTo(60L);
    assertThat(config.getPartitionMode()).isEqualTo("hash");
    assertThat(config.getNumPartitions()).isEqualTo(8);
    assertThat(config.getPartitionColumn()).isEqualTo("a");
    assertThat(config.isQueryFilterPushDown()).as("explicit value wins over the cache default").isTrue();
  }

  @Test
  void transientCacheTurnsPushdownOffByDefault() {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "distributedReadModeTransientCache", "true"));
    assertThat(config.isDistributedReadModeTransientCache()).isTrue();
    assertThat(config.isQueryFilterPushDown()).isFalse();
  }

  @Test
  void legacyReadModeValuesAreTranslated() {
    assertThat(ReadConfig.from(with(remoteRead(), "readMode", "lean")).getReadMode())
        .isEqualTo(ReadMode.ForceSingleMode);
    assertThat(ReadConfig.from(with(remoteRead(), "readMode", "scale")).getReadMode())
        .isEqualTo(ReadMode.ForceDistributedMode);
  }

  @Test
  void requiresClusterDatabaseAndQuery() {
    assertThatThrownBy(() -> ReadConfig.from(without(remoteRead(), "kustoCluster")))
        .hasMessage("Cannot configure the Kusto read: required option 'kustoCluster' is missing. Set option "
            + "'kustoCluster': Cluster alias (`name` or `name.region`) or full URL; an `ingest-` URL is normalised to "
            + "the engine URL.");
    assertThatThrownBy(() -> ReadConfig.from(without(remoteRead(), "kustoDatabase")))
        .hasMessageStartingWith("Cannot configure the Kusto read: required option 'kustoDatabase' is missing.");
    assertThatThrownBy(() -> ReadConfig.from(without(remoteRead(), "kustoQuery")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.MISSING_REQUIRED_OPTION))
        .hasMessageStartingWith("Cannot configure the Kusto read: required option 'kustoQuery' is missing.");
  }

  @Test
  void rejectsManagementCommandsAsQueries() {
    String expected = "Cannot run the value of option 'kustoQuery' as a query: it starts with '.', which makes it a "
        + "management command, and commands are not allowed. Pass a KQL query or a table name.";
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoQuery", "  .drop table T")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.COMMAND_NOT_ALLOWED))
        .hasMessage(expected);
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoQuery", "// comment\n.show tables")))
        .hasMessage(expected);
    assertThat(ReadConfig.from(with(remoteRead(), "kustoQuery", "T | where a == '.x' // .x")).getQuery())
        .isEqualTo("T | where a == '.x' // .x");
  }

  @Test
  void validatesEnumsNumbersAndPartitionMode() {
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "readMode", "fast")))
        .hasMessage("Cannot read option 'readMode': the value [fast] is not an allowed value. Use one of: "
            + "ForceSingleMode, ForceDistributedMode.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "storageProtocol", "s3")))
        .hasMessage("Cannot read option 'storageProtocol': the value [s3] is not an allowed value. Use one of: "
            + "wasbs, abfs, abfss.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "timeoutLimit", "0")))
        .hasMessageStartingWith("Cannot read option 'timeoutLimit': the value [0] is out of range.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "numPartitions", "0")))
        .hasMessage("Cannot read option 'numPartitions': the value [0] is out of range. Use a whole number from 1 to "
            + "10000.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "partitionMode", "range")))
        .hasMessage("Cannot read option 'partitionMode': the value [range] is not supported. Use one of: hash.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "distributedReadModeTransientCache", "1")))
        .hasMessageStartingWith("Cannot read option 'distributedReadModeTransientCache': the value [1] is not a "
            + "boolean.");
  }

  @Test
  void parsesExportOptions() {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson",
        "{\"sizeLimit\":\"1024\",\"compressionType\":\"gzip\",\"compressed\":\"none\",\"useNativeParquetWriter\":"
            + "\"false\",\"distribution\":\"per_node\",\"namePrefix\":\"x\",\"async\":\"false\"}"));
    KustoExportOptions export = config.getExportOptions();
    assertThat(export.getSizeLimitMb()).isEqualTo(1024L);
    assertThat(export.getSizeLimitBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(export.getCompressionType()).isEqualTo("gzip");
    assertThat(export.isCompressed()).isFalse();
    assertThat(export.getUseNativeParquetWriter()).isFalse();
    assertThat(export.getAdditionalProperties()).containsExactly(
        org.assertj.core.api.Assertions.entry("distribution", "per_node"));
  }

  @Test
  void rejectsInvalidExportOptions() {
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson", "{sizeLimit:")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION))
        .hasMessageStartingWith("Cannot parse option 'kustoExportOptionsJson': it is not valid JSON (line 1, column");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson", "{\"sizeLimit\":\"-1\"}")))
        .hasMessage("Cannot parse option 'kustoExportOptionsJson': 'sizeLimit' [-1] is not a positive whole number of "
            + "MB. Expected for example {\"sizeLimit\":\"1024\"}.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson", "{\"compressed\":\"zip\"}")))
        .hasMessage("Cannot parse option 'kustoExportOptionsJson': 'compressed' has the value [zip]. Expected one of: "
            + "none, false, true.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson", "[]")))
        .hasMessageStartingWith("Cannot parse option 'kustoExportOptionsJson': the value is not a JSON object.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "kustoExportOptionsJson", "{\"a\":{}}")))
        .hasMessageStartingWith("Cannot parse option 'kustoExportOptionsJson': the value of 'a' is not a string.");
  }

  @Test
  void parsesTransientStorage() {
    TransientStorageParameters storage = new TransientStorageParameters(
        new TransientStorageCredentials("https://acc.blob.core.windows.net/exports?sv=1&sig=abc"));
    ReadConfig config = ReadConfig.from(with(remoteRead(), "transientStorage", storage.toInsecureString()));
    assertThat(config.getTransientStorage()).isEqualTo(storage);
  }

  @Test
  void convertsLegacyBlobOptionsIntoTransientStorage() {
    ReadConfig byKey = ReadConfig.from(with(remoteRead(), "blobStorageAccountName", "acc",
        "blobStorageAccountKey", "a2V5", "blobContainer", "c", "blobStorageEndpointSuffix", "core.chinacloudapi.cn"));
    assertThat(byKey.getTransientStorage()).isEqualTo(new TransientStorageParameters(
        java.util.Collections.singletonList(new TransientStorageCredentials("acc", "a2V5", "c")),
        "core.chinacloudapi.cn"));
    ReadConfig bySas = ReadConfig.from(with(remoteRead(), "blobStorageSasUrl",
        "https://acc.blob.core.windows.net/c?sv=1&sig=abc"));
    assertThat(bySas.getTransientStorage().getStorageCredentials()).containsExactly(
        new TransientStorageCredentials("https://acc.blob.core.windows.net/c?sv=1&sig=abc"));
    assertThat(bySas.getTransientStorage().getEndpointSuffix()).isEqualTo("core.windows.net");
  }

  @Test
  void rejectsIncompleteOrConflictingLegacyBlobOptions() {
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "blobStorageAccountName", "acc")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getOptionKeys()).containsExactly("blobStorageAccountKey", "blobContainer"))
        .hasMessage("Cannot convert the legacy transient storage options: 'blobStorageAccountKey', 'blobContainer' "
            + "missing. Give blobStorageAccountName, blobStorageAccountKey and blobContainer together, or better use "
            + "'transientStorage'.");
    String json = new TransientStorageParameters(new TransientStorageCredentials("a", "k", "c")).toInsecureString();
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "transientStorage", json, "blobContainer", "c")))
        .hasMessage("Cannot choose the transient storage: both 'transientStorage' and the legacy 'blobContainer' are "
            + "given. Remove the legacy 'blob*' options.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "blobStorageSasUrl",
        "https://acc.blob.core.windows.net/c?sig=abc", "blobStorageAccountKey", "k")))
        .hasMessageStartingWith("Cannot choose the transient storage: both 'blobStorageSasUrl' and "
            + "'blobStorageAccountKey' are given.");
    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "blobStorageSasUrl", "https://acc.blob.core.windows.net/c")))
        .hasMessageStartingWith("Cannot parse option 'blobStorageSasUrl': the SAS URL [https://acc.blob.core.windows.net/c] "
            + "is not usable: it has no SAS token (no 'sig=' parameter).");
  }

  @Test
  void validatesClientRequestPropertiesWithTheSdk() {
    ClientRequestProperties crp = new ClientRequestProperties();
    crp.setOption(ClientRequestProperties.OPTION_SERVER_TIMEOUT, "00:10:00");
    crp.setParameter("p", "v");
    ReadConfig config = ReadConfig.from(with(remoteRead(), "clientRequestPropertiesJson", crp.toString(),
        "requestId", "rid"));
    ClientRequestProperties rebuilt = config.getConnection().newClientRequestProperties();
    assertThat(rebuilt.getParameter("p")).isEqualTo("v");
    assertThat(rebuilt.getOption(ClientRequestProperties.OPTION_SERVER_TIMEOUT)).isNotNull();
    assertThat(rebuilt.getClientRequestId()).isEqualTo("rid");

    assertThatThrownBy(() -> ReadConfig.from(with(remoteRead(), "clientRequestPropertiesJson", "{not json")))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_JSON_OPTION))
        .hasMessageStartingWith("Cannot parse option 'clientRequestPropertiesJson': it is not valid client request "
            + "properties JSON: ")
        .hasMessageEndingWith("Use the toString() of a com.microsoft.azure.kusto.data.ClientRequestProperties, e.g. "
            + "{\"Options\":{\"servertimeout\":\"00:10:00\"},\"Parameters\":{}}.");
  }

  @Test
  void loopbackClusterWithoutCredentialsIsAnonymousAndSharesTheIngestionUrl() {
    ReadConfig config = ReadConfig.from(localRead());
    assertThat(config.getConnection().isLoopback()).isTrue();
    assertThat(config.getConnection().getIngestionUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(config.getConnection().getAuth().getMethod()).isEqualTo(AuthMethod.ANONYMOUS);
  }

  @Test
  void sessionSettingsSupplyDefaults() {
    ReadConfig config = ReadConfig.from(without(remoteRead(), "kustoDatabase"),
        of("spark.datasource.kusto.kustoDatabase", "sessionDb", "spark.datasource.kusto.readMode", "ForceSingleMode"));
    assertThat(config.getConnection().getDatabase()).isEqualTo("sessionDb");
    assertThat(config.getReadMode()).isEqualTo(ReadMode.ForceSingleMode);
  }

  @Test
  void survivesJavaSerializationAndDefinesEquality() throws Exception {
    ReadConfig config = ReadConfig.from(with(remoteRead(), "transientStorage",
        new TransientStorageParameters(new TransientStorageCredentials("a", "k", "c")).toInsecureString(),
        "kustoExportOptionsJson", "{\"sizeLimit\":\"10\"}", "requestId", "r1"));
    ReadConfig copy = roundTrip(config);
    assertThat(copy).isEqualTo(config).hasSameHashCodeAs(config);
    assertThat(copy.toString()).isEqualTo(config.toString());
    assertThat(ReadConfig.from(with(remoteRead(), "requestId", "r1")))
        .isEqualTo(ReadConfig.from(with(remoteRead(), "requestId", "r1")))
        .isNotEqualTo(ReadConfig.from(with(remoteRead(), "requestId", "r1", "kustoQuery", "Other")))
        .isNotEqualTo(ReadConfig.from(with(remoteRead(), "requestId", "r2")));
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
