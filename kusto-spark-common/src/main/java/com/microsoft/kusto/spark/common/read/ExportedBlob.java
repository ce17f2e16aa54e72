package com.microsoft.kusto.spark.common.read;

import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import java.io.Serializable;
import java.util.Objects;

/** One Parquet blob an export wrote: where it is (with the credential to read it) and how large it is. */
public final class ExportedBlob implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ContainerAccess container;
  private final String name;
  private final long sizeBytes;

  public ExportedBlob(ContainerAccess container, String name, long sizeBytes) {
    this.container = Objects.requireNonNull(container, "container");
    this.name = Objects.requireNonNull(name, "name");
    this.sizeBytes = sizeBytes;
  }

  public ContainerAccess container() {
    return container;
  }

  public String name() {
    return name;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExportedBlob)) {
      return false;
    }
    ExportedBlob other = (ExportedBlob) o;
    return container.equals(other.container) && name.equals(other.name) && sizeBytes == other.sizeBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(container, name);
  }

  @Override
  public String toString() {
    return container.containerUrl() + "/" + name + " (" + sizeBytes + " bytes)";
  }
}
