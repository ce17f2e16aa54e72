package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static com.microsoft.kusto.spark.common.util.TestOptions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.auth.AuthResolverTestAccess;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.LogCapture;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters;
import com.microsoft.kusto.spark.datasource.TransientStorageParameters.TransientStorageCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds configurations from options holding distinctive secret values, triggers every validation error that
 * involves a secret option, prints every object that holds one, and checks that no secret appears in any message,
 * stack trace, {@code toString} or log line.
 */
class SecretLeakTest {
  static {
    // Best effort: when this class is the first to touch the connector's loggers, debug lines are captured too.
    System.setProperty("org.slf4j.simpleLogger.log.com.microsoft.kusto.spark", "debug");
  }

  private static final String APP_SECRET = "SECRETappA7f3";
  private static final String CERT_PASSWORD = "SECRETpfx91c2";
  private static final String ACCESS_TOKEN = "SECRETtoken55d0";
  private static final String SIGNATURE = "SECRETsig0e4b";
  private static final String ACCOUNT_KEY = "SECRETacctKey88";
  private static final String KEY_VAULT_KEY = "SECRETkv1234";
  private static final String LEGACY_PASSWORD = "SECRETlegacyPw";
  private static final String INGEST_SAS = "SECRETingestSig";
  private static final String PEM_KEY = "SECRETpemKey";
  private static final List<String> SECRETS = Arrays.asList(APP_SECRET, CERT_PASSWORD, ACCESS_TOKEN, SIGNATURE,
      ACCOUNT_KEY, KEY_VAULT_KEY, LEGACY_PASSWORD, INGEST_SAS, PEM_KEY);

  private static final String SAS_URL = "https://acc.blob.core.windows.net/exports?sv=2021&sig=" + SIGNATURE;

  private final List<String> texts = new ArrayList<>();
  private int errors;

