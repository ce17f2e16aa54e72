package com.microsoft.kusto.spark.common.auth;

import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import java.lang.reflect.Field;

/** Reads the SDK builder's state; most of its getters are package-private. */
final class ConnectionStrings {
  private ConnectionStrings() {}

  static Object field(ConnectionStringBuilder builder, String name) {
    try {
      Field field = ConnectionStringBuilder.class.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(builder);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("ConnectionStringBuilder has no field " + name, e);
    }
  }
}
