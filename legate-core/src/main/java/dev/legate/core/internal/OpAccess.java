package dev.legate.core.internal;

import dev.legate.core.Rect;

/**
 * The access of one operation to one storage: per point, the node and the root rectangle it
 * touches, and whether it writes. Kept on the storage until the operation has finished or a
 * later write covers it.
 */
final class OpAccess {
    final NodeGroup group;
    final Node[] nodes;
    final Rect[] rects;
    final Rect bounds;
    final boolean write;
    /** Point indices sorted by rects[i].lo(0), built on demand for large launches. */
    private int[] order;
    private long[] prefixMaxHi;

    OpAccess(NodeGroup group, Node[] nodes, Rect[] rects, Rect bounds, boolean write) {
        this.group = group;
        this.nodes = nodes;
        this.rects = rects;
        this.bounds = bounds;
        this.write = write;
    }

    /** Calls {@code sink} with each point whose rectangle overlaps {@code r}. */
    void forEachOverlap(Rect r, java.util.function.IntConsumer sink) {
        if (rects.length <= 64 || r.ndim() == 0) {
            for (int i = 0; i < rects.length; i++) {
                if (rects[i].overlaps(r)) {
                    sink.accept(i);
                }
            }
            return;
        }
        if (order == null) {
            buildIndex();
        }
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rects[order[mid]].lo(0) < r.hi(0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int j = lo - 1; j >= 0 && prefixMaxHi[j] > r.lo(0); j--) {
            int i = order[j];
            if (rects[i].overlaps(r)) {
                sink.accept(i);
            }
        }
    }

    private void buildIndex() {
        Integer[] idx = new Integer[rects.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Long.compare(rects[a].lo(0), rects[b].lo(0)));
        int[] o = new int[idx.length];
        long[] m = new long[idx.length];
        long max = Long.MIN_VALUE;
        for (int j = 0; j < o.length; j++) {
            o[j] = idx[j];
            Rect rr = rects[o[j]];
            max = Math.max(max, rr.isEmpty() ? Long.MIN_VALUE : rr.hi(0));
            m[j] = max;
        }
        prefixMaxHi = m;
        order = o;
    }
}
