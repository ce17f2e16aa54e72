package com.microsoft.kusto.spark.common.options;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's options after the one normalisation step every configuration goes through: keys are matched
 * ignoring case, {@code spark.datasource.kusto.*} session settings fill in what the per-operation options leave
 * out, renamed legacy keys are translated (with a deprecation warning), and unknown keys are reported with the
 * nearest known key (a warning, never an error). Typed getters validate values and produce the connector's error
 * messages, which echo a bad value only when the option is not secret.
 *
 * <p>Precedence of a value: the per-read/per-write option, then the session setting
 * {@code spark.datasource.kusto.<key>}, then the option's default.
 */
public final class KustoOptionsMap {
  /** Prefix of Spark session settings that supply defaults for every Kusto read and write. */
  public static final String SESSION_PREFIX = "spark.datasource.kusto.";

  private static final Logger LOG = LoggerFactory.getLogger(KustoOptionsMap.class);

  private final Map<String, String> values;
  private final OptionScope operation;
  private final List<String> warnings;

  private KustoOptionsMap(Map<String, String> values, OptionScope operation, List<String> warnings) {
    this.values = values;
    this.operation = operation;
    this.warnings = warnings;
  }

  /** Normalises {@code options} for an operation of scope {@code operation} (READ or WRITE). */
  public static KustoOptionsMap of(Map<String, String> options, OptionScope operation) {
    return of(options, Collections.<String, String>emptyMap(), operation);
  }

