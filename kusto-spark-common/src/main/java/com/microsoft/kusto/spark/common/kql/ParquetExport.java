package com.microsoft.kusto.spark.common.kql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings of one {@code .export async [compressed] to parquet (...) with (...) <| query} command; render it with
 * {@link KustoCommands#exportToParquet}. Storage URIs usually embed secrets (SAS or account key); they are rendered
 * only as obfuscated literals ({@code h@"..."}) and never appear in {@link #toString()}.
 */
public final class ParquetExport {
  private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<String> storageUris;
  private final boolean compressed;
  private final long sizeLimitBytes;
  private final String namePrefix;
  private final String compressionType;
  private final Boolean useNativeParquetWriter;
  private final Map<String, String> extraProperties;

  private ParquetExport(Builder b) {
    this.storageUris = Collections.unmodifiableList(new ArrayList<>(b.storageUris));
    this.compressed = b.compressed;
    this.sizeLimitBytes = b.sizeLimitBytes;
    this.namePrefix = b.namePrefix;
    this.compressionType = b.compressionType;
    this.useNativeParquetWriter = b.useNativeParquetWriter;
    this.extraProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraProperties));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The storage URIs with their secrets ({@code https://acct.blob.../container?sas} or {@code ...;key}). */
  public List<String> storageUris() {
    return storageUris;
  }

  public boolean compressed() {
    return compressed;
  }

  /** 0 when not set. */
  public long sizeLimitBytes() {
    return sizeLimitBytes;
  }

  /** Null when not set. */
  public String namePrefix() {
    return namePrefix;
  }

  /** Null when not set. */
  public String compressionType() {
    return compressionType;
  }

  /** Null when not set. */
  public Boolean useNativeParquetWriter() {
    return useNativeParquetWriter;
  }

  /** Further {@code with(...)} properties (for example from {@code kustoExportOptionsJson}), in insertion order. */
  public Map<String, String> extraProperties() {
    return extraProperties;
  }

  @Override
  public String toString() {
    return "ParquetExport{uris="
        + storageUris.size()
        + " (secrets hidden), compressed="
        + compressed
        + ", sizeLimit="
        + sizeLimitBytes
        + ", namePrefix="
        + namePrefix
        + ", compressionType="
        + compressionType
        + ", useNativeParquetWriter="
        + useNativeParquetWriter
        + ", extra="
        + extraProperties.keySet()
        + "}";
  }

  /** Builder for {@link ParquetExport}. */
  public static final class Builder {
    private final List<String> storageUris = new ArrayList<>();
    private boolean compressed = true;
    private long sizeLimitBytes;
    private String namePrefix;
    private String compressionType = "snappy";
    private Boolean useNativeParquetWriter;
    private final Map<String, String> extraProperties = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a storage URI with its secret.
     *
     * @throws IllegalArgumentException for a URI with a line break or a double quote, which no storage URI has
     */
    public Builder storageUri(String uri) {
      if (uri == null || uri.isEmpty() || uri.indexOf('\n') >= 0 || uri.indexOf('\r') >= 0 || uri.indexOf('"') >= 0) {
        throw new IllegalArgumentException(
            "Invalid export storage URI (value hidden): it must be non-empty and contain no line break or '\"';"
                + " check the transient storage settings");
      }
      storageUris.add(uri);
      return this;
    }

    /** Adds the {@code compressed} keyword (default true). */
    public Builder compressed(boolean value) {
      this.compressed = value;
      return this;
    }

    public Builder sizeLimitBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("Export sizeLimit must be > 0 bytes, got " + bytes);
      }
      this.sizeLimitBytes = bytes;
      return this;
    }

    public Builder namePrefix(String prefix) {
      this.namePrefix = prefix;
      return this;
    }

    /** Default {@code snappy}; null to leave it out. */
    public Builder compressionType(String type) {
      this.compressionType = type;
      return this;
    }

    public Builder useNativeParquetWriter(Boolean value) {
      this.useNativeParquetWriter = value;
      return this;
    }

    /**
     * Adds a further {@code name="value"} property.
     *
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public Builder property(String name, String value) {
      if (name == null || !PROPERTY_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Invalid export property name '" + name + "': use letters, digits and '_' (for example 'distribution')");
      }
      extraProperties.put(name, value);
      return this;
    }

    /**
     * @throws IllegalArgumentException without storage URIs
     */
    public ParquetExport build() {
      if (storageUris.isEmpty()) {
        throw new IllegalArgumentException("An export needs at least one storage URI");
      }
      return new ParquetExport(this);
    }
  }
}
