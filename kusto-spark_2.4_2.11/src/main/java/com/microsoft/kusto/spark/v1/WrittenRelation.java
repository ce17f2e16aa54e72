package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.kql.KqlSyntax;
import com.microsoft.kusto.spark.common.options.KustoOption;
import com.microsoft.kusto.spark.common.options.KustoOptionRegistry;
import com.microsoft.kusto.spark.common.options.KustoReadOptions;
import com.microsoft.kusto.spark.common.options.OptionScope;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.types.StructType;

/**
 * What {@code CreatableRelationProvider} returns after a batch write, as the established connector does: a relation
 * reading back {@code writeResultLimit} rows of the target ({@code ['T'] | take N}; the whole table for {@code none}).
 * Built lazily with the written DataFrame's schema: nothing is queried unless the relation is scanned. Spark's
 * {@code save()} itself discards it; code that calls {@code createRelation} (or a CTAS through it) reads it.
 */
final class WrittenRelation {
  private WrittenRelation() {}

  static BaseRelation of(SQLContext sqlContext, WriteConfig write, Map<String, String> writeOptions,
      Map<String, String> sessionConf, StructType schema) {
    Map<String, String> read = new HashMap<>();
    // The connection and authentication options carry over; the write-only ones would only draw warnings.
    for (Map.Entry<String, String> option : writeOptions.entrySet()) {
      KustoOption known = KustoOptionRegistry.find(option.getKey());
      if (known == null || known.scope() == OptionScope.COMMON) {
        read.put(option.getKey(), option.getValue());
      }
    }
    String table = KqlSyntax.quoteIdentifier(write.getTable());
    Integer limit = write.getWriteResultLimit();
    read.put(KustoReadOptions.QUERY.key(), limit == null ? table : table + " | take " + limit);
    read.put("requestId", write.getConnection().getRequestId() + "-result");
    return KustoRelation.open(sqlContext, ReadConfig.from(read, sessionConf), schema);
  }
}
