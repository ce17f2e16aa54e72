package com.microsoft.kusto.spark.common.write;

import java.util.UUID;

/**
 * Names of transactional staging tables: {@code sparkTempTable_<table>_<writeId>_<random>}, letters, digits and
 * {@code _} only.
 */
final class TempTableNames {
  static final String PREFIX = "sparkTempTable_";

  private TempTableNames() {}

  static String forWrite(String table, String writeId) {
    // The random part keeps two writes apart even when the user fixes 'requestId'.
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return PREFIX + sanitize(table) + "_" + sanitize(writeId) + "_" + random;
  }

  /** Every character that is not an ASCII letter or digit becomes {@code _}. */
  static String sanitize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      out.append(plain ? c : '_');
    }
    return out.toString();
  }
}