  /**
   * Normalises {@code options}, filling gaps from {@code sessionConf} entries named
   * {@code spark.datasource.kusto.<key>} (other session entries are ignored).
   */
  public static KustoOptionsMap of(Map<String, String> options, Map<String, String> sessionConf,
      OptionScope operation) {
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (sessionConf != null) {
      for (Map.Entry<String, String> e : sessionConf.entrySet()) {
        String key = e.getKey();
        if (key != null && key.regionMatches(true, 0, SESSION_PREFIX, 0, SESSION_PREFIX.length())) {
          merged.put(key.substring(SESSION_PREFIX.length()), e.getValue());
        }
      }
    }
    if (options != null) {
      merged.putAll(options);
    }
    List<String> warnings = new ArrayList<>();
    Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    // Current keys first, so a renamed legacy key can be compared with its replacement below.
    for (Map.Entry<String, String> e : merged.entrySet()) {
      if (KustoOptionRegistry.currentKeyOf(e.getKey()) == null) {
        values.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, String> e : merged.entrySet()) {
      String key = e.getKey();
      KustoOption renamedTo = KustoOptionRegistry.currentKeyOf(key);
      if (renamedTo != null) {
        translateLegacy(key, e.getValue(), renamedTo, values, warnings);
      } else {
        inspectKey(key, operation, warnings);
      }
    }
    for (String warning : warnings) {
      LOG.warn(warning);
    }
    return new KustoOptionsMap(values, operation, Collections.unmodifiableList(warnings));
  }

  private static void translateLegacy(String key, String value, KustoOption current, Map<String, String> values,
      List<String> warnings) {
    String existing = values.get(current.key());
    boolean existingGiven = existing != null && !existing.trim().isEmpty();
    if (existingGiven && !existing.trim().equals(value == null ? "" : value.trim())) {
      throw new InvalidOptionException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "use option '" + key + "'", "it is the deprecated name of '" + current.key()
              + "', which is also given with a different value",
          "Remove '" + key + "'."), key, current.key());
    }
    if (!existingGiven) {
      values.put(current.key(), value);
    }
    warnings.add("Option '" + key + "' is deprecated; use '" + current.key() + "' instead.");
  }

  private static void inspectKey(String key, OptionScope operation, List<String> warnings) {
    KustoOption option = KustoOptionRegistry.find(key);
    if (option != null) {
      if (key.equals(KustoLegacyOptions.AAD_AUTHORITY_ID.key())) {
        warnings.add("Option '" + key + "' is deprecated; use '" + option.key() + "' instead.");
      }
      if (!option.scope().appliesTo(operation)) {
        warnings.add("Option '" + option.key() + "' applies to " + describe(option.scope())
            + " only and is ignored when " + (operation == OptionScope.READ ? "reading." : "writing."));
      } else if (option.noEffectReason() != null) {
        warnings.add("Option '" + option.key() + "' is accepted for compatibility with the established Kusto"
            + " connector but has no effect: " + option.noEffectReason() + ".");
      }
      return;
    }
    KustoOption legacy = KustoOptionRegistry.findLegacy(key);
    if (legacy != null) {
      if (operation == OptionScope.READ) {
        warnings.add("Option '" + legacy.key() + "' is deprecated; use '" + KustoReadOptions.TRANSIENT_STORAGE.key()
            + "' (see TransientStorageParameters) instead.");
      } else {
        warnings.add("Option '" + legacy.key() + "' applies to reads only and is ignored when writing.");
      }
      return;
    }
    String removedHint = KustoOptionRegistry.removedOptionHint(key);
    if (removedHint != null) {
      warnings.add("Option '" + key + "' no longer has any effect and is ignored: " + removedHint + ".");
      return;
    }
    if (!KustoOptionRegistry.isSparkKey(key)) {
      warnings.add("Unknown option '" + key + "' is ignored. Did you mean '" + KustoOptionRegistry.nearestKey(key)
          + "'?");
    }
  }

  private static String describe(OptionScope scope) {
    return scope == OptionScope.READ ? "reads" : "writes";
  }

  /** The warnings logged while normalising (deprecated, unknown and misplaced keys), for tests and UIs. */
  public List<String> warnings() {
    return warnings;
  }

  /** The operation these options configure. */
  public OptionScope operation() {
    return operation;
  }

  /** True when the option is present with a non-blank value. */
  public boolean contains(KustoOption option) {
    return get(option) != null;
  }

  /** The trimmed value, or {@code null} when absent or blank. */
  public String get(KustoOption option) {
    return getRaw(option.key());
  }

  /** The trimmed value under any key (current, legacy or unknown), or {@code null} when absent or blank. */
  public String getRaw(String key) {
    String value = values.get(key);
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** The value, or the option's default (which may be {@code null}). */
  public String getOrDefault(KustoOption option) {
    String value = get(option);
    return value != null ? value : option.defaultValue();
  }

  /** The value of a required option; a {@link ErrorCode#MISSING_REQUIRED_OPTION} error names it when absent. */
  public String require(KustoOption option) {
    String value = get(option);
    if (value == null) {
      throw new InvalidOptionException(ErrorCode.MISSING_REQUIRED_OPTION, KustoConnectorException.message(
          "configure the Kusto " + (operation == OptionScope.READ ? "read" : "write"),
          "required option '" + option.key() + "' is missing",
          "Set option '" + option.key() + "': " + option.description() + "."), option.key());
    }
    return value;
  }

  /** {@code true}/{@code false} ignoring case; the default when absent. */
  public boolean getBoolean(KustoOption option) {
    String value = getOrDefault(option);
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if (value == null || "false".equalsIgnoreCase(value)) {
      return false;
    }
    throw invalidValue(option, value, "is not a boolean", "Use one of: true, false.");
  }

  /** A whole number in {@code [min, max]}; the default when absent. */
  public long getLong(KustoOption option, long min, long max) {
    String value = getOrDefault(option);
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalidValue(option, value, "is not a whole number", rangeHint(min, max));
    }
    if (parsed < min || parsed > max) {
      throw invalidValue(option, value, "is out of range", rangeHint(min, max));
    }
    return parsed;
  }

  /** A whole number in {@code [min, max]} that fits an int; the default when absent. */
  public int getInt(KustoOption option, int min, int max) {
    return (int) getLong(option, min, max);
  }

  /**
   * The enum constant whose {@code toString} equals the value ignoring case; the default when absent,
   * {@code null} when there is no default either.
   */
  public <E extends Enum<E>> E getEnum(KustoOption option, Class<E> type) {
    String value = getOrDefault(option);
    if (value == null) {
      return null;
    }
    return parseEnum(option, value, type);
  }

  /** Parses {@code value} of {@code option} as a constant of {@code type}, ignoring case. */
  public <E extends Enum<E>> E parseEnum(KustoOption option, String value, Class<E> type) {
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equalsIgnoreCase(value)) {
        return constant;
      }
      allowed.add(constant.toString());
    }
    throw invalidValue(option, value, "is not an allowed value", "Use one of: " + String.join(", ", allowed) + ".");
  }

  /**
   * A {@link ErrorCode#INVALID_OPTION_VALUE} error: {@code Cannot read option 'k': the value [v] <reason>. <fix>},
   * with the value masked for secret options.
   */
  public static InvalidOptionException invalidValue(KustoOption option, String value, String reason, String fix) {
    return new InvalidOptionException(ErrorCode.INVALID_OPTION_VALUE, KustoConnectorException.message(
        "read option '" + option.key() + "'", "the value [" + display(option, value) + "] " + reason, fix),
        option.key());
  }

  /** The value as it may appear in messages: masked for secrets, SAS signatures removed otherwise. */
  public static String display(KustoOption option, String value) {
    return option.isSecret() ? Secrets.mask(value) : Secrets.redact(value);
  }

  /**
   * A case-insensitive copy of every option as given (canonical keys for renamed ones), for user code such as a
   * token-provider callback that reads its own settings from the options.
   */
  public Map<String, String> asMap() {
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(values);
    return Collections.unmodifiableMap(copy);
  }

  private static String rangeHint(long min, long max) {
    if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
      return "Use a whole number of at least " + min + ".";
    }
    return "Use a whole number from " + min + " to " + max + ".";
  }

  /** Keys and values for diagnostics, secret values masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      String display = KustoOptionRegistry.isSecret(e.getKey()) ? Secrets.mask(e.getValue()) : Secrets.redact(e.getValue());
      sb.append(e.getKey()).append('=').append(display);
    }
    return sb.append('}').toString();
  }
}
