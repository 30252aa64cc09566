package dev.legate.core;

import java.util.Arrays;

/**
 * The extents of an N-d store. A 0-d shape has volume 1 (a scalar).
 */
public final class Shape {
    private final long[] extents;

    private Shape(long[] extents) {
        this.extents = extents;
    }

    /** A shape with the given extents; each must be non-negative. */
    public static Shape of(long... extents) {
        for (int i = 0; i < extents.length; i++) {
            if (extents[i] < 0) {
                throw new IllegalArgumentException("negative extent " + extents[i] + " in dimension " + i
                        + " of shape " + Arrays.toString(extents));
            }
        }
        return new Shape(extents.clone());
    }

    /** The number of dimensions. */
    public int ndim() {
        return extents.length;
    }

    /** The extent of dimension {@code dim}. */
    public long extent(int dim) {
        return extents[dim];
    }

    /** A copy of the extents. */
    public long[] extents() {
        return extents.clone();
    }

    /** The number of elements (1 for a 0-d shape). */
    public long volume() {
        long v = 1;
        for (long e : extents) {
            v = Math.multiplyExact(v, e);
        }
        return v;
    }

    /** The rectangle [0, extents). */
    public Rect rect() {
        return new Rect(new long[extents.length], extents.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(extents, s.extents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(extents);
    }

    /** Formats like NumPy: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    @Override
    public String toString() {
        if (extents.length == 1) {
            return "(" + extents[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < extents.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(extents[i]);
        }
        return sb.append(')').toString();
    }
}
