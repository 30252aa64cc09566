package dev.legate.core.internal;

import dev.legate.core.Rect;
import java.util.ArrayList;
import java.util.List;

/** Set operations on rectangles. */
final class RectOps {
    private RectOps() {
    }

    /** {@code a} minus {@code b} as disjoint rectangles (at most 2 per dimension). */
    static List<Rect> subtract(Rect a, Rect b) {
        List<Rect> out = new ArrayList<>(2);
        if (!a.overlaps(b)) {
            if (!a.isEmpty()) {
                out.add(a);
            }
            return out;
        }
        long[] lo = a.lo();
        long[] hi = a.hi();
        for (int d = 0; d < lo.length; d++) {
            if (b.lo(d) > lo[d]) {
                long[] h = hi.clone();
                h[d] = b.lo(d);
                out.add(new Rect(lo.clone(), h));
                lo[d] = b.lo(d);
            }
            if (b.hi(d) < hi[d]) {
                long[] l = lo.clone();
                l[d] = b.hi(d);
                out.add(new Rect(l, hi.clone()));
                hi[d] = b.hi(d);
            }
        }
        return out;
    }

    /** {@code rects} minus {@code b}. */
    static List<Rect> subtract(List<Rect> rects, Rect b) {
        List<Rect> out = new ArrayList<>();
        for (Rect r : rects) {
            out.addAll(subtract(r, b));
        }
        return out;
    }

    /**
     * Calls {@code sink(offset, length)} for each contiguous run of elements of {@code r} in a
     * row-major array of extents {@code shape}, merging runs across full trailing dimensions.
     */
    static void runs(Rect r, long[] shape, RunSink sink) {
        if (r.isEmpty()) {
            return;
        }
        int nd = shape.length;
        if (nd == 0) {
            sink.run(0, 1);
            return;
        }
        int split = nd - 1;
        long runLen = r.extent(nd - 1);
        while (split > 0 && r.lo(split) == 0 && r.hi(split) == shape[split]) {
            split--;
            runLen *= r.extent(split);
        }
        long[] strides = new long[nd];
        long acc = 1;
        for (int d = nd - 1; d >= 0; d--) {
            strides[d] = acc;
            acc *= shape[d];
        }
        long[] p = r.lo();
        while (true) {
            long off = 0;
            for (int d = 0; d < nd; d++) {
                off += p[d] * strides[d];
            }
            sink.run(off, runLen);
            int d = split - 1;
            while (d >= 0) {
                if (++p[d] < r.hi(d)) {
                    break;
                }
                p[d] = r.lo(d);
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Receives a run of elements. */
    interface RunSink {
        void run(long offset, long length);
    }
}
