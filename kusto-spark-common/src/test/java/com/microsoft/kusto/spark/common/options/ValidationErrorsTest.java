package com.microsoft.kusto.spark.common.options;

import static com.microsoft.kusto.spark.common.util.TestOptions.remoteRead;
import static com.microsoft.kusto.spark.common.util.TestOptions.remoteWrite;
import static com.microsoft.kusto.spark.common.util.TestOptions.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.common.auth.TestTokenProviders;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validation errors not already covered by the per-class tests, one row each: option, value, message start. */
class ValidationErrorsTest {
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "kustoCluster | https://exa mple.com | Cannot read option 'kustoCluster': the value [https://exa mple.com] is not "
          + "usable: it is not a valid URL.",
      "kustoCluster | https:///path | Cannot read option 'kustoCluster': the value [https:///path] is not usable: it "
          + "has no host name.",
      "clientRequestPropertiesJson | [1] | Cannot parse option 'clientRequestPropertiesJson': the value is not a JSON "
          + "object. Use the toString() of a com.microsoft.azure.kusto.data.ClientRequestProperties",
      "kustoExportOptionsJson | `{\"compressionType\":\" \"}` | Cannot parse option 'kustoExportOptionsJson': "
          + "'compressionType' is empty. Expected a codec name such as snappy or gzip.",
      "kustoExportOptionsJson | `{\"useNativeParquetWriter\":\"maybe\"}` | Cannot parse option "
          + "'kustoExportOptionsJson': 'useNativeParquetWriter' has the value [maybe]. Expected one of: true, false.",
      "transientStorage | [] | Cannot parse option 'transientStorage': the value is not a JSON object.",
      "transientStorage | `{\"storageCredentials\":[1]}` | Cannot parse option 'transientStorage': each entry of "
          + "'storageCredentials' must be an object.",
      "transientStorage | `{\"storageCredentials\":[{\"blobContainer\":\"c\"}]}` | Cannot parse option "
          + "'transientStorage': a credential has no 'sasUrl', 'sasKey' or 'storageAccountKey'.",
      "kustoIngestionStorageContainer | `[{\"storageUrl\":\"::\",\"containerName\":\"c\"}]` | Cannot parse option "
          + "'kustoIngestionStorageContainer': 'storageUrl' [::] is not a URL.",
      "tokenProviderCallbackClasspath | com.microsoft.kusto.spark.common.auth.TestTokenProviders$ThrowingConstructor | "
          + "Cannot use the token provider class [com.microsoft.kusto.spark.common.auth.TestTokenProviders"
          + "$ThrowingConstructor] of option 'tokenProviderCallbackClasspath': its constructor threw "
          + "java.lang.IllegalArgumentException. Fix the constructor.",
      "tokenProviderCallbackClasspath | com.microsoft.kusto.spark.common.auth.TestTokenProviders$WrongConstructor | "
          + "Cannot use the token provider class [com.microsoft.kusto.spark.common.auth.TestTokenProviders"
          + "$WrongConstructor] of option 'tokenProviderCallbackClasspath': it has no public constructor taking a "
          + "java.util.Map<String, String> or no arguments. Add a public constructor taking the options map.",
  })
  void reportsTheOptionAndHowToFixIt(String key, String value, String expectedStart) {
    boolean write = KustoOptionRegistry.find(key).scope() == OptionScope.WRITE;
    assertThatThrownBy(() -> {
      if (write) {
        WriteConfig.from(with(remoteWrite(), "kustoAadAppId", "", "kustoAadAppSecret", "", key, value));
      } else {
        ReadConfig.from(with(remoteRead(), "kustoAadAppId", "", "kustoAadAppSecret", "", key, value));
      }
    })
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith(expectedStart);
  }

  static {
    // Referenced so the test classes used by name above are compiled with this test.
    TestTokenProviders.class.getName();
  }
}
