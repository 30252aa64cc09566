package dev.legate.core;

import java.util.Arrays;

/**
 * A half-open N-d rectangle {@code [lo, hi)}. A rectangle with any {@code hi[d] <= lo[d]} is
 * empty; a 0-d rectangle holds exactly one point.
 */
public final class Rect {
    private final long[] lo;
    private final long[] hi;

    /** A rectangle; the arrays are copied. */
    public Rect(long[] lo, long[] hi) {
        if (lo.length != hi.length) {
            throw new IllegalArgumentException("rect bounds differ in dimension: lo " + Arrays.toString(lo)
                    + ", hi " + Arrays.toString(hi));
        }
        this.lo = lo.clone();
        this.hi = hi.clone();
    }

    /** A rectangle owning {@code lo} and {@code hi} (no copies: callers made them). */
    private Rect(long[] lo, long[] hi, boolean owned) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The 1-d rectangle {@code [lo, hi)}. */
    public static Rect of1(long lo, long hi) {
        return new Rect(new long[] {lo}, new long[] {hi}, true);
    }

    /** The number of dimensions. */
    public int ndim() {
        return lo.length;
    }

    /** Inclusive lower bound of dimension {@code d}. */
    public long lo(int d) {
        return lo[d];
    }

    /** Exclusive upper bound of dimension {@code d}. */
    public long hi(int d) {
        return hi[d];
    }

    /** A copy of the lower bounds. */
    public long[] lo() {
        return lo.clone();
    }

    /** A copy of the upper bounds. */
    public long[] hi() {
        return hi.clone();
    }

    /** The extent of dimension {@code d} (0 when empty there). */
    public long extent(int d) {
        return Math.max(0, hi[d] - lo[d]);
    }

    /** The extents as a shape. */
    public Shape shape() {
        long[] e = new long[lo.length];
        for (int d = 0; d < e.length; d++) {
            e[d] = extent(d);
        }
        return Shape.of(e);
    }

    /** The number of points. */
    public long volume() {
        long v = 1;
        for (int d = 0; d < lo.length; d++) {
            v *= extent(d);
        }
        return v;
    }

    /** Whether the rectangle holds no point. */
    public boolean isEmpty() {
        for (int d = 0; d < lo.length; d++) {
            if (hi[d] <= lo[d]) {
                return true;
            }
        }
        return false;
    }

    /** The intersection with {@code o} (possibly empty). */
    public Rect intersect(Rect o) {
        long[] l = new long[lo.length];
        long[] h = new long[lo.length];
        for (int d = 0; d < l.length; d++) {
            l[d] = Math.max(lo[d], o.lo[d]);
            h[d] = Math.min(hi[d], o.hi[d]);
        }
        return new Rect(l, h);
    }

    /** Whether the two rectangles share a point. */
    public boolean overlaps(Rect o) {
        for (int d = 0; d < lo.length; d++) {
            if (Math.max(lo[d], o.lo[d]) >= Math.min(hi[d], o.hi[d])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every point of {@code o} lies in this rectangle (true for an empty {@code o}). */
    public boolean contains(Rect o) {
        if (o.isEmpty()) {
            return true;
        }
        for (int d = 0; d < lo.length; d++) {
            if (o.lo[d] < lo[d] || o.hi[d] > hi[d]) {
                return false;
            }
        }
        return true;
    }

    /** The smallest rectangle holding both (an empty operand is ignored). */
    public Rect union(Rect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        long[] l = new long[lo.length];
        long[] h = new long[lo.length];
        for (int d = 0; d < l.length; d++) {
            l[d] = Math.min(lo[d], o.lo[d]);
            h[d] = Math.max(hi[d], o.hi[d]);
        }
        return new Rect(l, h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rect r && Arrays.equals(lo, r.lo) && Arrays.equals(hi, r.hi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < lo.length; d++) {
            sb.append(d == 0 ? "" : ", ").append(lo[d]).append(':').append(hi[d]);
        }
        return sb.append(']').toString();
    }
}
