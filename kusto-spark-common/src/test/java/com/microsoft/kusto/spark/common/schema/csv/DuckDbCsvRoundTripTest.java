package com.microsoft.kusto.spark.common.schema.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.KustoDatetime;
import com.microsoft.kusto.spark.common.schema.TypedField;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the encoder's CSV back with DuckDB's CSV reader (a real, independent RFC 4180 implementation; DuckDB comes
 * with the emulator test dependency) configured like Kusto: empty unquoted field = NULL, {@code ""} = empty string.
 */
class DuckDbCsvRoundTripTest {
  private static final List<TypedField> SCHEMA =
      List.of(
          TypedField.of("b", ColumnType.booleanType()),
          TypedField.of("l", ColumnType.longType()),
          TypedField.of("d", ColumnType.doubleType()),
          TypedField.of("m", ColumnType.decimal(38, 10)),
          TypedField.of("s", ColumnType.stringType()),
          TypedField.of("ts", ColumnType.timestampType()),
          TypedField.of("j", ColumnType.array(ColumnType.stringType(), true)));
  private static final List<String> STRINGS = List.of("", "plain", "a,b", "q\"q", "multi\nline", " x ", "é😀", "\t");

  @Test
  void duckDbReadsBackExactlyWhatWasWritten(@TempDir Path dir) throws Exception {
    Random random = new Random(17);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object[] v = {
        random.nextBoolean(),
        random.nextLong(),
        random.nextInt(20) == 0 ? Double.NaN : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL),
        new BigDecimal(new BigInteger(100, random), 10),
        STRINGS.get(random.nextInt(STRINGS.size())),
        KustoDatetime.MIN_MICROS + (long) (random.nextDouble() * (KustoDatetime.MAX_MICROS - KustoDatetime.MIN_MICROS)),
        List.of(STRINGS.get(random.nextInt(STRINGS.size())), "x\\y")
      };
      for (int c = 0; c < v.length; c++) {
        if (random.nextInt(6) == 0) {
          v[c] = null;
        }
      }
      rows.add(v);
    }
    Path file = dir.resolve("rows.csv");
    CsvRowEncoder encoder = new CsvRowEncoder(SCHEMA);
    try (OutputStream stream = Files.newOutputStream(file);
        KustoCsvWriter writer = KustoCsvWriter.utf8(stream)) {
      for (Object[] row : rows) {
        encoder.write(new Values(row), writer);
      }
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      ResultSet rs =
          st.executeQuery(
              "SELECT b, l, d, m, s, epoch_us(ts) AS us, j FROM read_csv('"
                  + file
                  + "', header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                  + " new_line = '\\n', allow_quoted_nulls = false, columns = {'b': 'BOOLEAN', 'l': 'BIGINT',"
                  + " 'd': 'DOUBLE', 'm': 'DECIMAL(38,10)', 's': 'VARCHAR', 'ts': 'TIMESTAMPTZ', 'j': 'VARCHAR'})");
      int r = 0;
      while (rs.next()) {
        Object[] expected = rows.get(r++);
        assertThat(rs.getObject("b")).isEqualTo(expected[0]);
        assertThat(rs.getObject("l")).isEqualTo(expected[1]);
        assertThat(rs.getObject("d") == null ? null : rs.getDouble("d")).isEqualTo(expected[2]);
        assertThat(rs.getBigDecimal("m")).isEqualTo(expected[3]);
        assertThat(rs.getString("s")).as("row %d: null and empty stay distinct", r).isEqualTo(expected[4]);
        assertThat(rs.getObject("us") == null ? null : rs.getLong("us")).isEqualTo(expected[5]);
        if (expected[6] == null) {
          assertThat(rs.getString("j")).isNull();
        } else {
          assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(rs.getString("j"), List.class))
              .isEqualTo(expected[6]);
        }
      }
      assertThat(r).isEqualTo(rows.size());
    }
  }
}
