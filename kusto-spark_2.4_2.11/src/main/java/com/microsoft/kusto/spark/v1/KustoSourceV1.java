package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.options.ReadConfig;
import com.microsoft.kusto.spark.common.options.WriteConfig;
import com.microsoft.kusto.spark.common.write.MicroBatch;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.execution.streaming.Sink;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.sources.SchemaRelationProvider;
import org.apache.spark.sql.sources.StreamSinkProvider;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.collection.immutable.Map;

/**
 * The Kusto data source for Spark 2.4 (Data Source V1), short name {@code kusto}: reads ({@link KustoRelation}),
 * batch writes with every save mode ({@link BatchSave}) and the streaming sink ({@link KustoSink}). Options are
 * validated on the driver before any job; the options, behaviour and guarantees are those of the Spark 3 source.
 */
public class KustoSourceV1 implements DataSourceRegister, RelationProvider, SchemaRelationProvider,
    CreatableRelationProvider, StreamSinkProvider {

  @Override
  public String shortName() {
    return "kusto";
  }

  @Override
  public BaseRelation createRelation(SQLContext sqlContext, Map<String, String> parameters) {
    return createRelation(sqlContext, parameters, null);
  }

  @Override
  public BaseRelation createRelation(SQLContext sqlContext, Map<String, String> parameters, StructType schema) {
    ReadConfig config = ReadConfig.from(V1Options.of(parameters), V1Options.sessionConf(sqlContext.sparkSession()));
    return KustoRelation.open(sqlContext, config, schema);
  }

  @Override
  public BaseRelation createRelation(SQLContext sqlContext, SaveMode mode, Map<String, String> parameters,
      Dataset<Row> data) {
    java.util.Map<String, String> options = V1Options.of(parameters);
    java.util.Map<String, String> session = V1Options.sessionConf(sqlContext.sparkSession());
    WriteConfig written = BatchSave.save(mode, options, session, data);
    return WrittenRelation.of(sqlContext, written, options, session, data.schema());
  }

  /** Append and update output modes (each micro-batch's rows are appended); complete mode is refused. */
  @Override
  public Sink createSink(SQLContext sqlContext, Map<String, String> parameters, Seq<String> partitionColumns,
      OutputMode outputMode) {
    WriteConfig config = WriteConfig.from(V1Options.of(parameters), V1Options.sessionConf(sqlContext.sparkSession()));
    if (OutputMode.Complete().equals(outputMode)) {
      throw new KustoConnectorException(ErrorCode.UNSUPPORTED_FEATURE, KustoConnectorException.message(
          "write a stream to table '" + config.getTable() + "' in the complete output mode",
          "the Kusto sink appends each micro-batch and cannot replace the table per batch",
          "Use outputMode(\"append\")."));
    }
    MicroBatch.requireExactlyOnce(config);
    return new KustoSink(config);
  }
}
