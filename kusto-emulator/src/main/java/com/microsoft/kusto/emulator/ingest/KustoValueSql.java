package com.microsoft.kusto.emulator.ingest;

import com.microsoft.kusto.emulator.store.KustoType;

/**
 * DuckDB expressions converting a text value (a CSV field, a JSON scalar) to a Kusto type's storage form with
 * Kusto's ingestion rules: values that do not parse become null (Kusto does not fail the ingestion for them),
 * a null or empty string column value becomes the empty string (Kusto strings are never null).
 */
final class KustoValueSql {
  private KustoValueSql() {}

  /** Converts the VARCHAR expression {@code v} to {@code type}'s storage representation. */
  static String fromText(KustoType type, String v) {
    switch (type) {
      case BOOL:
        return "CASE lower(trim(" + v + ")) WHEN 'true' THEN TRUE WHEN '1' THEN TRUE WHEN 'false' THEN FALSE"
            + " WHEN '0' THEN FALSE END";
      case INT:
      case LONG:
      case REAL:
        return "TRY_CAST(trim(" + v + ") AS " + type.duckDbType() + ")";
      case GUID:
        return "TRY_CAST(" + v + " AS UUID)";
      case DECIMAL:
        return decimal("trim(" + v + ")");
      case STRING:
        return "coalesce(" + v + ", '')";
      case DATETIME:
        return datetime(v);
      case TIMESPAN:
        return timespan(v);
      case DYNAMIC:
        return "CASE WHEN " + v + " IS NULL OR " + v + " = '' THEN NULL WHEN json_valid(" + v + ") THEN CAST(" + v
            + " AS JSON) ELSE to_json(" + v + ") END";
      default:
        throw new IllegalArgumentException("No text conversion for " + type);
    }
  }

  /**
   * DuckDB parses text to DECIMAL(38,18) some 20 times slower than to an 18-digit decimal, which dominates a
   * million-row load. Plain decimals with at most 18 integer and 18 fraction digits are therefore assembled from a
   * BIGINT integer part and a DECIMAL(18,18) fraction (both exact); anything else (exponents, more digits) takes
   * the slow exact cast.
   */
  private static String decimal(String v) {
    String magnitude =
        "(abs(CAST(split_part(" + v + ", '.', 1) AS BIGINT))::DECIMAL(38,18) + coalesce(TRY_CAST('0.' || split_part("
            + v + ", '.', 2) AS DECIMAL(18,18)), 0::DECIMAL(18,18)))";
    return "CASE WHEN regexp_full_match(" + v + ", '-?\\d{1,18}(\\.\\d{0,18})?') THEN (CASE WHEN starts_with(" + v
        + ", '-') THEN -" + magnitude + " ELSE " + magnitude + " END) ELSE TRY_CAST(" + v + " AS DECIMAL(38,18)) END";
  }

  /**
   * ISO 8601 in UTC. A trailing {@code Z} is dropped and the rest read as UTC (the fast path, and what Kusto and
   * the connector write); an explicit offset is converted to UTC; anything else is read as UTC. DuckDB keeps
   * microseconds, dropping Kusto's seventh fraction digit as the storage contract says.
   */
  private static String datetime(String v) {
    return "CASE WHEN " + v + " LIKE '%Z' THEN TRY_CAST(left(" + v + ", -1) AS TIMESTAMP)"
        + " WHEN regexp_matches(" + v + ", '[T ]\\d\\d:\\d\\d.*[+-]\\d\\d(:?\\d\\d)?$')"
        + " THEN timezone('UTC', TRY_CAST(" + v + " AS TIMESTAMPTZ))"
        + " ELSE TRY_CAST(" + v + " AS TIMESTAMP) END";
  }

  /**
   * Kusto's timespan text {@code [-][d.]hh:mm:ss[.fffffff]} to ticks (100 ns); a bare integer is taken as ticks.
   * The regular expression is evaluated once per value: the list_transform over a one-element list binds the
   * extracted groups to {@code r}.
   */
  private static String timespan(String v) {
    String groups =
        "regexp_extract(trim(" + v + "), '^(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?$',"
            + " ['n','d','h','m','s','f'])";
    String ticks =
        "CASE WHEN r.h = '' THEN NULL ELSE (CASE WHEN r.n = '-' THEN -1 ELSE 1 END) * ("
            + "((coalesce(TRY_CAST(nullif(r.d, '') AS BIGINT), 0) * 86400 + CAST(r.h AS BIGINT) * 3600"
            + " + CAST(r.m AS BIGINT) * 60 + CAST(r.s AS BIGINT)) * 10000000)"
            + " + coalesce(TRY_CAST(nullif(rpad(r.f, 7, '0'), '0000000') AS BIGINT), 0)) END";
    return "CASE WHEN " + v + " IS NULL OR trim(" + v + ") = '' THEN NULL"
        + " WHEN regexp_full_match(trim(" + v + "), '-?\\d+') THEN TRY_CAST(trim(" + v + ") AS BIGINT)"
        + " ELSE list_transform([" + groups + "], r -> " + ticks + ")[1] END";
  }
}
