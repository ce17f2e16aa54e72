package com.microsoft.kusto.spark.common.auth;

import static com.microsoft.kusto.spark.common.auth.ConnectionStrings.field;
import static com.microsoft.kusto.spark.common.util.TestOptions.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.options.KustoOptionsMap;
import com.microsoft.kusto.spark.common.options.OptionScope;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthResolverTest {
  private static final String REMOTE = "https://mycluster.westeurope.kusto.windows.net";
  private static final String INGEST = "https://ingest-mycluster.westeurope.kusto.windows.net";

  private static AuthConfig resolve(String... keysAndValues) {
    Map<String, String> options = of(keysAndValues);
    options.put("kustoDatabase", "db");
    return AuthResolver.resolve(KustoOptionsMap.of(options, OptionScope.READ), REMOTE);
  }

  @Test
  void applicationSecretWithAuthorityDefaultingToMicrosoft() {
    AuthConfig auth = resolve("kustoAadAppId", "app", "kustoAadAppSecret", "s3cret");
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.APPLICATION_SECRET);
    assertThat(auth.getAuthority()).isEqualTo("microsoft.com");
    ConnectionStringBuilder csb = auth.toConnectionStringBuilder(REMOTE);
    assertThat(csb.getClusterUrl()).isEqualTo(REMOTE);
    assertThat(field(csb, "applicationClientId")).isEqualTo("app");
    assertThat(field(csb, "applicationKey")).isEqualTo("s3cret");
    assertThat(field(csb, "aadAuthorityId")).isEqualTo("microsoft.com");
    assertThat(field(csb, "aadFederatedSecurity")).isEqualTo(true);
    assertThat(resolve("kustoAadAppId", "app", "kustoAadAppSecret", "s", "kustoAadAuthorityID", "tenant")
        .getAuthority()).isEqualTo("tenant");
  }

  @Test
  void engineAndIngestionBuildersCarryConnectorDetails() {
    ReadConfig config = ReadConfig.from(of("kustoCluster", "mycluster.westeurope", "kustoDatabase", "db",
        "kustoQuery", "T", "kustoAadAppId", "app", "kustoAadAppSecret", "s"));
    ConnectionConfig connection = config.getConnection();
    ConnectionStringBuilder engine = connection.engineConnectionStringBuilder();
    ConnectionStringBuilder ingest = connection.ingestionConnectionStringBuilder();
    assertThat(engine.getClusterUrl()).isEqualTo(REMOTE);
    assertThat(ingest.getClusterUrl()).isEqualTo(INGEST);
    assertThat(field(ingest, "applicationClientId")).isEqualTo("app");
    assertThat(engine.getApplicationNameForTracing()).startsWith("Kusto.Spark.Connector:");
    assertThat(ingest.getApplicationNameForTracing()).startsWith("Kusto.Spark.Connector:");
  }

  @Test
  void applicationCertificateFromPfx(@TempDir Path dir) throws Exception {
    File pfx = createPfx(dir, "pfx-pass");
    AuthConfig auth = resolve("kustoAadAppId", "app", "kutoAadAppCertPath", pfx.getPath(),
        "kutoAadAppCertPassword", "pfx-pass", "kustoAadAuthorityID", "tenant");
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.APPLICATION_CERTIFICATE);
    assertThat(auth.getCertificate().getPath()).isEqualTo(pfx.getPath());
    // The PFX bytes travel with the config: executors do not need the file.
    AuthConfig copy = roundTrip(auth);
    assertThat(pfx.delete()).isTrue();
    ConnectionStringBuilder csb = copy.toConnectionStringBuilder(REMOTE);
    assertThat(field(csb, "useCertificateAuth")).isEqualTo(true);
    assertThat(field(csb, "applicationClientId")).isEqualTo("app");
    assertThat(field(csb, "aadAuthorityId")).isEqualTo("tenant");
    assertThat(field(csb, "x509Certificate").toString()).contains("CN=kusto-spark-test");
    assertThat(field(csb, "privateKey")).isNotNull();
    assertThat(copy).isEqualTo(auth);
  }

  @Test
  void certificateProblemsAreReported(@TempDir Path dir) throws Exception {
    File pfx = createPfx(dir, "right-pass");
    assertThatThrownBy(() -> resolve("kustoAadAppId", "app", "kutoAadAppCertPath", pfx.getPath(),
        "kutoAadAppCertPassword", "wrong-pass"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CERTIFICATE_UNREADABLE))
        .hasMessageStartingWith("Cannot read the PFX file [" + pfx.getPath() + "] of option 'kutoAadAppCertPath': "
            + "it is not a PKCS12 file or the password is wrong (")
        .hasMessageNotContaining("wrong-pass");
    String missing = dir.resolve("missing.pfx").toString();
    assertThatThrownBy(() -> resolve("kustoAadAppId", "app", "kutoAadAppCertPath", missing))
        .hasMessage("Cannot read the PFX file [" + missing + "] of option 'kutoAadAppCertPath': the file cannot be "
            + "read (NoSuchFileException). Check that the file exists on the driver and is readable.");
  }

  @Test
  void accessToken() {
    AuthConfig auth = resolve("accessToken", "tok-123");
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.ACCESS_TOKEN);
    assertThat(field(auth.toConnectionStringBuilder(REMOTE), "accessToken")).isEqualTo("tok-123");
  }

  @Test
  void tokenProviderIsBuiltWithTheOptionsAndCalledOnTheDriver() throws Exception {
    int before = TestTokenProviders.FromOptions.CALLS.get();
    AuthConfig auth = resolve("tokenProviderCallbackClasspath", TestTokenProviders.FromOptions.class.getName());
    assertThat(TestTokenProviders.FromOptions.CALLS.get()).isEqualTo(before + 1);
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.TOKEN_PROVIDER);
    assertThat(auth.getTokenProviderClassName()).isEqualTo(TestTokenProviders.FromOptions.class.getName());
    ConnectionStringBuilder csb = roundTrip(auth).toConnectionStringBuilder(REMOTE);
    assertThat(csb.getTokenProvider().call()).isEqualTo("token-for-db");
    assertThat(resolve("tokenProviderCallbackClasspath", TestTokenProviders.NoArgs.class.getName()).getMethod())
        .isEqualTo(AuthMethod.TOKEN_PROVIDER);
  }

  @Test
  void badTokenProvidersFailOnTheDriver() {
    String prefix = "Cannot use the token provider class [";
    assertThatThrownBy(() -> resolve("tokenProviderCallbackClasspath", "com.example.Missing"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.TOKEN_PROVIDER_FAILED))
        .hasMessage(prefix + "com.example.Missing] of option 'tokenProviderCallbackClasspath': the class cannot be "
            + "loaded (ClassNotFoundException). Check the fully qualified class name and that its jar is on the "
            + "driver and executor class path.");
    assertThatThrownBy(() -> resolve("tokenProviderCallbackClasspath", TestTokenProviders.NotCallable.class.getName()))
        .hasMessageContaining("the class must implement java.util.concurrent.Callable<String> and java.io.Serializable");
    assertThatThrownBy(() -> resolve("tokenProviderCallbackClasspath",
        TestTokenProviders.NotSerializableField.class.getName()))
        .hasMessageContaining("it cannot be serialized for the executors (NotSerializableException: java.lang.Object)");
    assertThatThrownBy(() -> resolve("tokenProviderCallbackClasspath", TestTokenProviders.Throwing.class.getName()))
        .hasMessageContaining("calling it on the driver threw java.lang.IllegalStateException")
        .hasRootCauseMessage("no token today");
    assertThatThrownBy(() -> resolve("tokenProviderCallbackClasspath", TestTokenProviders.Empty.class.getName()))
        .hasMessageContaining("calling it on the driver returned no token. Return a non-empty access token string.");
  }

  @Test
  void managedIdentitySystemAndUserAssigned() {
    AuthConfig system = resolve("managedIdentityAuth", "true");
    assertThat(system.getMethod()).isEqualTo(AuthMethod.MANAGED_IDENTITY);
    ConnectionStringBuilder csb = system.toConnectionStringBuilder(REMOTE);
    assertThat(field(csb, "useManagedIdentityAuth")).isEqualTo(true);
    assertThat(csb.getManagedIdentityClientId()).isNull();
    AuthConfig user = resolve("managedIdentityAuth", "TRUE", "managedIdentityClientId", "mi-client");
    assertThat(user.toConnectionStringBuilder(REMOTE).getManagedIdentityClientId()).isEqualTo("mi-client");
    assertThatThrownBy(() -> resolve("managedIdentityClientId", "mi-client"))
        .hasMessage("Cannot use option 'managedIdentityClientId': it only applies to managed identity authentication. "
            + "Also set 'managedIdentityAuth' to true, or remove it.");
  }

  @Test
  void interactiveMethods() {
    AuthConfig cli = resolve("azureCliAuth", "true");
    assertThat(cli.getMethod()).isEqualTo(AuthMethod.AZURE_CLI);
    assertThat(cli.isFallback()).isFalse();
    assertThat(field(cli.toConnectionStringBuilder(REMOTE), "useAzureCli")).isEqualTo(true);

    AuthConfig device = resolve("deviceCodeAuth", "true", "kustoAadAuthorityID", "tenant");
    assertThat(device.getMethod()).isEqualTo(AuthMethod.DEVICE_CODE);
    ConnectionStringBuilder deviceCsb = device.toConnectionStringBuilder(REMOTE);
    assertThat(field(deviceCsb, "useDeviceCodeAuth")).isEqualTo(true);
    assertThat(field(deviceCsb, "aadAuthorityId")).isEqualTo("tenant");

    AuthConfig prompt = resolve("userPrompt", "yes");
    assertThat(prompt.getMethod()).isEqualTo(AuthMethod.USER_PROMPT);
    assertThat(prompt.getAuthority()).as("home tenant unless given").isNull();
    assertThat(field(prompt.toConnectionStringBuilder(REMOTE), "useUserPromptAuth")).isEqualTo(true);
    assertThat(resolve("userPrompt", "false").getMethod()).isEqualTo(AuthMethod.AZURE_CLI);
  }

  @Test
  void noCredentialsMeansAzureCliForRemoteAndAnonymousForLoopback() {
    AuthConfig remote = resolve();
    assertThat(remote.getMethod()).isEqualTo(AuthMethod.AZURE_CLI);
    assertThat(remote.isFallback()).isTrue();
    for (String local : new String[] {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"}) {
      AuthConfig anonymous = AuthResolver.resolve(KustoOptionsMap.of(of(), OptionScope.READ), local);
      assertThat(anonymous.getMethod()).as(local).isEqualTo(AuthMethod.ANONYMOUS);
      ConnectionStringBuilder csb = anonymous.toConnectionStringBuilder(local);
      assertThat(csb.getClusterUrl()).isEqualTo(local);
      assertThat(field(csb, "aadFederatedSecurity")).isEqualTo(false);
      assertThat(csb.getApplicationNameForTracing()).startsWith("Kusto.Spark.Connector:");
    }
  }

  @Test
  void loopbackWithCredentialsUsesThem() {
    AuthConfig auth = AuthResolver.resolve(KustoOptionsMap.of(of("accessToken", "t"), OptionScope.READ),
        "http://127.0.0.1:8080");
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.ACCESS_TOKEN);
  }

  @Test
  void moreThanOneMethodIsAnErrorNamingBothOptions() {
    assertThatThrownBy(() -> resolve("kustoAadAppId", "app", "kustoAadAppSecret", "s", "accessToken", "t"))
        .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(ErrorCode.CONFLICTING_OPTIONS);
          assertThat(e.getOptionKeys()).containsExactly("kustoAadAppSecret", "accessToken");
        })
        .hasMessage("Cannot choose the authentication method: options 'kustoAadAppSecret' and 'accessToken' select "
            + "different authentication methods. Keep the options of only one method.");
    assertThatThrownBy(() -> resolve("managedIdentityAuth", "true", "tokenProviderCallbackClasspath", "x"))
        .hasMessageContaining("options 'managedIdentityAuth' and 'tokenProviderCallbackClasspath' select different");
    assertThatThrownBy(() -> resolve("userPrompt", "1", "deviceCodeAuth", "true"))
        .hasMessageContaining("options 'userPrompt' and 'deviceCodeAuth' select different");
    assertThatThrownBy(() -> resolve("kustoAadAppId", "a", "kustoAadAppSecret", "s", "kutoAadAppCertPath", "/x"))
        .hasMessageContaining("options 'kustoAadAppSecret' and 'kutoAadAppCertPath' select different");
  }

  @Test
  void incompleteApplicationCredentials() {
    assertThatThrownBy(() -> resolve("kustoAadAppId", "app"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.INVALID_AUTHENTICATION))
        .hasMessage("Cannot authenticate with option 'kustoAadAppId': neither 'kustoAadAppSecret' nor "
            + "'kutoAadAppCertPath' is given. Set the application secret or the PFX certificate path.");
    assertThatThrownBy(() -> resolve("kustoAadAppSecret", "s"))
        .hasMessage("Cannot authenticate with option 'kustoAadAppSecret': the application id is missing. Set "
            + "'kustoAadAppId' to the application (client) id.");
    assertThatThrownBy(() -> resolve("kustoAadAppId", "app", "kustoAadAppSecret", "s", "kutoAadAppCertPassword", "p"))
        .hasMessage("Cannot authenticate with option 'kutoAadAppCertPassword': it has no effect without "
            + "'kutoAadAppCertPath'. Set the PFX file path in 'kutoAadAppCertPath' or remove it.");
  }

  @Test
  void keyVaultIsRejectedWithAnExplanation() {
    assertThatThrownBy(() -> resolve("keyVaultUri", "https://v.vault.azure.net", "keyVaultAppId", "a",
        "keyVaultAppKey", "k"))
        .isInstanceOfSatisfying(InvalidOptionException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE))
        .hasMessage("Cannot use option 'keyVaultUri': reading credentials from Azure Key Vault is not supported. Read "
            + "the secrets yourself (for example with your platform's secret scope) and pass them with "
            + "'kustoAadAppId' and 'kustoAadAppSecret', or use managed identity.");
  }

  @Test
  void legacyCredentialKeysStillWork() {
    AuthConfig auth = resolve("kustoAADClientID", "app", "kustoClientAADClientPassword", "s",
        "kustoAADAuthorityID", "tenant");
    assertThat(auth.getMethod()).isEqualTo(AuthMethod.APPLICATION_SECRET);
    assertThat(auth.getApplicationId()).isEqualTo("app");
    assertThat(auth.getAuthority()).isEqualTo("tenant");
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(resolve("kustoAadAppId", "app", "kustoAadAppSecret", "s3cret").toString())
        .isEqualTo("AuthConfig{method=APPLICATION_SECRET, applicationId=app, authority=microsoft.com, secret=****}");
    assertThat(resolve("accessToken", "tok-123").toString())
        .isEqualTo("AuthConfig{method=ACCESS_TOKEN, accessToken=****}");
  }

  static File createPfx(Path dir, String password) throws Exception {
    File file = dir.resolve("app.pfx").toFile();
    String keytool = System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool";
    Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize",
        "2048", "-storetype", "PKCS12", "-keystore", file.getPath(), "-storepass", password, "-keypass", password,
        "-dname", "CN=kusto-spark-test", "-validity", "2").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return file;
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
