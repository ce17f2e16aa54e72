package com.microsoft.kusto.spark.common.storage;

import java.io.Serializable;
import java.util.Objects;

/** A blob found in a container: its name (path within the container) and size. Holds no credential. */
public final class StoredBlob implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final long sizeBytes;

  public StoredBlob(String name, long sizeBytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.sizeBytes = sizeBytes;
  }

  public String name() {
    return name;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredBlob && ((StoredBlob) o).name.equals(name) && ((StoredBlob) o).sizeBytes == sizeBytes;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + " (" + sizeBytes + " bytes)";
  }
}