  @Test
  void noSecretReachesMessagesToStringsOrLogs(@TempDir Path dir) throws Exception {
    String pfx = AuthResolverTestAccess.createPfx(dir, CERT_PASSWORD).getPath();
    String transientJson = new TransientStorageParameters(Arrays.asList(new TransientStorageCredentials(SAS_URL),
        new TransientStorageCredentials("acc2", ACCOUNT_KEY, "c2"))).toInsecureString();
    String ingestion = IngestionStorageParameters.toJsonString(Collections.singletonList(
        new IngestionStorageParameters("https://acc.blob.core.windows.net", "c", null, "?sv=1&sig=" + INGEST_SAS)));
    Map<String, String> read = of("kustoCluster", "mycluster", "kustoDatabase", "db", "kustoQuery", "T",
        "kustoAadAppId", "app", "kustoAadAppSecret", APP_SECRET, "transientStorage", transientJson);
    Map<String, String> write = of("kustoCluster", "mycluster", "kustoDatabase", "db", "kustoTable", "T",
        "kustoAadAppId", "app", "kustoAadAppSecret", APP_SECRET, "kustoIngestionStorageContainer", ingestion);

    try (LogCapture log = LogCapture.start()) {
      ReadConfig readConfig = ReadConfig.from(read);
      print(readConfig, readConfig.getConnection(), readConfig.getConnection().getAuth(),
          readConfig.getTransientStorage(), readConfig.getTransientStorage().getStorageCredentials(),
          KustoOptionsMap.of(read, OptionScope.READ), readConfig.getConnection().engineConnectionStringBuilder());
      WriteConfig writeConfig = WriteConfig.from(write);
      print(writeConfig, writeConfig.getIngestionStorage(), KustoOptionsMap.of(write, OptionScope.WRITE));
      ReadConfig tokenConfig = ReadConfig.from(with(read, "kustoAadAppId", "", "kustoAadAppSecret", "",
          "accessToken", ACCESS_TOKEN));
      print(tokenConfig, tokenConfig.getConnection().ingestionConnectionStringBuilder());
      ReadConfig certConfig = ReadConfig.from(with(read, "kustoAadAppSecret", "", "kutoAadAppCertPath", pfx,
          "kutoAadAppCertPassword", CERT_PASSWORD));
      print(certConfig, certConfig.getConnection().getAuth().getCertificate());
      ReadConfig legacyConfig = ReadConfig.from(with(read, "transientStorage", "", "kustoAadAppSecret", "",
          "kustoClientAADClientPassword", LEGACY_PASSWORD, "blobStorageAccountName", "a",
          "blobStorageAccountKey", ACCOUNT_KEY, "blobContainer", "c", "kustoAadAppSecert", APP_SECRET));
      print(legacyConfig);

      fails(() -> ReadConfig.from(with(read, "accessToken", ACCESS_TOKEN)));
      fails(() -> ReadConfig.from(with(read, "kustoAadAppId", "")));
      fails(() -> ReadConfig.from(with(read, "kustoAadAppSecret", "", "kutoAadAppCertPath", pfx,
          "kutoAadAppCertPassword", "wrong" + CERT_PASSWORD)));
      fails(() -> ReadConfig.from(with(read, "kutoAadAppCertPassword", CERT_PASSWORD)));
      fails(() -> ReadConfig.from(with(read, "kustoAadAppSecret", "", "kustoAadAppId", "", "keyVaultUri", "u",
          "keyVaultAppId", "a", "keyVaultAppKey", KEY_VAULT_KEY)));
      fails(() -> ReadConfig.from(with(read, "keyVaultPemFileKey", PEM_KEY)));
      fails(() -> ReadConfig.from(with(read, "kustoClientAADClientPassword", LEGACY_PASSWORD)));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "{\"storageCredentials\":[{\"sasUrl\":" + SIGNATURE)));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "{\"storageCredentials\":[{\"sasUrl\":\""
          + SAS_URL.replace("https", "http") + "\"}]}")));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "{\"storageCredentials\":[{\"sasUrl\":\""
          + "https://acc.blob.core.windows.net/?sig=" + SIGNATURE + "\"}]}")));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "{\"storageCredentials\":[{\"sasUrl\":\""
          + SAS_URL + "\",\"storageAccountKey\":\"" + ACCOUNT_KEY + "\"}]}")));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "{\"storageCredentials\":[{\"accountKey\":\""
          + ACCOUNT_KEY + "\"}]}")));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "", "blobStorageSasUrl", "ftp://x/y?sig=" + SIGNATURE)));
      fails(() -> ReadConfig.from(with(read, "transientStorage", "", "blobStorageAccountKey", ACCOUNT_KEY)));
      fails(() -> ReadConfig.from(with(read, "blobStorageSasUrl", SAS_URL)));
      fails(() -> ReadConfig.from(with(read, "kustoCluster", "https://c.kusto.windows.net?sig=" + SIGNATURE)));
      fails(() -> ReadConfig.from(with(read, "kustoIngestionUri", "http://dm.example.com/?sig=" + SIGNATURE)));
      fails(() -> WriteConfig.from(with(write, "kustoIngestionStorageContainer", "[{\"sas\":" + INGEST_SAS)));
      fails(() -> WriteConfig.from(with(write, "kustoIngestionStorageContainer",
          "[{\"storageUrl\":\"https://a.blob.core.windows.net?sig=" + INGEST_SAS + "\",\"containerName\":\"c\"}]")));
      fails(() -> WriteConfig.from(with(write, "kustoIngestionStorageContainer",
          "[{\"storageUrl\":\"ht tp://a?sig=" + INGEST_SAS + "\",\"containerName\":\"c\"}]")));
      fails(() -> WriteConfig.from(with(write, "kustoIngestionStorageContainer",
          "[{\"storageUrl\":\"https://a.blob.core.windows.net\",\"sas\":\"" + INGEST_SAS + "\"}]")));
      fails(() -> WriteConfig.from(with(write, "kustoAadAppId", "", "writeMode", "Bulk")));
      fails(() -> KustoOptionsMap.of(with(write, "kutoAadAppCertPassword", CERT_PASSWORD), OptionScope.WRITE)
          .getInt(KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD, 1, 2));
      texts.add(log.text());
    }

    assertThat(errors).isEqualTo(23);
    assertThat(texts).hasSizeGreaterThan(errors);
    for (String text : texts) {
      for (String secret : SECRETS) {
        assertThat(text).as("a secret leaked into: %s", text).doesNotContain(secret);
      }
    }
  }

  private void print(Object... objects) {
    for (Object o : objects) {
      texts.add(String.valueOf(o));
    }
  }

  private void fails(Supplier<Object> action) {
    try {
      Object unexpected = action.get();
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (KustoConnectorException e) {
      errors++;
      assertThat(e.getMessage()).startsWith("Cannot ");
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
      texts.add(e.toString());
    }
  }
}
