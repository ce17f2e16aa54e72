package com.microsoft.kusto.spark.common.options;

import java.io.Serializable;
import java.util.Objects;

/**
 * The declaration of one user-facing option: key, default, scope, whether its value is secret, and the one-line
 * description that the README options table shows. Every option is declared exactly once, in
 * {@link KustoCommonOptions}, {@link KustoReadOptions}, {@link KustoWriteOptions}, {@link KustoDebugOptions} or
 * (for deprecated spellings) {@link KustoLegacyOptions}; {@link KustoOptionRegistry} lists them all.
 */
public final class KustoOption implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final OptionScope scope;
  private final boolean secret;
  private final boolean debug;
  private final boolean required;
  private final String defaultValue;
  private final String defaultDescription;
  private final String description;
  private final String noEffectReason;

  private KustoOption(Builder b) {
    this.key = b.key;
    this.scope = b.scope;
    this.secret = b.secret;
    this.debug = b.debug;
    this.noEffectReason = b.noEffectReason;
    this.required = b.required;
    this.defaultValue = b.defaultValue;
    this.defaultDescription = b.defaultDescription != null ? b.defaultDescription
        : b.required ? "required" : b.defaultValue != null ? b.defaultValue : "(none)";
    this.description = b.description;
  }

  static Builder builder(String key, OptionScope scope, String description) {
    return new Builder(key, scope, description);
  }

  /** The option key as documented; lookups ignore case. */
  public String key() {
    return key;
  }

  public OptionScope scope() {
    return scope;
  }

  /** True when the value is a credential that must never be echoed. */
  public boolean isSecret() {
    return secret;
  }

  /** True for debug/experimental options that may change without notice. */
  public boolean isDebug() {
    return debug;
  }

  /** True when the operations of its scope fail without it. */
  public boolean isRequired() {
    return required;
  }

  /** The default as an option string the parser accepts, or {@code null} when there is none or it is computed. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The default as the documentation shows it (for example {@code random UUID} or {@code required}). */
  public String defaultDescription() {
    return defaultDescription;
  }

  /** One-line description for the README options table. */
  public String description() {
    return description;
  }

  /**
   * Why this option is accepted for compatibility with the established connector but changes nothing here, or
   * {@code null} for an option that takes effect. Setting such an option draws one warning naming the reason.
   */
  public String noEffectReason() {
    return noEffectReason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KustoOption && ((KustoOption) o).key.equals(key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key);
  }

  @Override
  public String toString() {
    return key;
  }

  static final class Builder {
    private final String key;
    private final OptionScope scope;
    private final String description;
    private boolean secret;
    private boolean debug;
    private boolean required;
    private String defaultValue;
    private String defaultDescription;
    private String noEffectReason;

    private Builder(String key, OptionScope scope, String description) {
      this.key = key;
      this.scope = scope;
      this.description = description;
    }

    Builder secret() {
      this.secret = true;
      return this;
    }

    Builder debug() {
      this.debug = true;
      return this;
    }

    /** Accepted for compatibility, no effect, because {@code reason} (said in the warning and the README). */
    Builder noEffect(String reason) {
      this.noEffectReason = reason;
      return this;
    }

    Builder required() {
      this.required = true;
      return this;
    }

    Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    Builder defaultDescription(String text) {
      this.defaultDescription = text;
      return this;
    }

    KustoOption build() {
      return new KustoOption(this);
    }
  }
}
