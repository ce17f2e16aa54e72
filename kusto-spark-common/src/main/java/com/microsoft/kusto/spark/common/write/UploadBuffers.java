package com.microsoft.kusto.spark.common.write;

/**
 * The memory a partition's upload may hold, whatever the partition's size: the storage SDK's output stream keeps at
 * most {@link #MAX_CONCURRENCY} blocks of {@link #BLOCK_SIZE_BYTES} in flight, and the CSV writer and gzip add a few
 * small fixed buffers.
 */
public final class UploadBuffers {
  /** Size of one staged block. */
  public static final int BLOCK_SIZE_BYTES = 4 * 1024 * 1024;
  /** Blocks uploaded in parallel (each one buffered). */
  public static final int MAX_CONCURRENCY = 2;
  /** Buffer between the CSV text and gzip. */
  static final int GZIP_BUFFER_BYTES = 64 * 1024;

  private UploadBuffers() {}

  /** Upper bound of the bytes buffered for one blob upload. */
  public static long maxBufferedBytes() {
    return (long) BLOCK_SIZE_BYTES * (MAX_CONCURRENCY + 1) + GZIP_BUFFER_BYTES;
  }
}
