package com.microsoft.kusto.spark.common.auth;

import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.kusto.spark.common.util.ConnectorInfo;
import com.microsoft.kusto.spark.common.util.Digests;
import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One resolved authentication choice: immutable, serializable (executors rebuild SDK clients from it) and safe to
 * print ({@link #toString} names the method and non-secret identifiers only). Built by {@link AuthResolver} from
 * the options, or directly with the static factories. {@link #toConnectionStringBuilder} produces the SDK builder
 * for the engine or the ingestion endpoint.
 */
public final class AuthConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Name given to the SDK; it prefixes {@code Kusto.}, so Kusto sees {@code Kusto.Spark.Connector:<version>}. */
  static final String SDK_CONNECTOR_NAME = "Spark.Connector";

  private final AuthMethod method;
  private final String applicationId;
  private final String applicationSecret;
  private final String authority;
  private final PfxCertificate certificate;
  private final String accessToken;
  private final Callable<String> tokenProvider;
  private final String managedIdentityClientId;
  private final boolean fallback;

  private AuthConfig(AuthMethod method, String applicationId, String applicationSecret, String authority,
      PfxCertificate certificate, String accessToken, Callable<String> tokenProvider, String managedIdentityClientId,
      boolean fallback) {
    this.method = method;
    this.applicationId = applicationId;
    this.applicationSecret = applicationSecret;
    this.authority = authority;
    this.certificate = certificate;
    this.accessToken = accessToken;
    this.tokenProvider = tokenProvider;
    this.managedIdentityClientId = managedIdentityClientId;
    this.fallback = fallback;
  }

  /** Application id + client secret in tenant {@code authority}. */
  public static AuthConfig applicationSecret(String applicationId, String secret, String authority) {
    return new AuthConfig(AuthMethod.APPLICATION_SECRET, require(applicationId, "applicationId"),
        require(secret, "secret"), require(authority, "authority"), null, null, null, null, false);
  }

  /** Application id + certificate in tenant {@code authority}. */
  public static AuthConfig applicationCertificate(String applicationId, PfxCertificate certificate,
      String authority) {
    return new AuthConfig(AuthMethod.APPLICATION_CERTIFICATE, require(applicationId, "applicationId"), null,
        require(authority, "authority"), Objects.requireNonNull(certificate, "certificate"), null, null, null, false);
  }

  /** A pre-acquired bearer token (not refreshed). */
  public static AuthConfig accessToken(String token) {
    return new AuthConfig(AuthMethod.ACCESS_TOKEN, null, null, null, null, require(token, "token"), null, null,
        false);
  }

  /**
   * A token-returning callback; it must also be {@link Serializable} (checked by
   * {@link TokenProviderCallbacks#instantiate}).
   */
  public static AuthConfig tokenProvider(Callable<String> provider) {
    if (!(provider instanceof Serializable)) {
      throw new IllegalArgumentException("the token provider must be Serializable");
    }
    return new AuthConfig(AuthMethod.TOKEN_PROVIDER, null, null, null, null, null, provider, null, false);
  }

  /** Managed identity; system-assigned when {@code clientId} is null. */
  public static AuthConfig managedIdentity(String clientId) {
    return new AuthConfig(AuthMethod.MANAGED_IDENTITY, null, null, null, null, null, null, clientId, false);
  }

  /**
   * The Azure CLI login.
   *
   * @param fallback true when chosen because no credential was given (reported by {@link #isFallback})
   */
  public static AuthConfig azureCli(boolean fallback) {
    return new AuthConfig(AuthMethod.AZURE_CLI, null, null, null, null, null, null, null, fallback);
  }

  /** Device-code sign-in; {@code authority} may be null for the user's home tenant. */
  public static AuthConfig deviceCode(String authority) {
    return new AuthConfig(AuthMethod.DEVICE_CODE, null, null, authority, null, null, null, null, false);
  }

  /** Interactive browser sign-in; {@code authority} may be null for the user's home tenant. */
  public static AuthConfig userPrompt(String authority) {
    return new AuthConfig(AuthMethod.USER_PROMPT, null, null, authority, null, null, null, null, false);
  }

  /** No credentials, for loopback endpoints (the local emulator). */
  public static AuthConfig anonymous() {
    return new AuthConfig(AuthMethod.ANONYMOUS, null, null, null, null, null, null, null, true);
  }

  public AuthMethod getMethod() {
    return method;
  }

  /** The application (client) id, or {@code null} for methods without one. */
  public String getApplicationId() {
    return applicationId;
  }

  /** The tenant used, or {@code null} when the SDK's default applies. */
  public String getAuthority() {
    return authority;
  }

  /** The user-assigned managed identity client id, or {@code null}. */
  public String getManagedIdentityClientId() {
    return managedIdentityClientId;
  }

  /** The certificate of {@link AuthMethod#APPLICATION_CERTIFICATE}, or {@code null}. */
  public PfxCertificate getCertificate() {
    return certificate;
  }

  /** The callback class name of {@link AuthMethod#TOKEN_PROVIDER}, or {@code null}. */
  public String getTokenProviderClassName() {
    return tokenProvider == null ? null : tokenProvider.getClass().getName();
  }

  /** True when the method was chosen because no credential option was given. */
  public boolean isFallback() {
    return fallback;
  }

  /**
   * A new SDK connection string builder for {@code url} (engine or ingestion endpoint), tagged with the
   * connector's name and version for tracing.
   */
  public ConnectionStringBuilder toConnectionStringBuilder(String url) {
    ConnectionStringBuilder builder;
    switch (method) {
      case APPLICATION_SECRET:
        builder = ConnectionStringBuilder.createWithAadApplicationCredentials(url, applicationId, applicationSecret,
            authority);
        break;
      case APPLICATION_CERTIFICATE:
        builder = ConnectionStringBuilder.createWithAadApplicationCertificate(url, applicationId,
            certificate.getCertificate(), certificate.getPrivateKey(), authority);
        break;
      case ACCESS_TOKEN:
        builder = ConnectionStringBuilder.createWithAadAccessTokenAuthentication(url, accessToken);
        break;
      case TOKEN_PROVIDER:
        builder = ConnectionStringBuilder.createWithAadTokenProviderAuthentication(url, tokenProvider);
        break;
      case MANAGED_IDENTITY:
        builder = managedIdentityClientId == null ? ConnectionStringBuilder.createWithAadManagedIdentity(url)
            : ConnectionStringBuilder.createWithAadManagedIdentity(url, managedIdentityClientId);
        break;
      case AZURE_CLI:
        builder = ConnectionStringBuilder.createWithAzureCli(url);
        break;
      case DEVICE_CODE:
        builder = authority == null ? ConnectionStringBuilder.createWithDeviceCode(url)
            : ConnectionStringBuilder.createWithDeviceCode(url, authority);
        break;
      case USER_PROMPT:
        builder = authority == null ? ConnectionStringBuilder.createWithUserPrompt(url)
            : ConnectionStringBuilder.createWithUserPrompt(url, authority, null);
        break;
      case ANONYMOUS:
        builder = new ConnectionStringBuilder("Data Source=" + url);
        break;
      default:
        throw new IllegalStateException("unhandled authentication method " + method);
    }
    builder.setConnectorDetails(SDK_CONNECTOR_NAME, ConnectorInfo.version(), null, null, false, null,
        Collections.<String, String>emptyMap());
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AuthConfig)) {
      return false;
    }
    AuthConfig other = (AuthConfig) o;
    return method == other.method && fallback == other.fallback
        && Objects.equals(applicationId, other.applicationId)
        && Objects.equals(applicationSecret, other.applicationSecret)
        && Objects.equals(authority, other.authority)
        && Objects.equals(certificate, other.certificate)
        && Objects.equals(accessToken, other.accessToken)
        // Callbacks rarely define equals; the class identifies the provider well enough for config equality.
        && Objects.equals(getTokenProviderClassName(), other.getTokenProviderClassName())
        && Objects.equals(managedIdentityClientId, other.managedIdentityClientId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, applicationId, authority, getTokenProviderClassName(), managedIdentityClientId);
  }

  /**
   * A digest of everything that identifies the credential, secrets included, for keys that must tell two identities
   * apart without holding their secrets in clear (for example the transient export cache).
   */
  public String identityDigest() {
    return Digests.sha256(method.name(), String.valueOf(fallback), applicationId, applicationSecret, authority,
        certificate == null ? null : certificate.digest(), accessToken, getTokenProviderClassName(),
        managedIdentityClientId);
  }

  /** Method and non-secret identifiers only. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AuthConfig{method=").append(method);
    if (applicationId != null) {
      sb.append(", applicationId=").append(applicationId);
    }
    if (authority != null) {
      sb.append(", authority=").append(authority);
    }
    if (applicationSecret != null) {
      sb.append(", secret=****");
    }
    if (certificate != null) {
      sb.append(", certificate=").append(certificate.getPath());
    }
    if (accessToken != null) {
      sb.append(", accessToken=****");
    }
    if (tokenProvider != null) {
      sb.append(", tokenProvider=").append(getTokenProviderClassName());
    }
    if (managedIdentityClientId != null) {
      sb.append(", managedIdentityClientId=").append(managedIdentityClientId);
    }
    if (fallback) {
      sb.append(", fallback=true");
    }
    return sb.append('}').toString();
  }

  private static String require(String value, String name) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
