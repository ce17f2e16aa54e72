package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.schema.KustoType;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one local Parquet file exported by Kusto, record by record, as Spark rows of the read's schema.
 * Uses parquet-hadoop, which every Spark distribution ships; the file is on the local disk, so Hadoop's local file
 * system is all that is needed (no hadoop-azure).
 */
final class ParquetFileRows implements Iterator<InternalRow>, Closeable {
  private final ParquetReader<Group> reader;
  private final StructType schema;
  private final Map<String, KustoType> kustoTypes;
  private final String blobName;
  private int[] fieldIndexes;
  private KustoType[] types;
  private SparkValueConverter[] converters;
  private Group nextRecord;
  private boolean done;

  @SuppressWarnings("deprecation")
  ParquetFileRows(java.nio.file.Path file, StructType schema, Map<String, KustoType> kustoTypes, String blobName)
      throws IOException {
    this.schema = schema;
    this.kustoTypes = kustoTypes;
    this.blobName = blobName;
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    this.reader = ParquetReader.builder(new GroupReadSupport(), new Path(file.toUri())).withConf(conf).build();
  }

  @Override
  public boolean hasNext() {
    if (nextRecord == null && !done) {
      try {
        nextRecord = reader.read();
      } catch (IOException e) {
        throw new KustoConnectorException(ErrorCode.KUSTO_REQUEST_FAILED, KustoConnectorException.message(
            "read exported blob '" + blobName + "'", "it is not readable Parquet: " + e.getMessage(), ""));
      }
      done = nextRecord == null;
    }
    return nextRecord != null;
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Group record = nextRecord;
    nextRecord = null;
    if (fieldIndexes == null) {
      bind(record.getType());
    }
    Object[] values = new Object[fieldIndexes.length];
    for (int p = 0; p < values.length; p++) {
      values[p] = converters[p].convert(ParquetValues.read(record, fieldIndexes[p], types[p]));
    }
    return new GenericInternalRow(values);
  }

  private void bind(GroupType fileSchema) {
    StructField[] fields = schema.fields();
    fieldIndexes = new int[fields.length];
    types = new KustoType[fields.length];
    converters = new SparkValueConverter[fields.length];
    for (int p = 0; p < fields.length; p++) {
      String name = fields[p].name();
      if (!fileSchema.containsField(name)) {
        throw new KustoConnectorException(ErrorCode.SCHEMA_MISMATCH, KustoConnectorException.message(
            "read exported blob '" + blobName + "'", "it has no column '" + name + "' (it has "
                + fileSchema.getFields() + ")",
            "Make 'customSchema' name only columns the query returns (names are case-sensitive)."));
      }
      fieldIndexes[p] = fileSchema.getFieldIndex(name);
      types[p] = kustoTypes.get(name);
      converters[p] = SparkValueConverter.forColumn(name, types[p], fields[p].dataType());
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
