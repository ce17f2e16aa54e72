package com.microsoft.kusto.spark.samples;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A small DataFrame with a column of every Spark type the connector writes, and one row of nulls. */
final class AllTypes {
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType)
      .add("flag", DataTypes.BooleanType)
      .add("tiny", DataTypes.ByteType)
      .add("small", DataTypes.ShortType)
      .add("big", DataTypes.LongType)
      .add("ratio", DataTypes.FloatType)
      .add("measure", DataTypes.DoubleType)
      .add("amount", DataTypes.createDecimalType(38, 18))
      .add("name", DataTypes.StringType)
      .add("payload", DataTypes.BinaryType)
      .add("day", DataTypes.DateType)
      .add("at", DataTypes.TimestampType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
      .add("point", new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType));

  /** Rows with id 1..{@code rows} (every column set), then one row with only an id. */
  static Dataset<Row> frame(SparkSession spark, int rows) {
    List<Row> data = new ArrayList<>();
    Instant start = Instant.parse("2024-03-10T10:30:00.123456Z");
    for (int i = 1; i <= rows; i++) {
      data.add(RowFactory.create(i, i % 2 == 0, (byte) -i, (short) (1000 * i), 9_007_199_254_740_993L * i,
          i / 3f, Math.PI * i, new BigDecimal("1234567890.123456789012345678").multiply(BigDecimal.valueOf(i)),
          i % 2 == 0 ? "row " + i : "Row \"" + i + "\", ü 😀", new byte[] {0, (byte) i, -1},
          Date.valueOf(LocalDate.of(2024, 1, i)), Timestamp.from(start.plusSeconds(3600L * i)),
          Arrays.asList("a" + i, "b" + i), Map.of("k" + i, i), RowFactory.create(i * 1.5, -i * 1.5)));
    }
    Object[] nulls = new Object[SCHEMA.size()];
    nulls[0] = rows + 1;
    data.add(RowFactory.create(nulls));
    return spark.createDataFrame(data, SCHEMA);
  }

  private AllTypes() {}
}
