package com.microsoft.kusto.spark.common.schema.csv;

import com.microsoft.kusto.spark.common.schema.ColumnType;
import com.microsoft.kusto.spark.common.schema.TypedField;
import com.microsoft.kusto.spark.common.schema.TypeKind;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes whole rows of a fixed schema as CSV: the schema's kinds are resolved once, then each field goes to the
 * matching typed {@link KustoCsvWriter} method. The adapters wrap Spark's {@code InternalRow} as a
 * {@link StructAccessor} and call {@link #write}.
 */
public final class CsvRowEncoder {
  private final List<TypedField> fields;
  private final TypeKind[] kinds;
  private final ColumnType[] types;
  /** Null for UTC, which needs no shift. */
  private final ZoneRules zone;

  /** Timestamps in UTC. */
  public CsvRowEncoder(List<TypedField> schema) {
    this(schema, ZoneOffset.UTC);
  }

  /**
   * @param timeZone the zone whose local date-time a timestamp column is written as (the sink's {@code timeZone}
   *     option): Kusto reads a datetime text as UTC, so any zone but UTC stores the wall-clock time of that zone.
   *     Timestamps nested in dynamic values stay UTC.
   */
  public CsvRowEncoder(List<TypedField> schema, ZoneId timeZone) {
    ZoneRules rules = timeZone.getRules();
    this.zone = rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0 ? null : rules;
    this.fields = Collections.unmodifiableList(new ArrayList<>(schema));
    this.kinds = new TypeKind[fields.size()];
    this.types = new ColumnType[fields.size()];
    for (int i = 0; i < kinds.length; i++) {
      types[i] = fields.get(i).type();
      kinds[i] = types[i].kind();
    }
  }

  public List<TypedField> schema() {
    return fields;
  }

  /** Writes one row and its line end. */
  public void write(StructAccessor row, KustoCsvWriter out) throws IOException {
    for (int i = 0; i < kinds.length; i++) {
      if (row.isNullAt(i)) {
        out.writeNull();
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN:
          out.writeBoolean(row.getBoolean(i));
          break;
        case BYTE:
          out.writeInt(row.getByte(i));
          break;
        case SHORT:
          out.writeInt(row.getShort(i));
          break;
        case INT:
          out.writeInt(row.getInt(i));
          break;
        case LONG:
          out.writeLong(row.getLong(i));
          break;
        case FLOAT:
          out.writeFloat(row.getFloat(i));
          break;
        case DOUBLE:
          out.writeDouble(row.getDouble(i));
          break;
        case DECIMAL:
          ColumnType t = types[i];
          if (t.precision() <= 18) {
            out.writeDecimal(row.getDecimalUnscaledLong(i, t.precision(), t.scale()), t.scale());
          } else {
            out.writeDecimal(row.getDecimal(i, t.precision(), t.scale()));
          }
          break;
        case STRING:
          out.writeString(row.getString(i));
          break;
        case BINARY:
          out.writeBinary(row.getBinary(i));
          break;
        case DATE:
          out.writeDate(row.getInt(i));
          break;
        case TIMESTAMP:
          out.writeTimestampMicros(zone == null ? row.getLong(i) : toZone(row.getLong(i)));
          break;
        case STRUCT:
        case ARRAY:
        case MAP:
          out.writeDynamic(types[i], row, i);
          break;
        case NULL:
        default:
          out.writeNull();
          break;
      }
    }
    out.endRow();
  }

  /** The instant's wall-clock time in the zone, as microseconds of a UTC epoch. */
  private long toZone(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    return epochMicros + zone.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds() * 1_000_000L;
  }
}
