package dev.legate.core;

import java.util.Arrays;

/** A point in an N-d index space, such as the color of a point task in its launch domain. */
public final class Point {
    private final long[] coords;

    private Point(long[] coords) {
        this.coords = coords;
    }

    /** A point with the given coordinates. */
    public static Point of(long... coords) {
        return new Point(coords.clone());
    }

    /** Origins of low-rank spaces, shared (points are immutable). */
    private static final Point[] ZEROS = {new Point(new long[0]), new Point(new long[1]), new Point(new long[2]),
        new Point(new long[3]), new Point(new long[4])};

    /** The origin of an {@code ndim}-d space. */
    public static Point zero(int ndim) {
        return ndim < ZEROS.length ? ZEROS[ndim] : new Point(new long[ndim]);
    }

    /** The number of dimensions. */
    public int ndim() {
        return coords.length;
    }

    /** Coordinate {@code dim}. */
    public long get(int dim) {
        return coords[dim];
    }

    /** A copy of the coordinates. */
    public long[] coords() {
        return coords.clone();
    }

    /** The row-major linear index of this point within {@code extents}. */
    public long linearize(Shape extents) {
        long idx = 0;
        for (int d = 0; d < coords.length; d++) {
            idx = idx * extents.extent(d) + coords[d];
        }
        return idx;
    }

    /** The point at row-major linear index {@code index} within {@code extents}. */
    public static Point delinearize(long index, Shape extents) {
        long[] c = new long[extents.ndim()];
        for (int d = c.length - 1; d >= 0; d--) {
            long e = extents.extent(d);
            c[d] = index % e;
            index /= e;
        }
        return new Point(c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && Arrays.equals(coords, p.coords);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coords);
    }

    @Override
    public String toString() {
        return Arrays.toString(coords).replace('[', '(').replace(']', ')');
    }
}
