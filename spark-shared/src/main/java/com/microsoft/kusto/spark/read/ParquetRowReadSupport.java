package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads only the columns of the read's schema from an exported Parquet file (Parquet skips the others' pages) and
 * materializes them as Spark rows ({@link ParquetRowConverter}). A column the file lacks fails the read, naming it.
 */
final class ParquetRowReadSupport extends ReadSupport<InternalRow> {
  private final StructType schema;
  private final Map<String, KustoType> kustoTypes;
  private final SparkValueConverter[] converters;
  private final String blobName;

  ParquetRowReadSupport(StructType schema, Map<String, KustoType> kustoTypes, String blobName) {
    this.schema = schema;
    this.kustoTypes = kustoTypes;
    this.blobName = blobName;
    StructField[] fields = schema.fields();
    this.converters = new SparkValueConverter[fields.length];
    for (int p = 0; p < fields.length; p++) {
      converters[p] = SparkValueConverter.forColumn(fields[p].name(), kustoTypes.get(fields[p].name()),
          fields[p].dataType());
    }
  }

  @Override
  public ReadContext init(InitContext context) {
    MessageType file = context.getFileSchema();
    List<Type> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!file.containsField(field.name())) {
        throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
            "read exported blob '" + blobName + "'", "it has no column '" + field.name() + "' (it has "
                + file.getFields() + ")",
            "Make 'customSchema' name only columns the query returns (names are case-sensitive)."));
      }
      Type column = file.getType(field.name());
      if (!column.isPrimitive()) {
        throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
            "read exported blob '" + blobName + "'", "its column '" + field.name() + "' is nested (" + column + ")",
            "Read columns Kusto exports as plain values; convert nested values with tostring() in the query."));
      }
      columns.add(column);
    }
    return new ReadContext(new MessageType(file.getName(), columns));
  }

  @Override
  public RecordMaterializer<InternalRow> prepareForRead(Configuration configuration,
      Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext readContext) {
    return new ParquetRowConverter(readContext.getRequestedSchema(), schema, kustoTypes, converters);
  }
}
