package com.microsoft.kusto.spark.common.auth;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.KustoCommonOptions;
import com.microsoft.kusto.spark.common.options.KustoDebugOptions;
import com.microsoft.kusto.spark.common.options.KustoOption;
import com.microsoft.kusto.spark.common.options.KustoOptionsMap;
import com.microsoft.kusto.spark.common.util.Endpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the authentication method from the options. The chain, checked in this order:
 *
 * <ol>
 *   <li>Application: {@code kustoAadAppId} with {@code kustoAadAppSecret} (client secret) or
 *       {@code kutoAadAppCertPath} [+ {@code kutoAadAppCertPassword}] (PFX certificate); tenant
 *       {@code kustoAadAuthorityID}, default {@code microsoft.com}.</li>
 *   <li>Managed identity: {@code managedIdentityAuth=true} [+ {@code managedIdentityClientId}].</li>
 *   <li>Access token: {@code accessToken}.</li>
 *   <li>Token provider: {@code tokenProviderCallbackClasspath}, instantiated, called and serialize-checked here,
 *       on the driver.</li>
 *   <li>User prompt: {@code userPrompt} (any value but {@code false}).</li>
 *   <li>Device code: {@code deviceCodeAuth=true}.</li>
 *   <li>Azure CLI: {@code azureCliAuth=true}.</li>
 *   <li>Nothing given: anonymous for loopback endpoints (localhost, 127.x.x.x, ::1 — the local emulator), the
 *       Azure CLI login otherwise (the established connector fell back to a one-hour token from the CLI or a
 *       device code; the CLI credential here refreshes itself).</li>
 * </ol>
 *
 * <p>Loopback note: the SDK never sends credentials to URLs starting with {@code http://localhost}; a warning says so
 * when a credential is configured for such a URL ({@code http://127.0.0.1:<port>} works).
 *
 * <p>The chain does not pick a winner among several credentials: giving more than one method is an error naming
 * both options, because silently ignoring a credential hides configuration mistakes. Key Vault options are
 * rejected with an explanation (this connector does not read Key Vault). Interactive methods use
 * {@code kustoAadAuthorityID} only when it is given explicitly, so they sign in to the user's home tenant by
 * default instead of {@code microsoft.com}.
 */
public final class AuthResolver {
  private static final Logger LOG = LoggerFactory.getLogger(AuthResolver.class);

  private AuthResolver() {}

  /**
   * Resolves the authentication for {@code engineUrl} (already normalised).
   *
   * @throws InvalidOptionException when the options are incomplete, contradictory or unsupported
   */
  public static AuthConfig resolve(KustoOptionsMap options, String engineUrl) {
    AuthConfig auth = choose(options, engineUrl);
    // ClientImpl of the SDK (7.x) creates no token provider for URLs starting with "http://localhost", so any
    // credential would be silently dropped there.
    if (auth.getMethod() != AuthMethod.ANONYMOUS && engineUrl.toLowerCase(Locale.ROOT).startsWith("http://localhost")) {
      LOG.warn("The Kusto SDK sends no credentials to http://localhost URLs; the {} credential is not used for {}. "
          + "Use http://127.0.0.1:<port> or https to test authentication locally.", auth.getMethod(), engineUrl);
    }
    return auth;
  }

  private static AuthConfig choose(KustoOptionsMap options, String engineUrl) {
    rejectKeyVault(options);
    List<KustoOption> kinds = new ArrayList<>();
    KustoOption application = applicationOption(options);
    if (application != null) {
      kinds.add(application);
    }
    if (options.getBoolean(KustoCommonOptions.MANAGED_IDENTITY_AUTH)) {
      kinds.add(KustoCommonOptions.MANAGED_IDENTITY_AUTH);
    }
    addIfPresent(options, kinds, KustoCommonOptions.ACCESS_TOKEN);
    addIfPresent(options, kinds, KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH);
    String userPrompt = options.get(KustoCommonOptions.USER_PROMPT);
    if (userPrompt != null && !"false".equalsIgnoreCase(userPrompt)) {
      kinds.add(KustoCommonOptions.USER_PROMPT);
    }
    if (options.getBoolean(KustoCommonOptions.DEVICE_CODE_AUTH)) {
      kinds.add(KustoCommonOptions.DEVICE_CODE_AUTH);
    }
    if (options.getBoolean(KustoCommonOptions.AZURE_CLI_AUTH)) {
      kinds.add(KustoCommonOptions.AZURE_CLI_AUTH);
    }
    if (kinds.size() > 1) {
      String first = kinds.get(0).key();
      String second = kinds.get(1).key();
      throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "choose the authentication method", "options '" + first + "' and '" + second
              + "' select different authentication methods",
          "Keep the options of only one method."), first, second);
    }
    if (options.contains(KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID)
        && !kinds.contains(KustoCommonOptions.MANAGED_IDENTITY_AUTH)) {
      throw new InvalidOptionException(ErrorCode.INVALID_AUTHENTICATION, KustoConnectorException.message(
          "use option '" + KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID.key() + "'",
          "it only applies to managed identity authentication",
          "Also set '" + KustoCommonOptions.MANAGED_IDENTITY_AUTH.key() + "' to true, or remove it."),
          KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID.key(), KustoCommonOptions.MANAGED_IDENTITY_AUTH.key());
    }
    if (kinds.isEmpty()) {
      return fallback(engineUrl);
    }
    KustoOption kind = kinds.get(0);
    String authority = options.get(KustoCommonOptions.AAD_AUTHORITY_ID);
    if (kind == KustoCommonOptions.AAD_APP_SECRET) {
      return AuthConfig.applicationSecret(options.get(KustoCommonOptions.AAD_APP_ID),
          options.get(KustoCommonOptions.AAD_APP_SECRET), options.getOrDefault(KustoCommonOptions.AAD_AUTHORITY_ID));
    }
    if (kind == KustoCommonOptions.AAD_APP_CERTIFICATE_PATH) {
      PfxCertificate certificate = PfxCertificate.load(options.get(KustoCommonOptions.AAD_APP_CERTIFICATE_PATH),
          options.get(KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD),
          KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key());
      return AuthConfig.applicationCertificate(options.get(KustoCommonOptions.AAD_APP_ID), certificate,
          options.getOrDefault(KustoCommonOptions.AAD_AUTHORITY_ID));
    }
    if (kind == KustoCommonOptions.MANAGED_IDENTITY_AUTH) {
      return AuthConfig.managedIdentity(options.get(KustoCommonOptions.MANAGED_IDENTITY_CLIENT_ID));
    }
    if (kind == KustoCommonOptions.ACCESS_TOKEN) {
      return AuthConfig.accessToken(options.get(KustoCommonOptions.ACCESS_TOKEN));
    }
    if (kind == KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH) {
      return AuthConfig.tokenProvider(TokenProviderCallbacks.instantiate(
          options.get(KustoCommonOptions.TOKEN_PROVIDER_CALLBACK_CLASSPATH), options.asMap()));
    }
    if (kind == KustoCommonOptions.USER_PROMPT) {
      return AuthConfig.userPrompt(authority);
    }
    if (kind == KustoCommonOptions.DEVICE_CODE_AUTH) {
      return AuthConfig.deviceCode(authority);
    }
    return AuthConfig.azureCli(false);
  }

  /**
   * Validates the application options and returns the option that identifies the variant ({@code
   * kustoAadAppSecret} or {@code kutoAadAppCertPath}), or {@code null} when no application option is given.
   */
  private static KustoOption applicationOption(KustoOptionsMap options) {
    boolean appId = options.contains(KustoCommonOptions.AAD_APP_ID);
    boolean secret = options.contains(KustoCommonOptions.AAD_APP_SECRET);
    boolean certPath = options.contains(KustoCommonOptions.AAD_APP_CERTIFICATE_PATH);
    boolean certPassword = options.contains(KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD);
    if (certPassword && !certPath) {
      throw invalidAuth(KustoCommonOptions.AAD_APP_CERTIFICATE_PASSWORD,
          "it has no effect without '" + KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key() + "'",
          "Set the PFX file path in '" + KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key() + "' or remove it.");
    }
    if (secret && certPath) {
      throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "choose the authentication method", "options '" + KustoCommonOptions.AAD_APP_SECRET.key() + "' and '"
              + KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key() + "' select different authentication methods",
          "Keep the options of only one method."),
          KustoCommonOptions.AAD_APP_SECRET.key(), KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key());
    }
    if ((secret || certPath) && !appId) {
      KustoOption given = secret ? KustoCommonOptions.AAD_APP_SECRET : KustoCommonOptions.AAD_APP_CERTIFICATE_PATH;
      throw invalidAuth(given, "the application id is missing",
          "Set '" + KustoCommonOptions.AAD_APP_ID.key() + "' to the application (client) id.");
    }
    if (appId && !secret && !certPath) {
      throw invalidAuth(KustoCommonOptions.AAD_APP_ID,
          "neither '" + KustoCommonOptions.AAD_APP_SECRET.key() + "' nor '"
              + KustoCommonOptions.AAD_APP_CERTIFICATE_PATH.key() + "' is given",
          "Set the application secret or the PFX certificate path.");
    }
    if (!appId) {
      return null;
    }
    return secret ? KustoCommonOptions.AAD_APP_SECRET : KustoCommonOptions.AAD_APP_CERTIFICATE_PATH;
  }

  private static void rejectKeyVault(KustoOptionsMap options) {
    KustoOption[] keyVault = {KustoCommonOptions.KEY_VAULT_URI, KustoCommonOptions.KEY_VAULT_APP_ID,
        KustoCommonOptions.KEY_VAULT_APP_KEY, KustoDebugOptions.KEY_VAULT_PEM_FILE_PATH,
        KustoDebugOptions.KEY_VAULT_CERTIFICATE_KEY};
    for (KustoOption option : keyVault) {
      if (options.contains(option)) {
        throw new InvalidOptionException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
            "use option '" + option.key() + "'", "reading credentials from Azure Key Vault is not supported",
            "Read the secrets yourself (for example with your platform's secret scope) and pass them with '"
                + KustoCommonOptions.AAD_APP_ID.key() + "' and '" + KustoCommonOptions.AAD_APP_SECRET.key()
                + "', or use managed identity."), option.key());
      }
    }
  }

  private static AuthConfig fallback(String engineUrl) {
    if (Endpoints.isLoopbackUrl(engineUrl)) {
      LOG.info("No credential options given for loopback endpoint {}; connecting anonymously.", engineUrl);
      return AuthConfig.anonymous();
    }
    LOG.info("No credential options given for {}; using the Azure CLI login ('az login'). Executors need the same "
        + "login; prefer application, managed identity or token-provider authentication on clusters.", engineUrl);
    return AuthConfig.azureCli(true);
  }

  private static void addIfPresent(KustoOptionsMap options, List<KustoOption> kinds, KustoOption option) {
    if (options.contains(option)) {
      kinds.add(option);
    }
  }

  private static InvalidOptionException invalidAuth(KustoOption option, String reason, String fix) {
    return new InvalidOptionException(ErrorCode.INVALID_AUTHENTICATION,
        KustoConnectorException.message("authenticate with option '" + option.key() + "'", reason, fix),
        option.key());
  }
}
