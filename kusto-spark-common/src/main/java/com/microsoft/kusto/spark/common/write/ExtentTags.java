package com.microsoft.kusto.spark.common.write;

import com.microsoft.kusto.spark.common.client.KustoRequestRunner;
import com.microsoft.kusto.spark.common.kql.KqlSyntax;
import java.util.Collection;
import java.util.List;

/** Questions about extent tags, asked of Kusto (never of JVM memory, which a restarted job does not have). */
public final class ExtentTags {
  /** Prefix of the tags that {@code ingestIfNotExists} and idempotent micro-batches look for. */
  public static final String INGEST_BY = "ingest-by:";

  private ExtentTags() {}

  /** True when an extent of {@code table} carries exactly {@code tag} (Kusto compares tags ignoring case). */
  public static boolean anyExtentTagged(KustoRequestRunner runner, String table, String tag, long deadlineMillis) {
    String command = ".show table " + KqlSyntax.quoteIdentifier(table) + " extents where tags has "
        + KqlSyntax.stringLiteral(tag);
    return runner.command("check extent tag", command, deadlineMillis).getPrimaryResults().next();
  }

  /** The first of {@code ingestIfNotExists} values whose {@code ingest-by:} tag is on an extent, or {@code null}. */
  public static String firstExistingIngestBy(KustoRequestRunner runner, String table, Collection<String> values,
      long deadlineMillis) {
    if (values == null) {
      return null;
    }
    for (String value : values) {
      if (anyExtentTagged(runner, table, INGEST_BY + value, deadlineMillis)) {
        return value;
      }
    }
    return null;
  }

  /** {@code .drop table T extent tags ('a', 'b')}: removes these tags from every extent of the table. */
  static String dropTagsCommand(String table, List<String> tags) {
    StringBuilder out = new StringBuilder(".drop table ").append(KqlSyntax.quoteIdentifier(table))
        .append(" extent tags (");
    for (int i = 0; i < tags.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(KqlSyntax.stringLiteral(tags.get(i)));
    }
    return out.append(')').toString();
  }
}
