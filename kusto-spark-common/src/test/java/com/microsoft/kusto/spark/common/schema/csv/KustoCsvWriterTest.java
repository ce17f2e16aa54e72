package com.microsoft.kusto.spark.common.schema.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class KustoCsvWriterTest {
  // Big decimals so the decimal assertion sees the exact digits rather than a double.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final List<TypedField> FLAT_SCHEMA =
      List.of(
          TypedField.of("bool", ColumnType.booleanType()),
          TypedField.of("byte", ColumnType.byteType()),
          TypedField.of("short", ColumnType.shortType()),
          TypedField.of("int", ColumnType.intType()),
          TypedField.of("long", ColumnType.longType()),
          TypedField.of("float", ColumnType.floatType()),
          TypedField.of("double", ColumnType.doubleType()),
          TypedField.of("dec", ColumnType.decimal(18, 4)),
          TypedField.of("bigdec", ColumnType.decimal(38, 10)),
          TypedField.of("string", ColumnType.stringType()),
          TypedField.of("binary", ColumnType.binaryType()),
          TypedField.of("date", ColumnType.dateType()),
          TypedField.of("ts", ColumnType.timestampType()));

  private static final List<String> STRINGS =
      List.of("", "x", " padded ", "a,b", "say \"hi\"", "line\nbreak", "cr\rlf\r\n", "tab\t", "é名😀", "\u0000\u001f", "null", "\"\"");

  @Test
  void roundTripsRandomRowsThroughAnIndependentReader() throws IOException {
    Random random = new Random(5);
    List<Values> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(randomFlatRow(random));
    }
    String csv = encode(FLAT_SCHEMA, rows);
    List<List<String>> parsed = TinyCsvReader.parse(csv);
    assertThat(parsed).hasSize(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Values row = rows.get(r);
      List<String> fields = parsed.get(r);
      assertThat(fields).hasSize(FLAT_SCHEMA.size());
      for (int f = 0; f < FLAT_SCHEMA.size(); f++) {
        String text = fields.get(f);
        if (row.isNullAt(f)) {
          assertThat(text).as("null stays an empty unquoted field").isNull();
          continue;
        }
        assertThat(text).as("field %s of row %s", FLAT_SCHEMA.get(f).name(), row).isNotNull();
        switch (FLAT_SCHEMA.get(f).type().kind()) {
          case BOOLEAN:
            assertThat(Boolean.parseBoolean(text)).isEqualTo(row.getBoolean(f));
            assertThat(text).isIn("true", "false");
            break;
          case BYTE:
            assertThat(Byte.parseByte(text)).isEqualTo(row.getByte(f));
            break;
          case SHORT:
            assertThat(Short.parseShort(text)).isEqualTo(row.getShort(f));
            break;
          case INT:
            assertThat(Integer.parseInt(text)).isEqualTo(row.getInt(f));
            break;
          case LONG:
            assertThat(Long.parseLong(text)).isEqualTo(row.getLong(f));
            break;
          case FLOAT:
            assertThat(Float.floatToIntBits(Float.parseFloat(text))).isEqualTo(Float.floatToIntBits(row.getFloat(f)));
            break;
          case DOUBLE:
            assertThat(Double.doubleToLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToLongBits(row.getDouble(f)));
            break;
          case DECIMAL:
            assertThat(text).doesNotContain("E").doesNotContain("e");
            assertThat(new BigDecimal(text)).isEqualTo(row.getDecimal(f, 38, 10));
            break;
          case STRING:
            assertThat(text).isEqualTo(row.getString(f));
            break;
          case BINARY:
            assertThat(Base64.getDecoder().decode(text)).isEqualTo(row.getBinary(f));
            break;
          case DATE:
            assertThat(LocalDate.parse(text).toEpochDay()).isEqualTo(row.getInt(f));
            break;
          case TIMESTAMP:
            assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(KustoDatetime.parseToMicros(text)).isEqualTo(row.getLong(f));
            break;
          default:
            throw new AssertionError("unexpected type");
        }
      }
    }
  }

  @Test
  void goldenRow() throws IOException {
    Values row =
        new Values(
            true, (byte) -1, (short) 2, 3, Long.MIN_VALUE, 0.1f, Double.NaN, new BigDecimal("-0.0050"),
            new BigDecimal("1E+20"), "", new byte[] {1, 2, 3, 4}, 0, -1L);
    assertThat(encode(FLAT_SCHEMA, List.of(row)))
        .isEqualTo(
            "true,-1,2,3,-9223372036854775808,0.1,NaN,-0.0050,100000000000000000000,\"\",AQIDBA==,1970-01-01,"
                + "1969-12-31T23:59:59.999999Z\n");
    Values nulls = new Values(new Object[FLAT_SCHEMA.size()]);
    assertThat(encode(FLAT_SCHEMA, List.of(nulls))).isEqualTo(",,,,,,,,,,,,\n");
  }

  @Test
  void specialDoublesUseTheInvariantCultureSymbols() throws IOException {
    StringWriter out = new StringWriter();
    try (KustoCsvWriter w = new KustoCsvWriter(out)) {
      w.writeDouble(Double.POSITIVE_INFINITY);
      w.writeDouble(Double.NEGATIVE_INFINITY);
      w.writeDouble(-0.0);
      w.writeDouble(1e-300);
      w.writeFloat(Float.NaN);
      w.endRow();
    }
    assertThat(out.toString()).isEqualTo("Infinity,-Infinity,-0.0,1.0E-300,NaN\n");
  }

  @Test
  void compactDecimalsMatchBigDecimalPlainText() throws IOException {
    Random random = new Random(9);
    for (int i = 0; i < 50_000; i++) {
      long unscaled = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(2001) - 1000;
      if (i < 4) {
        unscaled = new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}[i];
      }
      int scale = random.nextInt(60) - 20;
      StringWriter out = new StringWriter();
      try (KustoCsvWriter w = new KustoCsvWriter(out)) {
        w.writeDecimal(unscaled, scale);
      }
      String expected = BigDecimal.valueOf(unscaled, scale).toPlainString();
      assertThat(new BigDecimal(out.toString())).as("%d scale %d", unscaled, scale).isEqualTo(new BigDecimal(expected));
      assertThat(out.toString()).doesNotContain("E");
    }
  }

  @Test
  void stringsAreQuotedOnlyWhenNeeded() throws IOException {
    StringWriter out = new StringWriter();
    try (KustoCsvWriter w = new KustoCsvWriter(out)) {
      for (String s : List.of("plain", "", "a,b", "q\"", "l\nf", " x", "x ", "é😀")) {
        w.writeString(s);
      }
      w.endRow();
    }
    assertThat(out.toString()).isEqualTo("plain,\"\",\"a,b\",\"q\"\"\",\"l\nf\",\" x\",\"x \",é😀\n");
  }

  @Test
  void nestedValuesAreValidJsonWithNullsAndStringKeys() throws IOException {
    ColumnType point = ColumnType.struct(List.of(TypedField.of("x", ColumnType.intType()), TypedField.of("name", ColumnType.stringType())));
    List<TypedField> schema =
        List.of(
            TypedField.of("s", point),
            TypedField.of("arr", ColumnType.array(ColumnType.doubleType(), true)),
            TypedField.of("byInt", ColumnType.map(ColumnType.intType(), ColumnType.stringType())),
            TypedField.of("byStruct", ColumnType.map(point, ColumnType.longType())),
            TypedField.of("byDate", ColumnType.map(ColumnType.dateType(), ColumnType.timestampType())),
            TypedField.of("mixed", ColumnType.array(ColumnType.struct(List.of(
                TypedField.of("d", ColumnType.decimal(38, 2)),
                TypedField.of("b", ColumnType.binaryType()),
                TypedField.of("when", ColumnType.timestampType()))), true)));
    Map<Object, Object> byInt = new LinkedHashMap<>();
    byInt.put(1, "one \"quoted\"");
    byInt.put(-2, null);
    Map<Object, Object> byStruct = new LinkedHashMap<>();
    byStruct.put(new Values(7, "k,\n"), 5L);
    Map<Object, Object> byDate = new LinkedHashMap<>();
    byDate.put(19000, 0L);
    Values row =
        new Values(
            new Values(null, "a\\b\u0001\ud800"),
            Arrays.asList(1.5, null, Double.NaN, Double.NEGATIVE_INFINITY, -0.0),
            byInt,
            byStruct,
            byDate,
            Arrays.asList(new Values(new BigDecimal("12345678901234567890123456789012345.67"), new byte[] {-1}, 1L), null));
    String csv = encode(schema, List.of(row));
    List<String> fields = TinyCsvReader.parse(csv).get(0);

    JsonNode s = JSON.readTree(fields.get(0));
    assertThat(s.has("x")).isTrue();
    assertThat(s.get("x").isNull()).isTrue();
    assertThat(s.get("name").asText()).isEqualTo("a\\b\u0001\ud800");
    assertThat(fields.get(0)).isEqualTo("{\"x\":null,\"name\":\"a\\\\b\\u0001\\ud800\"}");

    JsonNode arr = JSON.readTree(fields.get(1));
    assertThat(arr.get(0).asDouble()).isEqualTo(1.5);
    assertThat(arr.get(1).isNull()).isTrue();
    assertThat(arr.get(2).asText()).isEqualTo("NaN");
    assertThat(arr.get(3).asText()).isEqualTo("-Infinity");

    JsonNode map = JSON.readTree(fields.get(2));
    assertThat(map.get("1").asText()).isEqualTo("one \"quoted\"");
    assertThat(map.get("-2").isNull()).isTrue();

    JsonNode structKeys = JSON.readTree(fields.get(3));
    String key = structKeys.fieldNames().next();
    assertThat(JSON.readTree(key).get("name").asText()).isEqualTo("k,\n");
    assertThat(structKeys.get(key).asLong()).isEqualTo(5);

    assertThat(fields.get(4)).isEqualTo("{\"2022-01-08\":\"1970-01-01T00:00:00.000000Z\"}");

    JsonNode mixed = JSON.readTree(fields.get(5));
    assertThat(mixed.get(0).get("d").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890123456789012345.67"));
    assertThat(mixed.get(0).get("b").asText()).isEqualTo("/w==");
    assertThat(mixed.get(0).get("when").asText()).isEqualTo("1970-01-01T00:00:00.000001Z");
    assertThat(mixed.get(1).isNull()).isTrue();
  }

  @Test
  void timestampsAreUtcWhateverTheJvmTimeZone() throws IOException {
    List<TypedField> schema = List.of(TypedField.of("ts", ColumnType.timestampType()), TypedField.of("d", ColumnType.dateType()));
    Values row = new Values(1_704_164_645_123_456L, 19_724);
    String utc = encode(schema, List.of(row));
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      assertThat(encode(schema, List.of(row))).isEqualTo(utc).isEqualTo("2024-01-02T03:04:05.123456Z,2024-01-02\n");
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void countsCharactersAndHandlesValuesLargerThanTheBuffer() throws IOException {
    StringWriter out = new StringWriter();
    String big = "y".repeat(100_000);
    try (KustoCsvWriter w = new KustoCsvWriter(out)) {
      w.writeString(big);
      w.writeString("a\"" + big);
      w.endRow();
      assertThat(w.charsWritten()).isEqualTo(100_000 + 1 + 100_000 + 5 + 1);
    }
    assertThat(TinyCsvReader.parse(out.toString()).get(0)).containsExactly(big, "a\"" + big);
  }

  @Test
  void utf8OutputAndOutOfRangeTimestamps() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (KustoCsvWriter w = KustoCsvWriter.utf8(bytes)) {
      w.writeString("é😀");
      w.endRow();
    }
    assertThat(bytes.toByteArray()).isEqualTo("é😀\n".getBytes(StandardCharsets.UTF_8));
    KustoCsvWriter w = new KustoCsvWriter(new StringWriter());
    assertThatThrownBy(() -> w.writeTimestampMicros(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
  }

  @Test
  void theTimeZoneOptionWritesTimestampsAsThatZonesWallClockTimeAcrossDaylightSavingChanges() throws IOException {
    List<TypedField> schema = List.of(TypedField.of("ts", ColumnType.timestampType()),
        TypedField.of("day", ColumnType.dateType()));
    // 06:59:59.5Z is 01:59:59.5 EST; 07:00Z is 03:00 EDT (New York's clocks went forward that night).
    long beforeChange = Instant.parse("2024-03-10T06:59:59.500001Z").toEpochMilli() * 1000 + 1;
    long afterChange = Instant.parse("2024-03-10T07:00:00Z").toEpochMilli() * 1000;
    StringWriter out = new StringWriter();
    CsvRowEncoder encoder = new CsvRowEncoder(schema, ZoneId.of("America/New_York"));
    try (KustoCsvWriter writer = new KustoCsvWriter(out)) {
      encoder.write(new Values(beforeChange, 19792), writer);
      encoder.write(new Values(afterChange, 19792), writer);
    }
    assertThat(out.toString()).isEqualTo("2024-03-10T01:59:59.500001Z,2024-03-10\n2024-03-10T03:00:00.000000Z,2024-03-10\n");

    StringWriter utc = new StringWriter();
    try (KustoCsvWriter writer = new KustoCsvWriter(utc)) {
      new CsvRowEncoder(schema, ZoneId.of("UTC")).write(new Values(afterChange, 19792), writer);
    }
    assertThat(utc.toString()).isEqualTo("2024-03-10T07:00:00.000000Z,2024-03-10\n");
  }

  private static String encode(List<TypedField> schema, List<Values> rows) throws IOException {
    StringWriter out = new StringWriter();
    CsvRowEncoder encoder = new CsvRowEncoder(schema);
    try (KustoCsvWriter writer = new KustoCsvWriter(out)) {
      for (Values row : rows) {
        encoder.write(row, writer);
      }
      assertThat(writer.charsWritten()).isGreaterThan(0);
    }
    return out.toString();
  }

  private static Values randomFlatRow(Random random) {
    Object[] v = new Object[FLAT_SCHEMA.size()];
    v[0] = random.nextBoolean();
    v[1] = (byte) random.nextInt();
    v[2] = (short) random.nextInt();
    v[3] = random.nextInt();
    v[4] = random.nextLong();
    v[5] = Float.intBitsToFloat(random.nextInt());
    v[6] = random.nextInt(10) == 0 ? new double[] {Double.NaN, -0.0, Double.MIN_VALUE, Double.MAX_VALUE}[random.nextInt(4)]
        : Double.longBitsToDouble(random.nextLong());
    v[7] = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, 4);
    v[8] = new BigDecimal(new BigInteger(120, random), 10).negate();
    v[9] = STRINGS.get(random.nextInt(STRINGS.size()));
    byte[] b = new byte[random.nextInt(7)];
    random.nextBytes(b);
    v[10] = b;
    v[11] = KustoDatetime.MIN_EPOCH_DAY + random.nextInt(KustoDatetime.MAX_EPOCH_DAY - KustoDatetime.MIN_EPOCH_DAY + 1);
    v[12] = KustoDatetime.MIN_MICROS + (long) (random.nextDouble() * (KustoDatetime.MAX_MICROS - KustoDatetime.MIN_MICROS));
    for (int i = 0; i < v.length; i++) {
      if (random.nextInt(8) == 0) {
        v[i] = null;
      }
    }
    return new Values(v);
  }
}
