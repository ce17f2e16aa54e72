package com.microsoft.kusto.spark.common.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking of secret values before they reach a message, a log line or a {@code toString}. Everything that echoes
 * user input goes through here when the input may hold a credential.
 */
public final class Secrets {
  /** What a masked value is replaced with. */
  public static final String MASK = "****";

  // The SAS parameter that carries the signature; the other SAS parameters (sv, se, sp...) are not secret and
  // help diagnose expiry or permission problems, so they stay visible.
  private static final Pattern SAS_SIGNATURE = Pattern.compile("(?i)([?&;]sig=)[^&;#\\s\"']*");
  // Key=value secrets of connection strings and the Hadoop-style settings users paste.
  private static final Pattern KEY_VALUE_SECRETS =
      Pattern.compile("(?i)((?:AccountKey|SharedAccessSignature|AppKey|ApplicationKey|Password|Secret|Token)\\s*=\\s*)[^;&\\s\"']+");

  private Secrets() {}

  /** {@link #MASK} for any non-null value; {@code null} stays {@code null} so "absent" remains visible. */
  public static String mask(String secret) {
    return secret == null ? null : MASK;
  }

  /**
   * Masks the signature of a SAS URL (or a bare SAS token) and keeps account, container and the non-secret SAS
   * parameters: {@code https://a.blob.core.windows.net/c?sv=2021&sig=abc} → {@code ...&sig=****}.
   */
  public static String maskSasUrl(String url) {
    if (url == null) {
      return null;
    }
    String text = url.startsWith("sig=") || url.startsWith("SIG=") ? "?" + url : url;
    String masked = SAS_SIGNATURE.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return text == url ? masked : masked.substring(1);
  }

  /**
   * Best-effort redaction of free text that may embed SAS signatures or {@code AccountKey=...}-style secrets,
   * for texts the connector does not control (for example an SDK error message).
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String withoutSas = SAS_SIGNATURE.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return KEY_VALUE_SECRETS.matcher(withoutSas).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }

  /** Replaces every occurrence of each known secret value in {@code text}; blank secrets are ignored. */
  public static String redact(String text, Iterable<String> knownSecrets) {
    String result = redact(text);
    if (result == null) {
      return null;
    }
    for (String secret : knownSecrets) {
      if (secret != null && !secret.trim().isEmpty()) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
