package com.microsoft.kusto.emulator.export;

import java.util.ArrayList;
import java.util.List;

/**
 * How a distributed export shares its rows among the emulated cluster's nodes: each node writes a contiguous
 * range of the result (in result order) to its own files, in parallel with the others, as each node of a Kusto
 * cluster writes the extents it holds. A small result stays on one node, as a small table sits in few extents.
 */
final class NodeSlices {
  /** Fewest rows worth a node of its own; below this, rows stay with fewer nodes. */
  static final long MIN_ROWS_PER_NODE = 10_000;

  private NodeSlices() {}

  /** One node's share: rows {@code [firstRow, endRow)} of the result, by position. */
  record Slice(int node, long firstRow, long endRow) {}

  /**
   * @param rows the number of rows of the exported result
   * @param nodes the number of nodes of the emulated cluster (1 for a non-distributed export)
   * @return at least one slice (an empty result makes one empty slice, so the export still writes a file)
   */
  static List<Slice> of(long rows, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
    }
    int count = (int) Math.max(1, Math.min(nodes, rows / MIN_ROWS_PER_NODE));
    List<Slice> slices = new ArrayList<>(count);
    long start = 0;
    for (int i = 0; i < count; i++) {
      long end = start + rows / count + (i < rows % count ? 1 : 0);
      slices.add(new Slice(i, start, end));
      start = end;
    }
    return slices;
  }
}
