package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ConnectionConfig;
import com.microsoft.kusto.spark.common.options.KustoCommonOptions;
import com.microsoft.kusto.spark.common.options.KustoWriteOptions;
import com.microsoft.kusto.spark.common.options.SinkTableCreationMode;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.PartitionResult;
import com.microsoft.kusto.spark.common.write.TableWritePreparation;
import com.microsoft.kusto.spark.common.write.TargetTableSchema;
import com.microsoft.kusto.spark.common.write.WriteClients;
import com.microsoft.kusto.spark.common.write.WritePlan;
import com.microsoft.kusto.spark.sql.SparkTypes;
import com.microsoft.kusto.spark.write.DriverCommit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code df.write.format("kusto").mode(...).save()} on Spark 2.4, which hands the save mode to the source:
 * <ul>
 *   <li>{@code Append}: appends (the table is created from the DataFrame's schema with
 *       {@code tableCreateOptions=CreateIfNotExist}).
 *   <li>{@code Overwrite}: replaces the table's data atomically at commit; the old rows stay until the new ones are
 *       all in (Transactional mode only).
 *   <li>{@code ErrorIfExists} (Spark's default): fails if the table exists, else writes into a new table.
 *   <li>{@code Ignore}: does nothing if the table exists, else writes into a new table.
 * </ul>
 * For the last two a missing table is created from the DataFrame's schema, as the mode itself asks, unless
 * {@code tableCreateOptions} (or {@code tempTableName}, which needs an existing target) is set. The existence check
 * and the write are two requests: a table created by someone else in between is written to, as with Append.
 */
final class BatchSave {
  private static final Logger LOG = LoggerFactory.getLogger(BatchSave.class);

  private BatchSave() {}

  /** @return the configuration the data was written with (for the relation the source returns) */
  static WriteConfig save(SaveMode mode, Map<String, String> options, Map<String, String> sessionConf,
      Dataset<Row> data) {
    WriteConfig config = WriteConfig.from(options, sessionConf);
    if (mode == SaveMode.Append || mode == SaveMode.Overwrite) {
      write(config, data, mode == SaveMode.Overwrite);
      return config;
    }
    if (tableExists(config)) {
      if (mode == SaveMode.Ignore) {
        LOG.info("Write to table '{}' ignored: the table exists (SaveMode.Ignore)", config.getTable());
        return config;
      }
      throw new KustoConnectorException(ErrorCode.CONFLICTING_OPTIONS, KustoConnectorException.message(
          "write to table '" + config.getTable() + "' with SaveMode.ErrorIfExists (Spark's default mode)",
          "the table exists in database '" + config.getConnection().getDatabase() + "'",
          "Use mode(\"append\") to add rows, mode(\"overwrite\") to replace them, or write to a new table."));
    }
    WriteConfig creating = creatingTable(options, sessionConf, config);
    write(creating, data, false);
    return creating;
  }

  private static void write(WriteConfig config, Dataset<Row> data, boolean overwrite) {
    WritePlan plan = TableWritePreparation.forConfig(config)
        .prepare(config, SparkTypes.toNeutralFields(data.schema()), null, overwrite);
    List<PartitionResult> results = WriteJob.write(plan, data);
    if (results != null) {
      DriverCommit.commit(plan, results);
    }
  }

  private static boolean tableExists(WriteConfig config) {
    ConnectionConfig connection = config.getConnection();
    long deadline = System.currentTimeMillis() + connection.getTimeoutSeconds() * 1000L;
    return TargetTableSchema.readOrNull(WriteClients.of(connection).runner(connection), config.getTable(),
        deadline) != null;
  }

  private static WriteConfig creatingTable(Map<String, String> options, Map<String, String> sessionConf,
      WriteConfig config) {
    if (config.getTempTableName() != null || isSet(options, KustoWriteOptions.TABLE_CREATE_OPTIONS.key())) {
      return config;
    }
    Map<String, String> creating = new HashMap<>(options);
    creating.put(KustoWriteOptions.TABLE_CREATE_OPTIONS.key(), SinkTableCreationMode.CreateIfNotExist.name());
    // The same request id as the existence check, so Kusto's logs show one write.
    if (!isSet(options, KustoCommonOptions.REQUEST_ID.key())) {
      creating.put(KustoCommonOptions.REQUEST_ID.key(), config.getConnection().getRequestId());
    }
    return WriteConfig.from(creating, sessionConf);
  }

  private static boolean isSet(Map<String, String> options, String key) {
    for (String candidate : options.keySet()) {
      if (candidate.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }
}
