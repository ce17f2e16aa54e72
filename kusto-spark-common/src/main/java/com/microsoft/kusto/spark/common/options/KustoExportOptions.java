package com.microsoft.kusto.spark.common.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kusto.spark.common.util.Json;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed {@code kustoExportOptionsJson}: a JSON object of string values added to the export command's
 * {@code with(...)} clause, with these keys interpreted by the connector:
 *
 * <ul>
 *   <li>{@code sizeLimit}: maximum size of one exported file in MB (sent to Kusto in bytes);</li>
 *   <li>{@code compressionType}: Parquet compression codec, default {@code snappy};</li>
 *   <li>{@code compressed}: {@code none} (or {@code false}) exports uncompressed files;</li>
 *   <li>{@code useNativeParquetWriter}: {@code true}/{@code false};</li>
 *   <li>{@code namePrefix} and {@code async}: ignored with a warning, because the connector names the files and
 *       always exports asynchronously.</li>
 * </ul>
 *
 * <p>The other properties Kusto documents for {@code .export} ({@link #PASSED_THROUGH}) are passed on unchanged.
 * Any other key is rejected with the closest known one: Kusto would otherwise fail the export (or ignore the typo)
 * only after the read has started.
 */
public final class KustoExportOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(KustoExportOptions.class);
  private static final String SHAPE = "a JSON object of string values, e.g. {\"sizeLimit\":\"1024\","
      + "\"compressionType\":\"snappy\"}";
  /** Properties the connector interprets itself (see the class comment). */
  private static final String[] INTERPRETED = {
      "sizeLimit", "compressionType", "compressed", "useNativeParquetWriter", "namePrefix", "async"};
  /** Kusto's documented {@code .export} properties, passed to {@code with(...)} as given. */
  static final String[] PASSED_THROUGH = {
      "distribution", "distributed", "persistDetails", "parquetRowGroupSize", "parquetDatetimePrecision", "spread",
      "concurrency", "includeHeaders", "fileExtension", "encoding"};
  private static final String[] KNOWN = concat(INTERPRETED, PASSED_THROUGH);
  /** Default Parquet codec of exports. */
  public static final String DEFAULT_COMPRESSION_TYPE = "snappy";

  private final Long sizeLimitMb;
  private final String compressionType;
  private final boolean compressed;
  private final Boolean useNativeParquetWriter;
  private final Map<String, String> additionalProperties;

  private KustoExportOptions(Long sizeLimitMb, String compressionType, boolean compressed,
      Boolean useNativeParquetWriter, Map<String, String> additionalProperties) {
    this.sizeLimitMb = sizeLimitMb;
    this.compressionType = compressionType;
    this.compressed = compressed;
    this.useNativeParquetWriter = useNativeParquetWriter;
    this.additionalProperties = additionalProperties;
  }

  /** No options: compressed snappy Parquet, Kusto's default file size. */
  public static KustoExportOptions defaults() {
    return new KustoExportOptions(null, DEFAULT_COMPRESSION_TYPE, true, null,
        Collections.<String, String>emptyMap());
  }

  /** Parses the option value; {@code null} gives {@link #defaults()}. */
  public static KustoExportOptions fromJson(String json) {
    if (json == null) {
      return defaults();
    }
    String key = KustoReadOptions.EXPORT_OPTIONS_JSON.key();
    JsonNode root = Json.parse(key, json, false, SHAPE);
    if (!root.isObject()) {
      throw Json.invalid(key, "the value is not a JSON object", SHAPE);
    }
    Long sizeLimitMb = null;
    String compressionType = DEFAULT_COMPRESSION_TYPE;
    boolean compressed = true;
    Boolean nativeWriter = null;
    Map<String, String> rest = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw Json.invalid(key, "the value of '" + field.getKey() + "' is not a string", SHAPE);
      }
      String name = field.getKey();
      String value = field.getValue().asText().trim();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "sizelimit":
          sizeLimitMb = parseSizeLimit(key, value);
          break;
        case "compressiontype":
          if (value.isEmpty()) {
            throw Json.invalid(key, "'compressionType' is empty", "a codec name such as snappy or gzip");
          }
          compressionType = value;
          break;
        case "compressed":
          if (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("false")) {
            compressed = false;
          } else if (!value.equalsIgnoreCase("true")) {
            throw Json.invalid(key, "'compressed' has the value [" + value + "]", "one of: none, false, true");
          }
          break;
        case "usenativeparquetwriter":
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw Json.invalid(key, "'useNativeParquetWriter' has the value [" + value + "]", "one of: true, false");
          }
          nativeWriter = Boolean.valueOf(value.toLowerCase(Locale.ROOT));
          break;
        case "nameprefix":
        case "async":
          LOG.warn("Export option '{}' in '{}' is ignored: the connector names the exported files and always "
              + "exports asynchronously.", name, key);
          break;
        default:
          if (!Json.isKnown(name, PASSED_THROUGH)) {
            throw Json.unknownField(key, name, SHAPE, KNOWN);
          }
          rest.put(name, value);
      }
    }
    return new KustoExportOptions(sizeLimitMb, compressionType, compressed, nativeWriter,
        Collections.unmodifiableMap(rest));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Long parseSizeLimit(String key, String value) {
    try {
      long mb = Long.parseLong(value);
      if (mb > 0 && mb <= Long.MAX_VALUE / (1024L * 1024L)) {
        return mb;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Json.invalid(key, "'sizeLimit' [" + value + "] is not a positive whole number of MB",
        "for example {\"sizeLimit\":\"1024\"}");
  }

  /** Maximum file size in MB, or {@code null} for Kusto's default. */
  public Long getSizeLimitMb() {
    return sizeLimitMb;
  }

  /** Maximum file size in bytes as Kusto expects it, or {@code null}. */
  public Long getSizeLimitBytes() {
    return sizeLimitMb == null ? null : sizeLimitMb * 1024L * 1024L;
  }

  public String getCompressionType() {
    return compressionType;
  }

  /** False when {@code compressed} was set to {@code none}. */
  public boolean isCompressed() {
    return compressed;
  }

  /** {@code null} when not given (Kusto's default applies). */
  public Boolean getUseNativeParquetWriter() {
    return useNativeParquetWriter;
  }

  /** Every other property, passed through to {@code with(...)} unchanged. */
  public Map<String, String> getAdditionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KustoExportOptions)) {
      return false;
    }
    KustoExportOptions other = (KustoExportOptions) o;
    return compressed == other.compressed && Objects.equals(sizeLimitMb, other.sizeLimitMb)
        && compressionType.equals(other.compressionType)
        && Objects.equals(useNativeParquetWriter, other.useNativeParquetWriter)
        && additionalProperties.equals(other.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sizeLimitMb, compressionType, compressed, useNativeParquetWriter, additionalProperties);
  }

  @Override
  public String toString() {
    return "KustoExportOptions{sizeLimitMb=" + sizeLimitMb + ", compressionType=" + compressionType
        + ", compressed=" + compressed + ", useNativeParquetWriter=" + useNativeParquetWriter
        + ", additionalProperties=" + additionalProperties + "}";
  }
}
