package com.microsoft.kusto.spark.common.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Groups exported blobs into Spark input partitions of similar size: largest blob first into the lightest group
 * (the classic greedy bin balancing), so one straggler partition does not hold up the whole read. Deterministic
 * for the same input.
 */
public final class BlobGroups {
  /**
   * Smallest share worth a partition of its own when spreading over the cores (Spark's default
   * {@code spark.sql.files.openCostInBytes}): below it, starting a task costs more than it saves.
   */
  public static final long MIN_SPREAD_BYTES = 4L * 1024 * 1024;

  private BlobGroups() {}

  /**
   * Groups as Spark's own file sources split their input: partitions of at most {@code maxBytes}, but small
   * enough that every one of {@code parallelism} cores gets a share of the total (never below
   * {@link #MIN_SPREAD_BYTES}). So a few exported blobs smaller than {@code maxBytes} still read in parallel
   * instead of in one task.
   *
   * @param maxBytes the largest partition wanted (Spark's {@code maxPartitionBytes})
   * @param parallelism the cores Spark runs tasks on ({@code defaultParallelism})
   */
  public static List<List<ExportedBlob>> balance(List<ExportedBlob> blobs, long maxBytes, int parallelism) {
    long total = 0;
    for (ExportedBlob blob : blobs) {
      total += blob.sizeBytes();
    }
    long perCore = (total + Math.max(1, parallelism) - 1) / Math.max(1, parallelism);
    return balance(blobs, Math.max(1, Math.min(maxBytes, Math.max(MIN_SPREAD_BYTES, perCore))));
  }

  /**
   * @param targetBytes the size a partition aims at; a blob larger than it makes a partition of its own
   * @return the groups, none empty; one group per blob when every blob is at least {@code targetBytes}
   */
  public static List<List<ExportedBlob>> balance(List<ExportedBlob> blobs, long targetBytes) {
    if (blobs.isEmpty()) {
      return Collections.emptyList();
    }
    long total = 0;
    for (ExportedBlob blob : blobs) {
      total += blob.sizeBytes();
    }
    int groupCount = (int) Math.max(1, Math.min(blobs.size(), (total + targetBytes - 1) / Math.max(1, targetBytes)));
    List<ExportedBlob> largestFirst = new ArrayList<>(blobs);
    largestFirst.sort(
        Comparator.comparingLong(ExportedBlob::sizeBytes).reversed().thenComparing(ExportedBlob::name));
    List<List<ExportedBlob>> groups = new ArrayList<>(groupCount);
    long[] sizes = new long[groupCount];
    for (int i = 0; i < groupCount; i++) {
      groups.add(new ArrayList<>());
    }
    for (ExportedBlob blob : largestFirst) {
      int lightest = 0;
      for (int i = 1; i < groupCount; i++) {
        if (sizes[i] < sizes[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(blob);
      sizes[lightest] += blob.sizeBytes();
    }
    for (List<ExportedBlob> group : groups) {
      group.sort(Comparator.comparing(ExportedBlob::name));
    }
    return groups;
  }
}
