package com.microsoft.kusto.spark.common.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.common.storage.ContainerAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlobGroupsTest {
  private static final ContainerAccess CONTAINER =
      ContainerAccess.withSas("https://acc.blob.core.windows.net", "acc", "c", "sv=1&sig=x");

  private static ExportedBlob blob(String name, long size) {
    return new ExportedBlob(CONTAINER, name, size);
  }

  private static long size(List<ExportedBlob> group) {
    return group.stream().mapToLong(ExportedBlob::sizeBytes).sum();
  }

  @Test
  void largeBlobsGetAPartitionEach() {
    List<ExportedBlob> blobs = List.of(blob("a", 100), blob("b", 120), blob("c", 110));
    assertThat(BlobGroups.balance(blobs, 100)).hasSize(3).allSatisfy(g -> assertThat(g).hasSize(1));
  }

  @Test
  void smallBlobsAreGroupedIntoBalancedPartitions() {
    List<ExportedBlob> blobs = new ArrayList<>();
    long[] sizes = {90, 10, 40, 60, 30, 70, 20, 80, 50, 50};
    for (int i = 0; i < sizes.length; i++) {
      blobs.add(blob("part" + i, sizes[i]));
    }
    List<List<ExportedBlob>> groups = BlobGroups.balance(blobs, 250);
    assertThat(groups).hasSize(2);
    assertThat(groups.stream().map(BlobGroupsTest::size).collect(Collectors.toList())).containsExactly(250L, 250L);
    assertThat(groups.stream().flatMap(List::stream).collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(blobs);
  }

  @Test
  void deterministicAndNeverEmpty() {
    List<ExportedBlob> blobs = List.of(blob("x", 0), blob("y", 0), blob("z", 5));
    assertThat(BlobGroups.balance(blobs, 1_000)).isEqualTo(BlobGroups.balance(blobs, 1_000)).hasSize(1);
    assertThat(BlobGroups.balance(List.of(), 10)).isEmpty();
  }

  @Test
  void blobsSmallerThanTheMaximumStillSpreadOverEveryCore() {
    long mb = 1024L * 1024;
    List<ExportedBlob> twoNodes = List.of(blob("n0", 30 * mb), blob("n1", 30 * mb));
    assertThat(BlobGroups.balance(twoNodes, 128 * mb, 2)).hasSize(2);
    assertThat(BlobGroups.balance(twoNodes, 128 * mb, 1)).hasSize(1);
    // Never more partitions than blobs, and tiny exports stay in one task.
    assertThat(BlobGroups.balance(twoNodes, 128 * mb, 8)).hasSize(2);
    assertThat(BlobGroups.balance(List.of(blob("a", mb), blob("b", mb)), 128 * mb, 2)).hasSize(1);
    // The maximum still caps a partition when cores are few.
    List<ExportedBlob> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(blob("p" + i, 64 * mb));
    }
    assertThat(BlobGroups.balance(many, 128 * mb, 2)).hasSize(4);
  }
}
