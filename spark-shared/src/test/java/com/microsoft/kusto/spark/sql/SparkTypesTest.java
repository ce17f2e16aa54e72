package com.microsoft.kusto.spark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.schema.KustoColumn;
import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.schema.TypeMapping;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkTypesTest {
  private static final StructType EVERY_TYPE =
      new StructType()
          .add("b", DataTypes.BooleanType)
          .add("y", DataTypes.ByteType)
          .add("s", DataTypes.ShortType)
          .add("i", DataTypes.IntegerType, false)
          .add("l", DataTypes.LongType)
          .add("f", DataTypes.FloatType)
          .add("d", DataTypes.DoubleType)
          .add("dec", DataTypes.createDecimalType(38, 10))
          .add("str", DataTypes.StringType)
          .add("bin", DataTypes.BinaryType)
          .add("date", DataTypes.DateType)
          .add("ts", DataTypes.TimestampType)
          .add("arr", DataTypes.createArrayType(DataTypes.LongType, true))
          .add("map", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType))
          .add("st", new StructType().add("x", DataTypes.DoubleType).add("tags", DataTypes.createArrayType(DataTypes.StringType)));

  @Test
  void everySparkTypeRoundTripsThroughTheNeutralModel() {
    assertThat(SparkTypes.toSparkSchema(SparkTypes.toNeutralFields(EVERY_TYPE))).isEqualTo(EVERY_TYPE);
  }

  @Test
  void tableCreationTypesFollowTheReferenceMapping() {
    List<String> kusto =
        TypeMapping.toKustoColumns(SparkTypes.toNeutralFields(EVERY_TYPE)).stream()
            .map(c -> c.name() + ":" + c.type().cslName())
            .collect(Collectors.toList());
    assertThat(kusto)
        .containsExactly(
            "b:bool", "y:int", "s:int", "i:int", "l:long", "f:real", "d:real", "dec:decimal", "str:string",
            "bin:string", "date:datetime", "ts:datetime", "arr:dynamic", "map:dynamic", "st:dynamic");
  }

  @Test
  void readSchemaOfEveryKustoType() {
    StructType schema =
        SparkTypes.readSchema(
            Arrays.stream(KustoType.values()).map(t -> KustoColumn.of("c_" + t.cslName(), t)).collect(Collectors.toList()));
    assertThat(schema.simpleString())
        .isEqualTo(
            "struct<c_bool:boolean,c_int:int,c_long:bigint,c_real:double,c_decimal:decimal(38,18),"
                + "c_datetime:timestamp,c_timespan:string,c_string:string,c_guid:string,c_dynamic:string>");
  }
}
