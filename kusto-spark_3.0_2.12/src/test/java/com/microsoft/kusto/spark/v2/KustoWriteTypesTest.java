package com.microsoft.kusto.spark.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Spark type written through {@code df.write} (table created from the DataFrame schema) and read back, with
 * exact values, in a JVM whose default zone is not UTC (so a zone conversion anywhere would shift times).
 */
class KustoWriteTypesTest {
  private static final Instant TS = Instant.parse("2024-03-10T10:30:00.123456Z");
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType)
      .add("b", DataTypes.BooleanType)
      .add("by", DataTypes.ByteType)
      .add("sh", DataTypes.ShortType)
      .add("l", DataTypes.LongType)
      .add("f", DataTypes.FloatType)
      .add("d", DataTypes.DoubleType)
      .add("dec", DataTypes.createDecimalType(38, 18))
      .add("small", DataTypes.createDecimalType(10, 2))
      .add("s", DataTypes.StringType)
      .add("bin", DataTypes.BinaryType)
      .add("day", DataTypes.DateType)
      .add("ts", DataTypes.TimestampType)
      .add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
      .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
      .add("st", new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType));

  private static EmulatorKit kit;
  private static TimeZone savedZone;

  @BeforeAll
  static void start() {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    kit = EmulatorKit.start();
    List<Row> rows = Arrays.asList(
        RowFactory.create(1, true, (byte) -7, (short) -30000, 9_007_199_254_740_993L, 0.1f, -2.5e-300,
            new BigDecimal("1234567890.123456789012345678"), new BigDecimal("-12345678.90"),
            "a,\"b\"\nc ü 😀", new byte[] {0, 1, -1, 127}, Date.valueOf(LocalDate.of(1999, 12, 31)),
            Timestamp.from(TS), Arrays.asList(1, null, 3), Collections.singletonMap("k", 1),
            RowFactory.create(1, "x")),
        RowFactory.create(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null));
    kit.spark().createDataFrame(rows, SCHEMA).repartition(2).write().format("kusto")
        .options(WriteSupport.options(kit, "AllTypes", "tableCreateOptions", "CreateIfNotExist")).mode(SaveMode.Append).save();
  }

  @AfterAll
  static void stop() {
    kit.close();
    TimeZone.setDefault(savedZone);
  }

  @Test
  void theCreatedTableHasTheKustoTypeOfEverySparkType() {
    assertThat(WriteSupport.commandColumn(kit, ".show table AllTypes cslschema", "Schema")).containsExactly(
        "id:int,b:bool,by:int,sh:int,l:long,f:real,d:real,dec:decimal,small:decimal,s:string,bin:string,"
            + "day:datetime,ts:datetime,arr:dynamic,m:dynamic,st:dynamic");
  }

  @Test
  void everyValueReadsBackExactly() {
    Row row = kit.read("AllTypes | where id == 1").load().collectAsList().get(0);
    assertThat(row.getInt(0)).isEqualTo(1);
    assertThat(row.getBoolean(1)).isTrue();
    assertThat(row.getInt(2)).isEqualTo(-7);
    assertThat(row.getInt(3)).isEqualTo(-30000);
    assertThat(row.getLong(4)).isEqualTo(9_007_199_254_740_993L);
    assertThat(row.getDouble(5)).isEqualTo(0.1);
    assertThat(row.getDouble(6)).isEqualTo(-2.5e-300);
    assertThat(row.getDecimal(7)).isEqualByComparingTo("1234567890.123456789012345678");
    assertThat(row.getDecimal(8)).isEqualByComparingTo("-12345678.90");
    assertThat(row.getString(9)).isEqualTo("a,\"b\"\nc ü 😀");
    assertThat(row.getString(10)).isEqualTo("AAH/fw==");
    assertThat(row.getTimestamp(11).toInstant()).isEqualTo(Instant.parse("1999-12-31T00:00:00Z"));
    assertThat(row.getTimestamp(12).toInstant()).isEqualTo(TS);
    assertThat(row.getString(13)).isEqualTo("[1,null,3]");
    assertThat(row.getString(14)).isEqualTo("{\"k\":1}");
    assertThat(row.getString(15)).isEqualTo("{\"a\":1,\"b\":\"x\"}");
  }

  @Test
  void timestampsKeepTheirMicrosecondsInKusto() {
    assertThat(WriteSupport.column(kit, "AllTypes | where id == 1 | project t = tostring(ts)", "t"))
        .containsExactly("2024-03-10T10:30:00.1234560Z");
  }

  @Test
  void nullsStayNullExceptStringsWhichKustoKeepsEmpty() {
    Row row = kit.read("AllTypes | where id == 2").load().collectAsList().get(0);
    for (int i = 1; i < SCHEMA.size(); i++) {
      if (i == 9 || i == 10) {
        assertThat(row.getString(i)).as(SCHEMA.fields()[i].name()).isEmpty();
      } else {
        assertThat(row.isNullAt(i)).as(SCHEMA.fields()[i].name()).isTrue();
      }
    }
  }
}
