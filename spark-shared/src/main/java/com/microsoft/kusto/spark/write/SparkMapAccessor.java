package com.microsoft.kusto.spark.write;

import com.microsoft.kusto.spark.common.schema.csv.ArrayAccessor;
import com.microsoft.kusto.spark.common.schema.csv.MapAccessor;
import org.apache.spark.sql.catalyst.util.MapData;

/** A Spark {@link MapData} as a {@link MapAccessor}: Spark already stores a map as parallel key and value arrays. */
public final class SparkMapAccessor implements MapAccessor {
  private final MapData map;

  public SparkMapAccessor(MapData map) {
    this.map = map;
  }

  @Override
  public int numElements() {
    return map.numElements();
  }

  @Override
  public ArrayAccessor keyArray() {
    return new SparkArrayAccessor(map.keyArray());
  }

  @Override
  public ArrayAccessor valueArray() {
    return new SparkArrayAccessor(map.valueArray());
  }
}
