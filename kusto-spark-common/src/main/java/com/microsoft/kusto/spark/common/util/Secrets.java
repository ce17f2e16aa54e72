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


  // A bearer token in a header echoed by an error message.
  private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
  // A storage account key on its own: 64 bytes in Base64 are 86 characters and "==".
  private static final Pattern ACCOUNT_KEY = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==");

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
    // Free text may quote a command cut short, so hidden literals are masked by pattern, not by parsing.
    return redactSignaturesAndKeys(HiddenLiterals.mask(text));
  }

  private static String redactSignaturesAndKeys(String text) {
    String withoutSas = SAS_SIGNATURE.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    String withoutKeys = KEY_VALUE_SECRETS.matcher(withoutSas).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    String withoutBearer = BEARER.matcher(withoutKeys).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return ACCOUNT_KEY.matcher(withoutBearer).replaceAll(Matcher.quoteReplacement(MASK));
  }

  /**
   * {@link #redact(String)} for KQL text, which additionally masks obfuscated string literals:
   * {@code h"secret"} → {@code h"****"}. Use it wherever a query or command is shown (logs, {@code explain()}).
   */
  public static String redactKql(String kql) {
    return kql == null ? null : hideLiterals(redactSignaturesAndKeys(kql));
  }

  /**
   * Walks KQL text literal by literal (ordinary strings and comments are copied unchanged, so an {@code h} inside
   * them is not mistaken for a prefix) and masks the content of obfuscated literals.
   */
  private static String hideLiterals(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        out.append(text, i, end);
        i = end;
      } else if ((c == 'h' || c == 'H') && (i == 0 || !isIdentifierChar(text.charAt(i - 1)))
          && literalStart(text, i + 1) > 0) {
        int start = i + 1;
        boolean verbatim = text.charAt(start) == '@';
        int quoteAt = verbatim ? start + 1 : start;
        int end = literalEnd(text, quoteAt, verbatim);
        char quote = text.charAt(quoteAt);
        out.append(text, i, quoteAt + 1).append(MASK).append(quote);
        i = end;
      } else if (c == '\'' || c == '"' || (c == '@' && literalStart(text, i) > 0)) {
        boolean verbatim = c == '@';
        int end = literalEnd(text, verbatim ? i + 1 : i, verbatim);
        out.append(text, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** 1 when a string literal ({@code "}, {@code '}, {@code @"} or {@code @'}) starts at {@code i}, else 0. */
  private static int literalStart(String text, int i) {
    if (i >= text.length()) {
      return 0;
    }
    char c = text.charAt(i);
    if (c == '"' || c == '\'') {
      return 1;
    }
    return c == '@' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'') ? 1 : 0;
  }

  /** Index after the literal whose opening quote is at {@code quoteAt} (or the text length if unterminated). */
  private static int literalEnd(String text, int quoteAt, boolean verbatim) {
    char quote = text.charAt(quoteAt);
    int j = quoteAt + 1;
    while (j < text.length()) {
      char d = text.charAt(j);
      if (!verbatim && d == '\\') {
        j += 2;
      } else if (d == quote) {
        if (verbatim && j + 1 < text.length() && text.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return text.length();
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
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
