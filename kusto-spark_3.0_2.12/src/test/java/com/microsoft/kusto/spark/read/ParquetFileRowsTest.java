package com.microsoft.kusto.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.schema.KustoType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet layouts other than the emulator's export (which the end-to-end tests cover): INT96 and millisecond or
 * nanosecond timestamps, decimals in every physical type, 16-byte guids, timespans as text, widened integers.
 */
class ParquetFileRowsTest {
  private static final MessageType FILE_SCHEMA = MessageTypeParser.parseMessageType("message m {"
      + " optional int96 t96; optional int64 tms (TIMESTAMP_MILLIS); optional int64 tns (TIMESTAMP(NANOS,true));"
      + " optional int32 dec32 (DECIMAL(9,2)); optional int64 dec64 (DECIMAL(18,4));"
      + " optional fixed_len_byte_array(16) decfixed (DECIMAL(38,18)); optional binary dectext (UTF8);"
      + " optional fixed_len_byte_array(16) g (UUID); optional binary spantext (UTF8); optional int64 span;"
      + " optional int32 n64; }");

  @TempDir Path dir;

  @Test
  void decodesEveryAcceptedLayoutToTheSameCanonicalValues() throws Exception {
    Path file = dir.resolve("layouts.parquet");
    long epochDay = LocalDate.of(2024, 2, 29).toEpochDay();
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE_SCHEMA);
    Group full = groups.newGroup()
        .append("t96", new NanoTime((int) (epochDay + 2_440_588L), 123_456_789L).toBinary())
        .append("tms", 1_709_251_199_123L)
        .append("tns", 1_709_251_199_123_456_789L)
        .append("dec32", 12_345)
        .append("dec64", -98_765_432L)
        .append("decfixed", Binary.fromConstantByteArray(sixteenBytes(new BigInteger("123456789012345678123456789012345678"))))
        .append("dectext", "1E+3")
        .append("g", Binary.fromConstantByteArray(uuidBytes(UUID.fromString("12345678-9abc-def0-1234-56789abcdef0"))))
        .append("spantext", "1.02:03:04.5")
        .append("span", -1L)
        .append("n64", 7);
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(FILE_SCHEMA).withConf(conf).build()) {
      writer.write(full);
      writer.write(groups.newGroup());
    }

    Map<String, KustoType> kusto = new LinkedHashMap<>();
    StructType schema = new StructType();
    for (String name : new String[] {"t96", "tms", "tns"}) {
      kusto.put(name, KustoType.DATETIME);
      schema = schema.add(name, DataTypes.TimestampType);
    }
    for (String name : new String[] {"dec32", "dec64", "decfixed", "dectext"}) {
      kusto.put(name, KustoType.DECIMAL);
      schema = schema.add(name, DataTypes.createDecimalType(38, 18));
    }
    kusto.put("g", KustoType.GUID);
    kusto.put("spantext", KustoType.TIMESPAN);
    kusto.put("span", KustoType.TIMESPAN);
    kusto.put("n64", KustoType.LONG);
    schema = schema.add("g", DataTypes.StringType).add("spantext", DataTypes.StringType)
        .add("span", DataTypes.StringType).add("n64", DataTypes.LongType);

    List<InternalRow> rows = new ArrayList<>();
    try (ParquetFileRows reader = new ParquetFileRows(file, schema, kusto, "layouts.parquet")) {
      while (reader.hasNext()) {
        rows.add(reader.next().copy());
      }
    }
    assertThat(rows).hasSize(2);
    InternalRow row = rows.get(0);
    assertThat(row.getLong(0)).isEqualTo(micros(Instant.parse("2024-02-29T00:00:00.123456Z")));
    assertThat(row.getLong(1)).isEqualTo(1_709_251_199_123_000L);
    assertThat(row.getLong(2)).isEqualTo(1_709_251_199_123_456L);
    assertThat(row.getDecimal(3, 38, 18).toJavaBigDecimal()).isEqualByComparingTo("123.45");
    assertThat(row.getDecimal(4, 38, 18).toJavaBigDecimal()).isEqualByComparingTo("-9876.5432");
    assertThat(row.getDecimal(5, 38, 18).toJavaBigDecimal())
        .isEqualTo(new BigDecimal("123456789012345678.123456789012345678"));
    assertThat(row.getDecimal(6, 38, 18).toJavaBigDecimal()).isEqualByComparingTo("1000");
    assertThat(row.getUTF8String(7).toString()).isEqualTo("12345678-9abc-def0-1234-56789abcdef0");
    assertThat(row.getUTF8String(8).toString()).isEqualTo("1.02:03:04.5000000");
    assertThat(row.getUTF8String(9).toString()).isEqualTo("-00:00:00.0000001");
    assertThat(row.getLong(10)).isEqualTo(7L);
    InternalRow nulls = rows.get(1);
    for (int i = 0; i < schema.size(); i++) {
      assertThat(nulls.isNullAt(i)).as(schema.fields()[i].name()).isTrue();
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  private static byte[] sixteenBytes(BigInteger unscaled) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[16];
    byte pad = (byte) (unscaled.signum() < 0 ? 0xff : 0);
    int offset = 16 - minimal.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(minimal, 0, out, offset, minimal.length);
    return out;
  }

  private static byte[] uuidBytes(UUID uuid) {
    return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
        .array();
  }
}
