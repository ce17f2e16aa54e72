package com.microsoft.kusto.spark.common.auth;

/** The ways the connector can authenticate to Kusto; see {@link AuthResolver} for how one is chosen. */
public enum AuthMethod {
  /** Application id + client secret ({@code kustoAadAppId}, {@code kustoAadAppSecret}). */
  APPLICATION_SECRET,
  /** Application id + certificate from a PFX file ({@code kutoAadAppCertPath}). */
  APPLICATION_CERTIFICATE,
  /** A pre-acquired bearer token ({@code accessToken}). */
  ACCESS_TOKEN,
  /** A user class returning tokens ({@code tokenProviderCallbackClasspath}). */
  TOKEN_PROVIDER,
  /** Managed identity of the machine ({@code managedIdentityAuth}). */
  MANAGED_IDENTITY,
  /** The Azure CLI login ({@code azureCliAuth}, and the fallback for remote clusters). */
  AZURE_CLI,
  /** Device-code sign-in ({@code deviceCodeAuth}). */
  DEVICE_CODE,
  /** Interactive browser sign-in ({@code userPrompt}). */
  USER_PROMPT,
  /** No credentials: only for loopback endpoints such as the local emulator. */
  ANONYMOUS
}
