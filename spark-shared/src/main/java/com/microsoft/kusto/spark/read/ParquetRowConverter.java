package com.microsoft.kusto.spark.read;

import com.microsoft.kusto.spark.common.schema.KustoType;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Assembles Spark rows straight from Parquet's column readers: one {@link ParquetFieldConverter} per column of the
 * read's schema, each writing its Spark value into the current row. No intermediate record object, no per-value
 * lookup by name. Each record is a new row, so callers may keep rows.
 */
final class ParquetRowConverter extends RecordMaterializer<InternalRow> {
  /** The current record's values, in the read schema's order; the field converters fill it. */
  Object[] values;
  private final int width;
  private final ParquetFieldConverter[] fields;
  private final GroupConverter root = new GroupConverter() {
    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[width];
    }

    @Override
    public void end() {
      // the row is complete; getCurrentRecord hands it out
    }
  };

  /**
   * @param requested the file's columns in the order of {@code schema} (see {@link ParquetRowReadSupport})
   * @param converters one per column of {@code schema}, checked when the read was planned
   */
  ParquetRowConverter(MessageType requested, StructType schema, Map<String, KustoType> kustoTypes,
      SparkValueConverter[] converters) {
    StructField[] columns = schema.fields();
    this.width = columns.length;
    this.fields = new ParquetFieldConverter[width];
    for (int p = 0; p < width; p++) {
      fields[p] = new ParquetFieldConverter(this, p, kustoTypes.get(columns[p].name()),
          requested.getType(p).asPrimitiveType(), converters[p]);
    }
  }

  @Override
  public InternalRow getCurrentRecord() {
    return new GenericInternalRow(values);
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }
}
