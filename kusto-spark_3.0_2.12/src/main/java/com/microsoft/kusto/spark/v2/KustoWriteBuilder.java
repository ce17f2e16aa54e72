package com.microsoft.kusto.spark.v2;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.MicroBatch;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;

/**
 * Builds the write of a DataFrame into a Kusto table. {@code SaveMode.Append} appends; {@code SaveMode.Overwrite}
 * (Spark calls {@link #truncate()}) replaces the table's data atomically at commit (Transactional mode only).
 *
 * <p>{@code SaveMode.ErrorIfExists} (the default of {@code df.write}) and {@code SaveMode.Ignore}: Spark 3 rejects
 * them itself for a source without a catalog, before this builder exists, with an {@code AnalysisException}
 * ("TableProvider implementation kusto cannot be written with ErrorIfExists mode, please use Append or Overwrite
 * modes instead"). Use {@code mode("append")} (with {@code tableCreateOptions} to create a missing table) or
 * {@code mode("overwrite")}.
 *
 * <p>Streaming writes support the append output mode only; complete mode (which truncates) is refused.
 */
final class KustoWriteBuilder implements WriteBuilder, SupportsTruncate {
  private final WriteConfig config;
  private final LogicalWriteInfo info;
  private boolean overwrite;

  KustoWriteBuilder(WriteConfig config, LogicalWriteInfo info) {
    this.config = config;
    this.info = info;
  }

  @Override
  public WriteBuilder truncate() {
    overwrite = true;
    return this;
  }

  @Override
  public BatchWrite buildForBatch() {
    return new KustoBatchWrite(config, info.schema(), overwrite);
  }

  @Override
  public StreamingWrite buildForStreaming() {
    if (overwrite) {
      throw new KustoConnectorException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
          "write a stream to table '" + config.getTable() + "' in the complete output mode",
          "the Kusto sink appends each micro-batch and cannot replace the table per batch",
          "Use outputMode(\"append\")."));
    }
    MicroBatch.requireExactlyOnce(config);
    return new KustoStreamingWrite(config, info.schema(), info.queryId());
  }
}
