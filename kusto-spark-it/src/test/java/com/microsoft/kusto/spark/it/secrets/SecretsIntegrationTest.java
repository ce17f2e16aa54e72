package com.microsoft.kusto.spark.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.kusto.spark.it.write.WriteKit;
import com.microsoft.kusto.spark.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets planted where they come back in storage and service errors (a SAS signature in a container URL that does
 * not exist, a bearer token, an account key) reach no log line, exception message or stack trace, {@code toString}
 * or {@code explain()}, on every Spark line.
 */
class SecretsIntegrationTest {
  private static final String SIGNATURE = "PLANTEDsig7Qx";
  private static final String TOKEN = "PLANTEDtoken3Kd";
  private static final String ACCOUNT_KEY = "PLANTEDkey9Wm";
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** Everything an action printed (slf4j-simple looks {@code System.err} up on every line) and threw. */
  private static String capture(Runnable action) {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true);
    System.setErr(capture);
    System.setOut(capture);
    StringWriter thrown = new StringWriter();
    try {
      Throwable failure = catchThrowable(action::run);
      if (failure != null) {
        failure.printStackTrace(new PrintWriter(thrown));
      }
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String all = new String(printed.toByteArray(), StandardCharsets.UTF_8) + "\n" + thrown;
    err.print(all);
    return all;
  }

  private static void assertNoSecret(String text) {
    assertThat(text).doesNotContain(SIGNATURE).doesNotContain(TOKEN).doesNotContain(ACCOUNT_KEY);
  }

  @Test
  void aReadIntoAMissingExportContainerLeaksNeitherSignatureNorToken() {
    String missing = kit.kusto().newContainerSasUrl().replaceAll("/(it[0-9a-f]+)\\?", "/missing$1?")
        .replaceAll("sig=[^&]*", "sig=" + SIGNATURE);
    Map<String, String> options = kit.kusto().options("FaultSecrets");
    options.put("readMode", "ForceDistributedMode");
    options.put("transientStorage", "{\"storageCredentials\":[{\"sasUrl\":\"" + missing + "\"},"
        + "{\"storageAccountName\":\"devstoreaccount1\",\"storageAccountKey\":\"" + ACCOUNT_KEY + "\","
        + "\"blobContainer\":\"missing2\"}],\"endpointSuffix\":\"core.windows.net\"}");
    options.put("accessToken", TOKEN);
    kit.command(".create-merge table FaultSecrets (id:long)");
    String[] plan = new String[1];
    String printed = capture(() -> {
      Dataset<Row> read = LocalSpark.session().read().format("kusto").options(options).load();
      // The logical plans only: physical planning runs the export, which fails here.
      plan[0] = read.queryExecution().optimizedPlan().toString() + read.queryExecution().analyzed().toString()
          + read.schema().toString();
      read.collectAsList();
    });
    assertThat(plan[0]).as("the plan; the read printed:\n%s", printed).contains("FaultSecrets");
    assertNoSecret(plan[0]);
    assertThat(printed).as("the read failed and said so").contains("KSC-");
    assertNoSecret(printed);
  }

  @Test
  void aWriteToAMissingStagingContainerLeaksNoSignature() {
    String container = kit.kusto().newContainerSasUrl();
    String account = container.substring(0, container.lastIndexOf('/'));
    String ingestion = "[{\"storageUrl\":\"" + account + "\",\"containerName\":\"missingstaging\","
        + "\"sas\":\"?sv=2021-08-06&sp=racwdl&sig=" + SIGNATURE + "\"}]";
    String printed = capture(() -> kit.writer(WriteKit.people(0, 10, 1), "SecretsWrite", "tableCreateOptions",
        "CreateIfNotExist", "kustoIngestionStorageContainer", ingestion, "accessToken", TOKEN)
        .mode(SaveMode.Append).save());
    assertThat(printed).as("the write failed and said so").contains("KSC-");
    assertNoSecret(printed);
  }
}
