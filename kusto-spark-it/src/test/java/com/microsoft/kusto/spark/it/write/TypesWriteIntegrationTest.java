package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.testing.LocalSpark;
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
 * Every Spark type written through the connector into a table it creates from the DataFrame schema, then checked
 * twice: read back through the connector, and queried in Kusto. The JVM's default zone is not UTC while writing, so
 * a zone conversion anywhere would shift the times.
 */
class TypesWriteIntegrationTest {
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
      .add("im", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType))
      .add("st", new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
          .add("xs", DataTypes.createArrayType(DataTypes.DoubleType)));

  private static WriteKit kit;
  private static TimeZone savedZone;

  @BeforeAll
  static void start() {
    savedZone = TimeZone.getDefault();
    kit = WriteKit.start();
    // Rows are made and written in a zone that is not UTC; the java.sql values are local to it.
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    List<Row> rows = Arrays.asList(
        RowFactory.create(1, true, (byte) -7, (short) -30000, 9_007_199_254_740_993L, 0.1f, -2.5e-300,
            new BigDecimal("1234567890.123456789012345678"), new BigDecimal("-12345678.90"),
            "a,\"b\"\nc ü 😀 \\ end", new byte[] {0, 1, -1, 127}, Date.valueOf(LocalDate.of(1999, 12, 31)),
            Timestamp.from(TS), Arrays.asList(1, null, 3), Collections.singletonMap("k\"ey", 1),
            Collections.singletonMap(42, "v"), RowFactory.create(1, "x", Arrays.asList(0.5, -1.0))),
        RowFactory.create(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null));
    try {
      kit.writer(LocalSpark.session().createDataFrame(rows, SCHEMA).repartition(2), "AllTypes",
          "tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append).save();
    } finally {
      TimeZone.setDefault(savedZone);
    }
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  private static Row readBack(int id) {
    return kit.kusto().read("AllTypes | where id == " + id).load().collectAsList().get(0);
  }

  @Test
  void theCreatedTableHasTheKustoTypeOfEverySparkType() {
    assertThat(kit.cslSchema("AllTypes")).isEqualTo(
        "id:int,b:bool,by:int,sh:int,l:long,f:real,d:real,dec:decimal,small:decimal,s:string,bin:string,"
            + "day:datetime,ts:datetime,arr:dynamic,m:dynamic,im:dynamic,st:dynamic");
  }

  @Test
  void everyValueReadsBackExactlyThroughTheConnector() {
    Row row = readBack(1);
    assertThat(row.getInt(0)).isEqualTo(1);
    assertThat(row.getBoolean(1)).isTrue();
    assertThat(row.getInt(2)).isEqualTo(-7);
    assertThat(row.getInt(3)).isEqualTo(-30000);
    assertThat(row.getLong(4)).isEqualTo(9_007_199_254_740_993L);
    // A float widens to the double nearest its decimal text, which is what Kusto's real stores.
    assertThat(row.getDouble(5)).isEqualTo(0.1);
    assertThat(row.getDouble(6)).isEqualTo(-2.5e-300);
    assertThat(row.getDecimal(7)).isEqualByComparingTo("1234567890.123456789012345678");
    assertThat(row.getDecimal(8)).isEqualByComparingTo("-12345678.90");
    assertThat(row.getString(9)).isEqualTo("a,\"b\"\nc ü 😀 \\ end");
    assertThat(row.getString(10)).isEqualTo("AAH/fw==");
    assertThat(row.getTimestamp(11).toInstant()).isEqualTo(Instant.parse("1999-12-31T00:00:00Z"));
    assertThat(row.getTimestamp(12).toInstant()).isEqualTo(TS);
    assertThat(row.getString(13)).isEqualTo("[1,null,3]");
    assertThat(row.getString(14)).isEqualTo("{\"k\\\"ey\":1}");
    assertThat(row.getString(15)).isEqualTo("{\"42\":\"v\"}");
    assertThat(row.getString(16)).isEqualTo("{\"a\":1,\"b\":\"x\",\"xs\":[0.5,-1.0]}");
  }

  @Test
  void kustoHoldsTheExactValuesWithMicrosecondTimestampsAndValidJsonForAnyMapKey() {
    assertThat(kit.queryColumn("AllTypes | where id == 1 | project r = strcat(tostring(ts), ' | ', tostring(day),"
        + " ' | ', tostring(l), ' | ', tostring(dec), ' | ', tostring(small == decimal(-12345678.90)))", "r"))
        .containsExactly("2024-03-10T10:30:00.1234560Z | 1999-12-31T00:00:00.0000000Z | 9007199254740993"
            + " | 1234567890.123456789012345678 | true");
    // Kusto parsed the dynamic columns as JSON: their members are addressable. (The emulator cannot address a
    // member whose name holds a quote, so that map is checked through its JSON text.)
    assertThat(kit.queryColumn("AllTypes | where id == 1 | project r = strcat(tostring(arr[2]), ' ',"
        + " tostring(im['42']), ' ', tostring(st.b), ' ', tostring(st.xs[0]), ' ', tostring(m))", "r"))
        .containsExactly("3 v x 0.5 {\"k\\\"ey\":1}");
  }

  @Test
  void nullsStayNullExceptStringsWhichKustoKeepsEmpty() {
    Row row = readBack(2);
    for (int i = 1; i < SCHEMA.size(); i++) {
      if (i == 9 || i == 10) {
        assertThat(row.getString(i)).as(SCHEMA.fields()[i].name()).isEmpty();
      } else {
        assertThat(row.isNullAt(i)).as(SCHEMA.fields()[i].name()).isTrue();
      }
    }
    assertThat(kit.queryColumn("AllTypes | where id == 2 and isnull(ts) and isnull(dec) and isnull(b)"
        + " | count | project n = tostring(Count)", "n")).containsExactly("1");
  }
}
